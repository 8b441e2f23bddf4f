import { describe, expect, it } from 'vitest';
import { referenceSimulate } from '../../tests/support/reference-simulator.ts';
import type { ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { meanAndSd } from './statistics.ts';
import { runForecast } from './run.ts';
import { validModel } from '../../tests/support/test-models.ts';

/**
 * Fixed-seed runs against an independent naive implementation of the same semantics. Tolerances: 5
 * combined standard errors for means and probabilities (a false alarm is then about 1 in 1.7 million
 * per comparison); costs, spend and the funnel within 2–3% (their standard errors are below 0.5%).
 */
function agreeWithReference(name: string, input: unknown, trials: number) {
  describe(`engine agrees with an independent reference implementation: ${name}`, () => {
    const model = validModel(input);
    const engine = runForecast(model, { trials, seed: 2026 });
    if (!engine.ok) throw new Error('run failed');
    const result = engine.value;
    const reference = referenceSimulate(model, trials, 99);
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);

    it('quarterly bookings: mean, and the spread', () => {
      result.quarters.forEach((q, i) => {
        const ref = meanAndSd(reference.quarterBookings[i] ?? []);
        const se = Math.sqrt(q.se ** 2 + (ref.sd / Math.sqrt(trials)) ** 2);
        expect(Math.abs(q.mean - ref.mean)).toBeLessThan(5 * se);
        expect(Math.abs(q.sd / ref.sd - 1)).toBeLessThan(0.05);
      });
    });

    it('per-deal P(win) and P(win in each quarter)', () => {
      result.deals.forEach((deal, i) => {
        const refP = (reference.dealWins[i] ?? 0) / trials;
        const se = Math.sqrt((2 * refP * (1 - refP)) / trials) + 1e-9;
        expect(Math.abs(deal.pWin - refP)).toBeLessThan(5 * se);
        deal.pWinByQuarter.forEach((p, q) => {
          const refQ = (reference.dealWinsByQuarter[i]?.[q] ?? 0) / trials;
          expect(Math.abs(p - refQ)).toBeLessThan(5 * Math.sqrt((2 * refQ * (1 - refQ)) / trials) + 1e-3);
        });
      });
    });

    it('CAC: expected wins and cost by stage', () => {
      expect(relative(result.cac.expectedWins, reference.totalWins / trials)).toBeLessThan(0.02);
      model.stages.forEach((stage, j) => {
        expect(relative(result.cac.costByStage[stage.id] ?? 0, (reference.costByStage[j] ?? 0) / trials)).toBeLessThan(0.02);
        expect(relative(result.cac.lostCostByStage[stage.id] ?? 0, (reference.lostCostByStage[j] ?? 0) / trials)).toBeLessThan(0.03);
      });
    });

    it('spend per quarter, and it adds up to the total cost', () => {
      const spend = [...result.quarters.map((q) => q.spend), result.beyondHorizon.spend];
      spend.forEach((s, q) => expect(relative(s, (reference.spendByQuarter[q] ?? 0) / trials)).toBeLessThan(0.03));
      expect(relative(spend.reduce((a, b) => a + b, 0), result.cac.totalCost)).toBeLessThan(1e-9);
    });

    it('the funnel: deals that reach each stage or start past it', () => {
      result.funnel.forEach((f, j) => expect(relative(f.expectedDeals, (reference.funnel[j] ?? 0) / trials)).toBeLessThan(0.02));
    });
  });
}

agreeWithReference('the sample workspace', SAMPLE_WORKSPACE, 20_000);

/**
 * Semantics 9 and 10 together: slower losers in two stages (one with open deals long past the usual
 * time), uncertain rates and uncertain durations (movers' and losers' parameters drawn per trial),
 * costs and new pipeline.
 */
const sample = SAMPLE_WORKSPACE as ForecastModelInput & { stages: NonNullable<ForecastModelInput['stages']> };
agreeWithReference(
  'slower losers and uncertain durations',
  {
    ...SAMPLE_WORKSPACE,
    stages: sample.stages.map((stage, j) => ({
      ...stage,
      conversionSampleSize: 30,
      ...(j === 1 || j === 2 ? { lossDuration: { median: stage.duration.median * 3, p90: stage.duration.p90 * 4 } } : {}),
      ...(j >= 2 ? { durationSampleSize: 25 } : {}),
    })),
  },
  20_000,
);
