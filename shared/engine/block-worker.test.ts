import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';
import { createAccumulator, type Accumulator } from './accumulator.ts';
import { blockWorkerHandler, type FromBlockWorker } from './block-worker.ts';
import { planForecast } from './prepare.ts';
import { simulateBlock } from './simulate-block.ts';

const prepared = (model: unknown, trials: number) => planForecast(validModel(model), { trials, seed: 5 }).prepared;

/** The worker's side in this thread: replies are collected as they are sent (no copy). */
function worker() {
  const replies: FromBlockWorker[] = [];
  return { replies, handle: blockWorkerHandler((reply) => replies.push(reply), () => 0) };
}

/** An accumulator of the right shape full of another run's numbers. */
function dirty(p: ReturnType<typeof prepared>): Accumulator {
  const acc = createAccumulator(p);
  for (let b = 0; b < p.blockCount; b++) simulateBlock(p, b, acc);
  return acc;
}

describe('the block worker', () => {
  it('clears a recycled accumulator and simulates the next block into it', () => {
    const p = prepared(SAMPLE_WORKSPACE, 600);
    const { replies, handle } = worker();
    const recycled = dirty(p);
    handle({ type: 'recycle', accumulator: recycled });
    handle({ type: 'prepare', runId: 1, prepared: p, deltaEveryMs: null });
    handle({ type: 'block', runId: 1, block: 1 });
    handle({ type: 'flush', runId: 1 });
    const delta = replies.at(-1)?.delta;
    expect(delta).toBe(recycled);
    const fresh = createAccumulator(p);
    simulateBlock(p, 1, fresh);
    expect(delta).toEqual(fresh);
  });

  it('keeps a superseded run’s accumulator for the next run, and never reuses one of another shape', () => {
    const p = prepared(SAMPLE_WORKSPACE, 600);
    const { replies, handle } = worker();
    handle({ type: 'prepare', runId: 1, prepared: p, deltaEveryMs: null });
    handle({ type: 'block', runId: 1, block: 0 });
    handle({ type: 'prepare', runId: 2, prepared: p, deltaEveryMs: null });
    handle({ type: 'block', runId: 2, block: 2 });
    handle({ type: 'flush', runId: 2 });
    const fresh = createAccumulator(p);
    simulateBlock(p, 2, fresh);
    expect(replies.at(-1)?.delta).toEqual(fresh);

    const other = prepared(threeStageModel(), 300);
    const misfit = dirty(p);
    handle({ type: 'recycle', accumulator: misfit });
    handle({ type: 'prepare', runId: 3, prepared: other, deltaEveryMs: null });
    handle({ type: 'block', runId: 3, block: 0 });
    handle({ type: 'flush', runId: 3 });
    const delta = replies.at(-1)?.delta;
    expect(delta).not.toBe(misfit);
    const expected = createAccumulator(other);
    simulateBlock(other, 0, expected);
    expect(delta).toEqual(expected);
  });
});
