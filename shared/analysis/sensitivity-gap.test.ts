import { describe, expect, it } from 'vitest';
import { runForecast } from '../engine/run.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';
import type { ForecastModel } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { sensitivity } from './sensitivity.ts';
import { dealContributions, pipelineNeeded } from './target-gap.ts';


describe('sensitivity (tornado)', () => {
  it('ranks inputs as the closed form says: bookings ∝ c1 × c2, with c2 capped at 100%', async () => {
    // 200 equal deals in stage 1 that all finish within days, well inside the first quarter: the
    // quarter's bookings are amount × Binomial(200, c1 × c2). ±10% on c1 moves P50 by about ±10%;
    // c2 = 0.95 can only rise to 1 (+5%), so its swing is about 15%; durations and pipeline change nothing.
    const deals = Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, name: `Deal ${i}`, amount: 1000, stage: 'one', stageEnteredOn: '2026-11-23' }));
    const model = validModel({
      version: 1,
      asOf: '2026-11-23',
      fiscalYearStartMonth: 11,
      horizonQuarters: 2,
      stages: [
        { id: 'one', name: 'Stage one', conversion: 0.5, duration: { median: 2, p90: 3 } },
        { id: 'two', name: 'Stage two', conversion: 0.95, duration: { median: 2, p90: 3 } },
      ],
      deals,
    });
    const tornado = await sensitivity(model, { quarter: 0, metric: 'p50', step: 0.1 }, { trials: 2000, seed: 11 });
    if (!tornado.ok) throw new Error(JSON.stringify(tornado.problems));
    const { rows, base } = tornado.value;
    expect(rows.map((r) => r.label).slice(0, 2)).toEqual(['Stage one: conversion', 'Stage two: conversion']);
    // Tolerances: a binomial median is a whole number of deals, so allow a deal or two of rounding.
    const near = (value: number | undefined, expected: number, tolerance: number) => expect(Math.abs((value ?? NaN) - expected)).toBeLessThanOrEqual(tolerance);
    near(base, 200 * 1000 * 0.475, 1000);
    near(rows[0]?.swing, 200 * 1000 * 0.475 * 0.2, 2000);
    near(rows[1]?.swing, 200 * 1000 * 0.5 * (1 - 0.855), 2000);
    expect(rows[1]?.note).toMatch(/stops at 100%/);
    for (const row of rows.slice(2)) expect(row.swing).toBe(0);
  });
});

describe('the target gap', () => {
  const model = validModel({ ...SAMPLE_WORKSPACE, newPipeline: { dealsPerMonth: 0, amount: { median: 100_000, p90: 300_000 } } });
  const options = { trials: 1000, seed: 4 };

  it('finds the fewest added deals at a stage that reach the chosen confidence', async () => {
    const needed = await pipelineNeeded(model, { quarter: 1, stageId: 'security', confidence: 0.7 }, options);
    if (!needed.ok) throw new Error(JSON.stringify(needed.problems));
    const { deals, pTargetWith, pTargetNow, dealAmount } = needed.value;
    expect(pTargetNow).toBeLessThan(0.7);
    expect(deals).not.toBeNull();
    expect(pTargetWith).toBeGreaterThanOrEqual(0.7);
    const withOneFewer = runForecast(
      { ...model, deals: [...model.deals, ...Array.from({ length: (deals ?? 1) - 1 }, (_, i) => ({ id: `added-pipeline-${i + 1}`, name: 'x', amount: dealAmount, stage: 'security', stageEnteredOn: model.asOf }))] },
      options,
    );
    expect(withOneFewer.ok && (withOneFewer.value.quarters[1]?.pTarget ?? 1)).toBeLessThan(0.7);
  });

  it('says when deals entering an early stage today cannot close in time', async () => {
    const needed = await pipelineNeeded(model, { quarter: 0, stageId: 'discovery', confidence: 0.95 }, options);
    expect(needed.ok && needed.value.deals).toBeNull();
  });

  it('measures each deal’s contribution exactly: the chance without it equals a run without it', async () => {
    const ids = model.deals.slice(0, 6).map((d) => d.id);
    const contributions = await dealContributions(model, 0, ids, options);
    if (!contributions.ok) throw new Error(JSON.stringify(contributions.problems));
    for (const c of contributions.value.deals) {
      const without = runForecast({ ...model, deals: model.deals.filter((d) => d.id !== c.id) }, options);
      expect(without.ok && without.value.quarters[0]?.pTarget).toBeCloseTo(c.pTargetWithout, 2);
      expect(c.drop).toBeGreaterThanOrEqual(0);
    }
    expect((await dealContributions(threeStageModel() as ForecastModel, 1, ['A'], options)).ok).toBe(false);
  });
});
