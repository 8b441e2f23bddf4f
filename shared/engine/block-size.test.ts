import { describe, expect, it } from 'vitest';
import { fakeBlockWorkers } from '../../tests/support/fake-block-workers.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';
import { createAccumulator } from './accumulator.ts';
import { BLOCK_TRIALS, blockTrialsFor } from './constants.ts';
import { runInParallel } from './parallel-run.ts';
import { planForecast } from './prepare.ts';
import { simulateBlock } from './simulate-block.ts';
import { summarize } from './summarize.ts';

/** The three-stage model's deals repeated under new ids, for a pipeline of `count` deals. */
function pipelineOf(count: number) {
  const model = threeStageModel();
  const deals = Array.from({ length: count }, (_, i) => ({ ...model.deals[i % model.deals.length]!, id: `D-${i + 1}`, name: `Account ${i + 1}` }));
  return validModel({ ...model, deals });
}

describe('blocks of a large pipeline', () => {
  it('keep 250 trials up to 1,000 deals, then about 250,000 deal-trials, never under 25', () => {
    expect([0, 1, 300, 1_000].map(blockTrialsFor)).toEqual([BLOCK_TRIALS, 250, 250, 250]);
    expect([1_001, 2_000, 5_000, 10_000, 100_000].map(blockTrialsFor)).toEqual([249, 125, 50, 25, 25]);
  });

  it('cover every trial once, and a 2,000-deal run gives the same result however its blocks are spread', async () => {
    const plan = planForecast(pipelineOf(2_000), { trials: 260, seed: 11 });
    expect(plan.prepared.blockTrials).toBe(125);
    expect(plan.prepared.blockCount).toBe(3);
    const sequential = createAccumulator(plan.prepared);
    for (let b = 0; b < plan.prepared.blockCount; b++) simulateBlock(plan.prepared, b, sequential);
    const { ports } = fakeBlockWorkers(3, { shuffleSeed: 5 });
    const merged = await runInParallel(ports, plan.prepared, { runId: 1, now: () => performance.now(), refineMs: null }).done;
    // Byte for byte (a deep comparison of these arrays takes the test runner minutes).
    const bytes = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
    expect(merged).not.toBeNull();
    for (const [name, array] of Object.entries(sequential)) expect(same(bytes(merged?.[name as keyof typeof sequential] ?? new Uint8Array()), bytes(array)), name).toBe(true);
    const result = summarize(plan, sequential, 0);
    expect(summarize(plan, merged ?? sequential, 0)).toEqual(result);
    expect(result.meta).toMatchObject({ trials: 260, complete: true });
    // Every trial was simulated: each deal's win chance is a count over all 260 trials.
    for (const deal of result.deals.slice(0, 20)) expect(Math.round(deal.pWin * 260 * 1e6) % 1e6).toBe(0);
  });

  it('draw the same numbers as blocks of 250 would: the same wins, close days and bookings per trial', () => {
    const plan = planForecast(pipelineOf(2_000), { trials: 300, seed: 4 });
    const inBlocksOf = (blockTrials: number) => {
      const prepared = { ...plan.prepared, blockTrials, blockCount: Math.ceil(plan.prepared.trials / blockTrials) };
      const acc = createAccumulator(prepared);
      for (let b = 0; b < prepared.blockCount; b++) simulateBlock(prepared, b, acc);
      return acc;
    };
    const own = inBlocksOf(plan.prepared.blockTrials);
    const of250 = inBlocksOf(BLOCK_TRIALS);
    expect(plan.prepared.blockTrials).toBe(125);
    expect(own.dealCloseHistogram.every((count, i) => count === of250.dealCloseHistogram[i])).toBe(true);
    expect(own.bookings.every((amount, i) => amount === of250.bookings[i])).toBe(true);
    expect(Array.from(own.quarterWins)).toEqual(Array.from(of250.quarterWins));
  });
});
