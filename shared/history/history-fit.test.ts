import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/dates.ts';
import { validateModel } from '../model/validate.ts';
import type { ForecastModel } from '../model/schema.ts';
import { backtest } from './backtest.ts';
import { dealPath, stageOutcome, stageTime } from './deal-path.ts';
import { fitHistory, NO_FILTERS } from './fit-history.ts';
import { LOST, WON, type DealHistory } from './history-types.ts';
import { fitLogNormal, kaplanMeier } from './lognormal-fit.ts';
import { syntheticHistory } from './synthetic-history.ts';

const asOfDay = parseIsoDay('2026-11-23') ?? 0;
const truth = (() => {
  const checked = validateModel({
    version: 1,
    asOf: '2026-11-23',
    fiscalYearStartMonth: 2,
    horizonQuarters: 4,
    stages: [
      { id: 'exec', name: 'Executive presentation', conversion: 0.6, duration: { median: 25, p90: 60 } },
      { id: 'pilot', name: 'Proof of concept', conversion: 0.5, duration: { median: 45, p90: 110 } },
      { id: 'security', name: 'Security review', conversion: 0.85, duration: { median: 30, p90: 80 } },
    ],
    deals: [],
  });
  if (!checked.ok) throw new Error('model');
  return checked.value;
})();
/** A user's first guess, far from the truth, which the history should correct. */
const guess: ForecastModel = { ...truth, stages: truth.stages.map((s) => ({ ...s, conversion: 0.3, duration: { median: 10, p90: 30 } })) };
const options = { cutoffDay: asOfDay, priorSampleSize: 10, filters: NO_FILTERS };

describe('fitting the stage model to closed-deal history', () => {
  it('recovers conversions within a few points and medians within 10% with 500 deals', () => {
    const history = syntheticHistory(truth, { deals: 500, asOfDay, years: 3, seed: 1, amount: { median: 150_000, p90: 450_000 } });
    const fit = fitHistory(history, guess, options);
    for (const [j, stage] of truth.stages.entries()) {
      const f = fit.stages[j];
      expect(Math.abs((f?.conversion.proposed ?? 0) - stage.conversion), `${stage.id} conversion`).toBeLessThan(0.05);
      expect(Math.abs((f?.duration.proposed?.median ?? 0) / stage.duration.median - 1), `${stage.id} median`).toBeLessThan(0.1);
      expect(Math.abs((f?.duration.proposed?.p90 ?? 0) / stage.duration.p90 - 1), `${stage.id} p90`).toBeLessThan(0.2);
    }
  });

  it('gets closer to the truth as the history grows', () => {
    const error = (deals: number) => {
      const fit = fitHistory(syntheticHistory(truth, { deals, asOfDay, years: 3, seed: 2, amount: { median: 1e5, p90: 3e5 } }), guess, options);
      return truth.stages.reduce((sum, s, j) => sum + Math.abs((fit.stages[j]?.conversion.proposed ?? 0) - s.conversion), 0);
    };
    expect(error(2000)).toBeLessThan(error(40));
  });

  it('counts deals still in a stage as censored: ignoring them would bias durations low', () => {
    // A short history: many deals are still in their stage, and they are the slow ones.
    const history = syntheticHistory(truth, { deals: 600, asOfDay, years: 0.6, seed: 3, amount: { median: 1e5, p90: 3e5 } });
    const fit = fitHistory(history, guess, options);
    const pilot = fit.stages[1];
    expect(pilot?.duration.censored).toBeGreaterThan(50);
    expect(Math.abs((pilot?.duration.proposed?.median ?? 0) / 45 - 1)).toBeLessThan(0.15);
    // The naive fit on finished deals only comes out clearly shorter.
    const paths = history.deals.map((d) => dealPath(d, ['exec', 'pilot', 'security'], asOfDay));
    const ended = paths.map((p) => stageTime(p, 1, asOfDay)).filter((t): t is { days: number; ended: boolean } => t !== null && t.ended);
    const naive = fitLogNormal(ended);
    expect((naive?.median ?? 0) / (pilot?.duration.proposed?.median ?? 1)).toBeLessThan(0.85);
  });

  it('warns where a stage has fewer than 10 observations', () => {
    const fit = fitHistory(syntheticHistory(truth, { deals: 12, asOfDay, years: 2, seed: 4, amount: { median: 1e5, p90: 3e5 } }), guess, options);
    expect(fit.stages[2]?.warnings.join(' ')).toMatch(/Only \d+ deals? (left|finished) this stage|Too few deals/);
  });

  it('Kaplan–Meier steps down only at ended times', () => {
    expect(kaplanMeier([{ days: 10, ended: true }, { days: 20, ended: false }, { days: 30, ended: true }, { days: 40, ended: true }])).toEqual([
      { days: 0, share: 1 },
      { days: 10, share: 0.75 },
      { days: 30, share: 0.375 },
      { days: 40, share: 0 },
    ]);
  });
});

