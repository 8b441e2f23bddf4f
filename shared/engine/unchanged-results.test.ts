import { describe, expect, it } from 'vitest';
import { runForecast } from './run.ts';
import { threeStageModel } from '../../tests/support/test-models.ts';

/**
 * A model without a losers' time or a duration sample size gives exactly the numbers the engine gave
 * before those options existed (semantics 9 and 10 change nothing for it). Pinned from that engine:
 * uncertain rates, a shock, a close window, new pipeline; 2,000 trials, seed 77.
 */
describe('results of models without the newer stage options', () => {
  it('are bit-identical to the engine before them', () => {
    const base = threeStageModel();
    const model = {
      ...base,
      stages: (base.stages ?? []).map((s, j) => ({ ...s, conversionSampleSize: 25 + j })),
      deals: [...(base.deals ?? []), { id: 'W', name: 'Window', amount: 90_000, stage: 'pilot', stageEnteredOn: '2026-08-01', closeWindow: { from: '2027-03-01', to: '2027-03-31' } }],
      shocks: [{ probability: 0.4, stage: 'procurement', onDate: '2027-01-31', delayDays: 30 }],
      newPipeline: { dealsPerMonth: 3, amount: { median: 120_000, p90: 400_000 } },
    };
    const run = runForecast(model, { trials: 2_000, seed: 77 });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const r = run.value;
    expect(r.quarters.map((q) => q.mean)).toEqual([371072.49185276916, 342135.230186463, 401490.77134031645, 396611.6066857856, 400839.01147475524, 383055.50750103535]);
    expect(r.quarters.map((q) => q.p90)).toEqual([650000, 751662.7175922263, 962584.9856960323, 943348.5667832856, 947867.436582327, 953748.3910513108]);
    expect(r.deals.map((d) => d.pWin)).toEqual([0.2375, 0.4205, 0.794, 0.788, 0.4075]);
    expect(r.deals.map((d) => d.closeDate?.p50)).toEqual(['2027-03-16', '2027-01-30', '2026-12-19', '2027-01-17', '2027-03-17']);
    expect(r.cac.costByStage).toEqual({ exec: 425597.02462189086, pilot: 1236753.0568482773, procurement: 60778.3055278484 });
    expect(r.cac.lostCostByStage).toEqual({ exec: 323643.51797415985, pilot: 741690.445915061, procurement: 12305.331813893394 });
    expect(r.cac.expectedWins).toBe(15.062);
  });
});
