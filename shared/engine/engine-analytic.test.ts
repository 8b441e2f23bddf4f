import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/dates.ts';
import { fiscalQuarters } from '../model/fiscal.ts';
import { validateModel } from '../model/validate.ts';
import { expectedRemaining, logNormalFromMedianP90 } from './lognormal.ts';
import { normalSurvival } from './normal.ts';
import { runForecast } from './run.ts';
import { oneStageModel, threeStageModel } from '../../tests/support/test-models.ts';
import type { ForecastModelInput } from '../model/schema.ts';

function run(model: ForecastModelInput, trials: number, seed = 7) {
  const result = runForecast(model, { trials, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** |estimate − truth| within `z` standard errors. */
function expectWithin(estimate: number, truth: number, standardError: number, z = 4.5) {
  expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(z * standardError + 1e-12);
}

describe('engine: analytic checks', () => {
  it('P(win) is the product of the remaining conversion rates', () => {
    const trials = 40_000;
    const result = run(threeStageModel(), trials);
    const expected = { A: 0.6 * 0.5 * 0.8, B: 0.5 * 0.8, C: 0.8, D: 0.8 };
    for (const deal of result.deals) {
      const p = expected[deal.id as keyof typeof expected];
      expectWithin(deal.pWin, p, Math.sqrt((p * (1 - p)) / trials));
    }
  });

  it('a one-stage model costs cost-per-day times the expected remaining time', () => {
    const trials = 40_000;
    const d = logNormalFromMedianP90(30, 90);
    const mean = Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    const sd = mean * Math.sqrt(Math.exp(d.sigma * d.sigma) - 1);
    // Entered today: the whole stage is ahead, and the entry cost was already paid.
    const fresh = run(oneStageModel(), trials);
    expectWithin(fresh.cac.costByStage.only ?? NaN, 100 * mean, (100 * sd) / Math.sqrt(trials));
    // Entered 60 days ago: only the remaining time costs, drawn from the conditional lognormal.
    const old = run(oneStageModel({ deals: [{ id: 'D-1', name: 'Acme', amount: 1, stage: 'only', stageEnteredOn: '2026-09-24' }] }), trials);
    const remaining = expectedRemaining(d, 60);
    expectWithin(old.cac.costByStage.only ?? NaN, 100 * remaining, (100 * 3 * sd) / Math.sqrt(trials));
    // Lost deals carry half of the cost at a 50% conversion rate.
    expectWithin(fresh.cac.lostCostByStage.only ?? NaN, 50 * mean, (100 * sd) / Math.sqrt(trials));
    expect(fresh.cac.costPerWin).toBeCloseTo((fresh.cac.costByStage.only ?? 0) / fresh.cac.expectedWins, 6);
  });

  it('conditional remaining time matches its closed form for many days-in-stage', () => {
    const d = logNormalFromMedianP90(30, 90);
    const trials = 20_000;
    for (const daysIn of [1, 10, 45, 120, 400]) {
      const entered = (parseIsoDay('2026-11-23') ?? 0) - daysIn;
      const enteredOn = new Date(entered * 86_400_000).toISOString().slice(0, 10);
      const model = oneStageModel({
        stages: [{ id: 'only', name: 'Only', conversion: 1, duration: { median: 30, p90: 90 }, costPerDay: 1, entryCost: 0 }],
        deals: [{ id: 'D-1', name: 'Acme', amount: 1, stage: 'only', stageEnteredOn: enteredOn }],
      });
      const result = run(model, trials);
      const truth = expectedRemaining(d, daysIn);
      // The conditional remaining time has a heavy tail; 3% is many standard errors at this trial count.
      expect(Math.abs((result.cac.costByStage.only ?? 0) / truth - 1)).toBeLessThan(0.03);
    }
  });

  it('puts a win in the fiscal quarter that contains its close day', () => {
    // Conversion 1, entered today: P(close in first quarter) = P(T < days to the quarter end) = F(e).
    const trials = 40_000;
    const model = oneStageModel({ stages: [{ id: 'only', name: 'Only', conversion: 1, duration: { median: 40, p90: 120 }, costPerDay: 0, entryCost: 0 }] });
    const result = run(model, trials);
    const asOf = parseIsoDay('2026-11-23') ?? 0;
    const quarters = fiscalQuarters(asOf, 2, 4);
    const d = logNormalFromMedianP90(40, 120);
    const cdf = (days: number) => 1 - normalSurvival((Math.log(days) - d.mu) / d.sigma);
    let previous = 0;
    quarters.forEach((q, i) => {
      const upTo = cdf(q.endDayExclusive - asOf);
      const p = upTo - previous;
      previous = upTo;
      expectWithin(result.deals[0]?.pWinByQuarter[i] ?? NaN, p, Math.sqrt((p * (1 - p)) / trials));
      expectWithin(result.quarters[i]?.expectedWins ?? NaN, p, Math.sqrt((p * (1 - p)) / trials));
    });
    expectWithin(result.beyondHorizon.expectedWins, 1 - previous, Math.sqrt((previous * (1 - previous)) / trials));
    expect(result.deals[0]?.pWin).toBe(1);
  });

  it('new pipeline arrives as a Poisson process and pays every entry cost', () => {
    const trials = 20_000;
    const model = oneStageModel({
      stages: [{ id: 'only', name: 'Only', conversion: 1, duration: { median: 10, p90: 20 }, costPerDay: 0, entryCost: 1000 }],
      deals: [],
      newPipeline: { dealsPerMonth: 3, amount: { median: 100, p90: 200 } },
    });
    const result = run(model, trials);
    const valid = validateModel(model);
    if (!valid.ok) throw new Error('invalid');
    const asOf = parseIsoDay('2026-11-23') ?? 0;
    const D = (fiscalQuarters(asOf, 2, 4)[3]?.endDayExclusive ?? 0) - asOf;
    const lambda = ((3 * 12) / 365.25) * D;
    expectWithin(result.cac.expectedWins, lambda, Math.sqrt(lambda / trials));
    expectWithin(result.cac.costByStage.only ?? NaN, 1000 * lambda, (1000 * Math.sqrt(lambda)) / Math.sqrt(trials));
    expect(result.funnel.map((f) => f.stage)).toEqual(['only', 'won']);
  });

  it('an uncertain conversion rate is shared by all deals in a trial, which widens the spread', () => {
    const trials = 20_000;
    const deals = Array.from({ length: 200 }, (_, i) => ({ id: `D-${i}`, name: `Deal ${i}`, amount: 1, stage: 'only', stageEnteredOn: '2026-11-23' }));
    const stage = { id: 'only', name: 'Only', conversion: 0.5, duration: { median: 1, p90: 2 }, costPerDay: 0, entryCost: 0 };
    const fixed = run(oneStageModel({ stages: [stage], deals }), trials);
    const uncertain = run(oneStageModel({ stages: [{ ...stage, conversionSampleSize: 10 }], deals }), trials);
    // Var(wins) = N p(1−p) + N(N−1) Var(rate), Var(rate) = p(1−p)/(n+1) for Beta(pn, (1−p)n).
    const N = 200;
    expect(fixed.quarters[0]?.sd ?? 0).toBeCloseTo(Math.sqrt(N * 0.25), 0);
    const sdUncertain = Math.sqrt(N * 0.25 + (N * (N - 1) * 0.25) / 11);
    expect(Math.abs((uncertain.quarters[0]?.sd ?? 0) / sdUncertain - 1)).toBeLessThan(0.03);
    expectWithin(uncertain.quarters[0]?.mean ?? NaN, 100, sdUncertain / Math.sqrt(trials));
  });

  it('reports the probability of reaching the target and order statistics', () => {
    const result = run(threeStageModel(), 10_000);
    const q = result.quarters[0];
    if (!q) throw new Error('no quarter');
    expect(q.target).toBe(300_000);
    expect(q.pTarget).toBeGreaterThan(0);
    expect(q.pTarget).toBeLessThan(1);
    expect(q.p10).toBeLessThanOrEqual(q.p50);
    expect(q.p50).toBeLessThanOrEqual(q.p90);
    expect(q.se).toBeCloseTo(q.sd / 100, 9);
    expect(result.quarters[1]?.target).toBeNull();
    expect(result.quarters[1]?.pTarget).toBeNull();
  });
});
