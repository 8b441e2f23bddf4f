import { describe, expect, it } from 'vitest';
import { referenceSimulate } from '../../tests/unit/reference-simulator.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { meanAndSd } from './statistics.ts';
import { runForecast } from './run.ts';

/**
 * Fixed-seed runs of the sample workspace against an independent naive implementation of the same
 * semantics. Tolerances: 5 combined standard errors for means and probabilities (a false alarm is
 * then about 1 in 1.7 million per comparison).
 */
describe('engine agrees with an independent reference implementation', () => {
  const trials = 20_000;
  const valid = validateModel(SAMPLE_WORKSPACE);
  if (!valid.ok) throw new Error('sample invalid');
  const model = valid.value;
  const engine = runForecast(model, { trials, seed: 2026 });
  if (!engine.ok) throw new Error('run failed');
  const result = engine.value;
  const reference = referenceSimulate(model, trials, 99);

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
    expect(Math.abs(result.cac.expectedWins / (reference.totalWins / trials) - 1)).toBeLessThan(0.02);
    model.stages.forEach((stage, j) => {
      const ref = (reference.costByStage[j] ?? 0) / trials;
      expect(Math.abs((result.cac.costByStage[stage.id] ?? 0) / ref - 1)).toBeLessThan(0.02);
      const refLost = (reference.lostCostByStage[j] ?? 0) / trials;
      expect(Math.abs((result.cac.lostCostByStage[stage.id] ?? 0) / refLost - 1)).toBeLessThan(0.03);
    });
  });
});
