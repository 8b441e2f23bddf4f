import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { blockCostWidth, createAccumulator, mergeAccumulator } from './accumulator.ts';
import { prepareForecast, runForecast } from './run.ts';
import type { ForecastResult } from './result-types.ts';
import { simulateBlock } from './simulate-block.ts';
import { summarize } from './summarize.ts';
import { threeStageModel } from '../../tests/support/test-models.ts';

const withoutTiming = (result: ForecastResult) => ({ ...result, meta: { ...result.meta, computeMs: 0 } });

function runOk(model: unknown, trials: number, seed: number): ForecastResult {
  const result = runForecast(model, { trials, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('engine: reproducibility', () => {
  it('gives a bit-identical result for the same model, seed and trials', () => {
    const a = runOk(SAMPLE_WORKSPACE, 3_000, 42);
    const b = runOk(SAMPLE_WORKSPACE, 3_000, 42);
    expect(withoutTiming(a)).toEqual(withoutTiming(b));
    const c = runOk(SAMPLE_WORKSPACE, 3_000, 43);
    expect(c.quarters[0]?.mean).not.toBe(a.quarters[0]?.mean);
  });

  it('is bit-identical however blocks are spread over workers and in whatever order they finish', () => {
    const plan = prepareForecast(SAMPLE_WORKSPACE, { trials: 2_100, seed: 5 });
    if (!plan.ok) throw new Error('plan');
    const p = plan.value.prepared;
    const sequential = createAccumulator(p);
    for (let b = 0; b < p.blockCount; b++) simulateBlock(p, b, sequential);
    // Three "workers", blocks dealt round-robin and simulated in reverse, merged in a scrambled order.
    const workers = [0, 1, 2].map(() => createAccumulator(p));
    for (let b = p.blockCount - 1; b >= 0; b--) simulateBlock(p, b, workers[b % 3] ?? sequential);
    const merged = createAccumulator(p);
    for (const w of [workers[2], workers[0], workers[1]]) if (w) mergeAccumulator(merged, w, p);
    expect(withoutTiming(summarize(plan.value, merged, 0))).toEqual(withoutTiming(summarize(plan.value, sequential, 0)));
  });

  it('survives a JSON round trip unchanged (results cross IPC and go to disk)', () => {
    const result = runOk(threeStageModel(), 1_000, 3);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('summarizes partial runs as incomplete', () => {
    const plan = prepareForecast(threeStageModel(), { trials: 1_000, seed: 1 });
    if (!plan.ok) throw new Error('plan');
    const acc = createAccumulator(plan.value.prepared);
    simulateBlock(plan.value.prepared, 0, acc);
    const partial = summarize(plan.value, acc, 0);
    expect(partial.meta).toMatchObject({ trials: 250, complete: false });
  });

  it('holds memory in trials + deals, never trials × deals', () => {
    const deals = Array.from({ length: 5_000 }, (_, i) => ({ id: `D${i}`, name: 'x', amount: 1, stage: 'exec', stageEnteredOn: '2026-11-01' }));
    const plan = prepareForecast({ ...threeStageModel(), deals }, { trials: 1_000_000, seed: 1 });
    if (!plan.ok) throw new Error('plan');
    const acc = createAccumulator(plan.value.prepared);
    const bytes = Object.values(acc).reduce((n: number, a: { byteLength: number }) => n + a.byteLength, 0);
    const p = plan.value.prepared;
    // Per trial its quarter totals, per deal its histogram, per block its cost sums (a block is ~250,000 deal-trials).
    expect(bytes).toBeLessThan(p.trials * (p.quarterCount + 1) * 8 + p.dealCount * p.histogramBins * 4 + p.blockCount * blockCostWidth(p) * 8 + 1e6);
    expect(bytes).toBeLessThan((p.trials * p.dealCount) / 10);
  });
});

/** Small random valid models: 1–4 stages with fixed rates, 1–6 deals. */
const modelArbitrary = fc
  .record({
    stages: fc.array(
      fc.record({
        conversion: fc.double({ min: 0.05, max: 1, noNaN: true }),
        median: fc.integer({ min: 1, max: 200 }),
        spread: fc.double({ min: 1.1, max: 5, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    deals: fc.array(fc.record({ stage: fc.nat(), amount: fc.integer({ min: 1, max: 1_000_000 }), daysIn: fc.integer({ min: 0, max: 400 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .map(({ stages, deals }): ForecastModelInput => ({
    version: 1,
    asOf: '2026-11-23',
    horizonQuarters: 4,
    stages: stages.map((s, j) => ({ id: `s${j}`, name: `Stage ${j}`, conversion: s.conversion, duration: { median: s.median, p90: s.median * s.spread } })),
    deals: deals.map((d, i) => ({
      id: `D${i}`,
      name: `Deal ${i}`,
      amount: d.amount,
      stage: `s${d.stage % stages.length}`,
      stageEnteredOn: new Date(Date.UTC(2026, 10, 23) - d.daysIn * 86_400_000).toISOString().slice(0, 10),
    })),
  }));

describe('engine: properties', () => {
  it('raising a conversion rate never lowers any deal’s P(win)', () => {
    fc.assert(
      fc.property(modelArbitrary, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (model, stagePick, raise) => {
        const j = stagePick % model.stages.length;
        const stage = model.stages[j];
        if (!stage) return;
        const higher = { ...model, stages: model.stages.map((s, i) => (i === j ? { ...s, conversion: s.conversion + (1 - s.conversion) * raise } : s)) };
        const before = runOk(model, 500, 11);
        const after = runOk(higher, 500, 11);
        // Each deal keeps its random numbers, so this holds trial by trial, not just on average.
        before.deals.forEach((deal, i) => expect(after.deals[i]?.pWin).toBeGreaterThanOrEqual(deal.pWin));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a deal’s result when other deals change (common random numbers)', () => {
    const model = threeStageModel();
    const a = runOk(model, 2_000, 9);
    const b = runOk({ ...model, deals: [...model.deals].reverse().map((d) => (d.id === 'A' ? { ...d, amount: 1 } : d)) }, 2_000, 9);
    for (const id of ['B', 'C', 'D']) {
      expect(b.deals.find((d) => d.id === id)).toEqual(a.deals.find((d) => d.id === id));
    }
  });

  it('returns problems, never exceptions, for bad models and options', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (model, trials, seed) => {
        const result = runForecast(model, { trials: trials as number, seed: seed as number });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    const bad = runForecast(threeStageModel(), { trials: 0, seed: -1 });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['trials', 'seed']);
  });
});
