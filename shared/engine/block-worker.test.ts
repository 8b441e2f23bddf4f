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

/** Asks the worker for one block of a new run, then for what it holds: the accumulator it simulated into. */
function simulateOne(w: ReturnType<typeof worker>, runId: number, p: ReturnType<typeof prepared>, block: number): Accumulator | null | undefined {
  w.handle({ type: 'prepare', runId, prepared: p, deltaEveryMs: null });
  w.handle({ type: 'block', runId, block });
  w.handle({ type: 'flush', runId });
  return w.replies.at(-1)?.delta;
}

/** What one block of `p` simulates into a new accumulator. */
function oneBlock(p: ReturnType<typeof prepared>, block: number): Accumulator {
  const acc = createAccumulator(p);
  simulateBlock(p, block, acc);
  return acc;
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
    const w = worker();
    const recycled = dirty(p);
    w.handle({ type: 'recycle', accumulator: recycled });
    const delta = simulateOne(w, 1, p, 1);
    expect(delta).toBe(recycled);
    expect(delta).toEqual(oneBlock(p, 1));
  });

  it('keeps a superseded run’s accumulator for the next run, and never reuses one of another shape', () => {
    const p = prepared(SAMPLE_WORKSPACE, 600);
    const w = worker();
    // Run 1 is superseded after a block it never hands over; run 2 simulates into that accumulator, cleared.
    w.handle({ type: 'prepare', runId: 1, prepared: p, deltaEveryMs: null });
    w.handle({ type: 'block', runId: 1, block: 0 });
    expect(simulateOne(w, 2, p, 2)).toEqual(oneBlock(p, 2));

    const other = prepared(threeStageModel(), 300);
    const misfit = dirty(p);
    w.handle({ type: 'recycle', accumulator: misfit });
    const delta = simulateOne(w, 3, other, 0);
    expect(delta).not.toBe(misfit);
    expect(delta).toEqual(oneBlock(other, 0));
  });
});
