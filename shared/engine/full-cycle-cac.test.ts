import { describe, expect, it } from 'vitest';
import type { ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { fullCycleCac } from './full-cycle-cac.ts';
import { logNormalFromMedianP90 } from './lognormal.ts';
import { normalSurvival } from './normal.ts';
import { runForecast } from './run.ts';
import { oneStageModel, threeStageModel, validModel } from '../../tests/support/test-models.ts';

function run(model: ForecastModelInput, trials: number, seed = 3) {
  const result = runForecast(model, { trials, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/**
 * A cohort of new deals only: each walks the whole cycle from the first stage (paying its entry
 * cost), and the engine counts every cost of their walks whenever it falls, so its cost per win is
 * a simulated full-cycle CAC. Uncertain rates (Beta, 20 deals each) and slower losers in the proof of
 * concept (their mean time is 2.2× the movers'), so a formula that ignored either would miss by far
 * more than the 3% tolerance (about 5 standard errors of the simulated ratio here).
 */
function cohortModel(): ForecastModelInput {
  const base = threeStageModel();
  return {
    ...base,
    horizonQuarters: 4,
    deals: [],
    targets: {},
    stages: (base.stages ?? []).map((stage) => ({
      ...stage,
      conversionSampleSize: 20,
      ...(stage.id === 'pilot' ? { lossDuration: { median: 90, p90: 250 } } : {}),
    })),
    newPipeline: { dealsPerMonth: 30, amount: { median: 100_000, p90: 300_000 } },
  };
}

describe('full-cycle CAC', () => {
  it('matches a simulated cohort of deals walking the whole cycle (uncertain rates, slower losers)', () => {
    const model = cohortModel();
    const result = run(model, 4_000);
    const closed = fullCycleCac(validModel(model));
    const entered = result.funnel[0]?.expectedDeals ?? 0;
    const won = result.funnel[result.funnel.length - 1]?.expectedDeals ?? 0;
    expect(Math.abs(won / entered / closed.winRate - 1)).toBeLessThan(0.03);
    for (const stage of validModel(model).stages) {
      const simulated = (result.cac.costByStage[stage.id] ?? 0) / result.cac.expectedWins;
      expect(Math.abs(simulated / (closed.costPerWinByStage[stage.id] ?? NaN) - 1)).toBeLessThan(0.03);
      const simulatedLost = (result.cac.lostCostByStage[stage.id] ?? 0) / result.cac.expectedWins;
      expect(Math.abs(simulatedLost / (closed.lostCostPerWinByStage[stage.id] ?? NaN) - 1)).toBeLessThan(0.03);
    }
    expect(Math.abs((result.cac.costPerWin ?? 0) / (closed.costPerWin ?? NaN) - 1)).toBeLessThan(0.03);
  });

  it('is what winning a customer really costs on the sample workspace, well above the remaining cost per expected win', () => {
    const result = run(SAMPLE_WORKSPACE, 5_000);
    const full = result.cac.fullCycle;
    expect(full.costPerWin).toBeGreaterThan(150_000);
    expect(full.costPerWin).toBeLessThan(170_000);
    expect(result.cac.costPerWin).toBeLessThan((full.costPerWin ?? 0) * 0.7);
    const sum = Object.values(full.costPerWinByStage).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(sum).toBeCloseTo(full.costPerWin ?? NaN, 6);
    for (const [id, lost] of Object.entries(full.lostCostPerWinByStage)) {
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(lost).toBeLessThanOrEqual(full.costPerWinByStage[id] ?? 0);
    }
  });

  it('of one stage: entry cost plus cost per day times the mean time, over the conversion', () => {
    const model = validModel(oneStageModel());
    const d = logNormalFromMedianP90(30, 90);
    const expected = (1000 + 100 * Math.exp(d.mu + (d.sigma * d.sigma) / 2)) / 0.5;
    expect(fullCycleCac(model).costPerWin).toBeCloseTo(expected, 6);
    expect(fullCycleCac(model).lostCostPerWinByStage.only).toBeCloseTo(expected / 2, 6);
  });
});

describe('spend per quarter', () => {
  it('of a fresh one-stage deal is cost per day × the expected days of its stay inside each quarter', () => {
    const trials = 40_000;
    const model = oneStageModel({
      horizonQuarters: 3,
      stages: [{ id: 'only', name: 'Only', conversion: 0.5, duration: { median: 60, p90: 200 }, costPerDay: 100, entryCost: 0 }],
    });
    const result = run(model, trials);
    const d = logNormalFromMedianP90(60, 200);
    const mean = Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    // E[min(T, c)] = c·P(T > c) + E[T; T ≤ c], and E[T; T ≤ c] = mean·Φ((ln c − μ − σ²)/σ).
    const truncatedMean = (c: number) => c * normalSurvival((Math.log(c) - d.mu) / d.sigma) + mean * (1 - normalSurvival((Math.log(c) - d.mu - d.sigma * d.sigma) / d.sigma));
    const asOf = Date.UTC(2026, 10, 23) / 86_400_000;
    const ends = result.quarters.map((q) => Date.UTC(Number(q.end.slice(0, 4)), Number(q.end.slice(5, 7)) - 1, Number(q.end.slice(8, 10))) / 86_400_000 + 1 - asOf);
    let before = 0;
    const sd = 100 * mean * 2; // a generous bound on the sd of one deal's spend in a quarter
    ends.forEach((end, q) => {
      const expected = 100 * (truncatedMean(end) - before);
      expect(Math.abs((result.quarters[q]?.spend ?? NaN) - expected)).toBeLessThan((4.5 * sd) / Math.sqrt(trials));
      before = truncatedMean(end);
    });
    expect(Math.abs(result.beyondHorizon.spend - 100 * (mean - before))).toBeLessThan((4.5 * sd) / Math.sqrt(trials));
  });
});