describe('messy CRM histories', () => {
  const deal = (events: [string, string][]): DealHistory => ({ id: 'X', name: 'X', amount: 1, owner: null, region: null, createdDay: 0, events: events.map(([target, iso]) => ({ target, day: parseIsoDay(iso) ?? 0 })) });
  const ids = ['exec', 'pilot', 'security'];

  it('counts skipped stages as passed, with no time observed in them', () => {
    const path = dealPath(deal([['exec', '2026-01-01'], ['security', '2026-02-01'], [WON, '2026-03-01']]), ids, asOfDay);
    expect([0, 1, 2].map((j) => stageOutcome(path, j))).toEqual([true, true, true]);
    expect(stageTime(path, 1, asOfDay)).toBeNull();
    expect(stageTime(path, 0, asOfDay)).toEqual({ days: 31, ended: true });
  });

  it('keeps a deal that went backwards at its furthest stage', () => {
    const path = dealPath(deal([['exec', '2026-01-01'], ['pilot', '2026-02-01'], ['exec', '2026-02-10'], [LOST, '2026-03-01']]), ids, asOfDay);
    expect(path.backwardMoves).toBe(1);
    expect([0, 1, 2].map((j) => stageOutcome(path, j))).toEqual([true, false, null]);
    expect(stageTime(path, 1, asOfDay)).toEqual({ days: 28, ended: true });
  });

  it('continues a reopened deal and ignores its earlier close', () => {
    const path = dealPath(deal([['exec', '2026-01-01'], [LOST, '2026-02-01'], ['pilot', '2026-04-01']]), ids, asOfDay);
    expect(path.reopened).toBe(true);
    expect(path.outcome).toBeNull();
    expect(stageOutcome(path, 0)).toBe(true);
    expect(stageTime(path, 1, asOfDay)?.ended).toBe(false);
  });
});

describe('backtest', () => {
  it('on a history made by the model itself, actuals fall between P10 and P90 about 80% of the time', async () => {
    const history = syntheticHistory(truth, { deals: 1600, asOfDay, years: 4, seed: 5, amount: { median: 150_000, p90: 450_000 } });
    const result = await backtest(history, guess, 8, { trials: 2000, seed: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { quarters, coverage, calibration, maeP50, maeWeighted } = result.value;
    expect(quarters).toHaveLength(8);
    // Coverage over 24 quarters of three histories (one history's 8 quarters are too few to judge):
    // binomial(24, 0.8) falls between 60% and 95% more than 97% of the time.
    let inside = coverage * 8;
    for (const seed of [6, 7]) {
      const other = await backtest(syntheticHistory(truth, { deals: 1600, asOfDay, years: 4, seed, amount: { median: 150_000, p90: 450_000 } }), guess, 8, { trials: 2000, seed: 1 });
      inside += other.ok ? other.value.quarters.filter((q) => q.inside).length : 0;
    }
    expect(inside / 24).toBeGreaterThanOrEqual(0.6);
    expect(inside / 24).toBeLessThanOrEqual(0.95);
    // Deal-level calibration: in every well-filled bin, the observed share is near the predicted chance.
    for (const bin of calibration.filter((b) => b.deals >= 40)) expect(Math.abs(bin.observed - bin.predicted), `${bin.from}-${bin.to}`).toBeLessThan(0.12);
    // The simulation, which knows about timing, beats the CRM's weighted pipeline.
    expect(maeP50).toBeLessThan(maeWeighted);
  });
});
