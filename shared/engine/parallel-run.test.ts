import { describe, expect, it } from 'vitest';
import { fakeBlockWorkers } from '../../tests/support/fake-block-workers.ts';
import { sensitivity } from '../analysis/sensitivity.ts';
import type { BlockRunner } from '../analysis/simulate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { createAccumulator, type Accumulator } from './accumulator.ts';
import { runInParallel } from './parallel-run.ts';
import { planForecast, type ForecastPlan } from './prepare.ts';
import { simulateBlock } from './simulate-block.ts';
import { summarize } from './summarize.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';

function planOf(model: unknown, trials: number, seed: number, trackDeals?: string[]): ForecastPlan {
  return planForecast(validModel(model), { trials, seed, ...(trackDeals ? { trackDeals } : {}) });
}

function inOneThread(plan: ForecastPlan): Accumulator {
  const acc = createAccumulator(plan.prepared);
  for (let b = 0; b < plan.prepared.blockCount; b++) simulateBlock(plan.prepared, b, acc);
  return acc;
}

describe('runs spread over several workers', () => {
  it.each([
    [1, 0],
    [2, 0],
    [2, 50],
    [3, 0],
    [5, 1000],
  ])('merge to exactly the one-thread accumulator and result with %i worker(s), %i ms of work queued at each', async (count, queuedWorkMs) => {
    const plan = planOf(threeStageModel(), 2_600, 7, ['A', 'C']);
    const { ports, received } = fakeBlockWorkers(count, { shuffleSeed: count });
    const merged = await runInParallel(ports, plan.prepared, { runId: 1, now: () => performance.now(), refineMs: null, queuedWorkMs }).done;
    expect(received.flat().filter((m) => m.type === 'block')).toHaveLength(plan.prepared.blockCount);
    expect(merged).not.toBeNull();
    const reference = inOneThread(plan);
    expect(merged).toEqual(reference);
    expect(summarize(plan, merged as Accumulator, 0)).toEqual(summarize(plan, reference, 0));
  });

  it('gives the same sample-workspace result with progressive deltas as without', async () => {
    const plan = planOf(SAMPLE_WORKSPACE, 3_000, 3);
    let clock = 0;
    // Every block "takes" 60 ms on this clock, so workers hand deltas over often.
    const { ports } = fakeBlockWorkers(3, { shuffleSeed: 9, now: () => (clock += 60) });
    const partials: number[] = [];
    const merged = await runInParallel(ports, plan.prepared, {
      runId: 4,
      now: () => clock,
      refineMs: 200,
      onPartial: (acc, blocks) => {
        partials.push(blocks);
        expect(summarize(plan, acc, 0).meta.complete).toBe(false);
      },
    }).done;
    expect(partials.length).toBeGreaterThan(1);
    expect(partials[0]).toBeGreaterThanOrEqual(1);
    expect(summarize(plan, merged as Accumulator, 0)).toEqual(summarize(plan, inOneThread(plan), 0));
  });

  it('hands merged deltas back for reuse, and runs on reused accumulators give exactly the one-thread result', async () => {
    const plan = planOf(SAMPLE_WORKSPACE, 3_000, 3);
    let clock = 0;
    const { ports, received } = fakeBlockWorkers(2, { shuffleSeed: 5, now: () => (clock += 60) });
    const progressive = { now: () => clock, refineMs: 200, onPartial: () => undefined };
    const reference = inOneThread(plan);
    for (const runId of [1, 2]) expect(await runInParallel(ports, plan.prepared, { runId, ...progressive }).done).toEqual(reference);
    expect(received.flat().filter((m) => m.type === 'recycle').length).toBeGreaterThan(2);
    // A run of another shape on the same workers: their spares do not fit it, so it gets new accumulators.
    const other = planOf(threeStageModel(), 900, 4, ['A']);
    expect(await runInParallel(ports, other.prepared, { runId: 3, ...progressive }).done).toEqual(inOneThread(other));
  });

  it('stops handing out blocks when cancelled, resolves to null, and ignores replies of another run', async () => {
    const plan = planOf(SAMPLE_WORKSPACE, 20_000, 1);
    const { ports, received } = fakeBlockWorkers(2);
    const run = runInParallel(ports, plan.prepared, { runId: 1, now: () => 0, refineMs: null });
    run.cancel();
    expect(await run.done).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const blocksSent = received.flat().filter((m) => m.type === 'block').length;
    expect(blocksSent).toBeLessThanOrEqual(2);
    // The same ports serve the next run, and the first run's late replies do not leak into it.
    const next = await runInParallel(ports, planOf(threeStageModel(), 500, 2).prepared, { runId: 2, now: () => 0, refineMs: null }).done;
    expect(next).toEqual(inOneThread(planOf(threeStageModel(), 500, 2)));
  });
});

describe('analyses over a pool', () => {
  it('give the same tornado with their runs spread over workers as in one thread', async () => {
    const { ports } = fakeBlockWorkers(2, { shuffleSeed: 3 });
    let runId = 0;
    const runBlocks: BlockRunner = async (plan) => {
      const merged = await runInParallel(ports, plan.prepared, { runId: ++runId, now: () => 0, refineMs: null }).done;
      if (!merged) throw new Error('cancelled');
      return merged;
    };
    const model = validModel(threeStageModel());
    const settings = { quarter: 1, metric: 'p50', step: 0.1 } as const;
    const inThread = await sensitivity(model, settings, { trials: 1_000, seed: 2 });
    const pooled = await sensitivity(model, settings, { trials: 1_000, seed: 2, runBlocks });
    expect(pooled).toEqual(inThread);
    expect(runId).toBe(1 + 2 * 2 * model.stages.length);
  });
});
