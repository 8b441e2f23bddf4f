import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/dates.ts';
import { runForecast } from '../engine/run.ts';
import type { ForecastResult } from '../engine/result-types.ts';
import { oneStageModel, threeStageModel } from '../../tests/support/test-models.ts';

const run = (model: unknown, trials = 2000, seed = 5): ForecastResult => {
  const result = runForecast(model, { trials, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.value, meta: { ...result.value.meta, computeMs: 0 } };
};
const day = (iso: string | undefined) => parseIsoDay(iso ?? '') ?? NaN;

describe('shared shocks', () => {
  const shock = { name: 'Year-end freeze', stage: 'procurement', onDate: '2026-12-15', delayDays: 30 };

  it('with probability 0 the result is bit-identical to no shock', () => {
    expect(run({ ...threeStageModel(), shocks: [{ ...shock, probability: 0 }] })).toEqual(run(threeStageModel()));
  });

  it('with probability 1 every deal in the stage on that date slips exactly the delay', () => {
    // One narrow stage: the deal is in it from today for about 20 days, so the 5th day always catches it.
    const model = oneStageModel({ stages: [{ id: 'only', name: 'Only stage', conversion: 1, duration: { median: 20, p90: 20.5 }, costPerDay: 100, entryCost: 0 }] });
    const base = run(model);
    const shocked = run({ ...model, shocks: [{ stage: 'only', onDate: '2026-11-28', delayDays: 30, probability: 1 }] });
    const before = base.deals[0]?.closeDate;
    const after = shocked.deals[0]?.closeDate;
    for (const key of ['p10', 'p50', 'p90'] as const) expect(day(after?.[key]) - day(before?.[key])).toBe(30);
    expect((shocked.cac.costByStage['only'] ?? 0) - (base.cac.costByStage['only'] ?? 0)).toBeCloseTo(30 * 100, 6);
    // A shock after the deal has left the stage changes nothing.
    expect(run({ ...model, shocks: [{ stage: 'only', onDate: '2027-03-01', delayDays: 30, probability: 1 }] })).toEqual(base);
  });

  it('refuses shocks on unknown stages or before the as-of date', () => {
    const result = runForecast({ ...threeStageModel(), shocks: [{ ...shock, stage: 'nope', probability: 0.5 }, { ...shock, onDate: '2026-01-01', probability: 2 }] });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['shocks[0].stage', 'shocks[1].onDate', 'shocks[1].probability']));
  });
});

describe('forced close windows', () => {
  it('a won deal closes inside its window and its chance to win does not change', () => {
    const model = threeStageModel();
    const windowed = { ...model, deals: model.deals.map((d) => (d.id === 'B' ? { ...d, closeWindow: { from: '2027-03-01', to: '2027-03-31' } } : d)) };
    const base = run(model).deals.find((d) => d.id === 'B');
    const forced = run(windowed).deals.find((d) => d.id === 'B');
    expect(forced?.pWin).toBe(base?.pWin);
    expect(day(forced?.closeDate?.p10)).toBeGreaterThanOrEqual(day('2027-03-01'));
    expect(day(forced?.closeDate?.p90)).toBeLessThanOrEqual(day('2027-03-31'));
  });
});
