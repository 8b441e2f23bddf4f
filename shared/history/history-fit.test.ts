import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/dates.ts';
import { validateModel } from '../model/validate.ts';
import type { ForecastModel } from '../model/schema.ts';
import { backtest, type Backtest } from './backtest.ts';
import { dealPath, stageOutcome, stageTime } from './deal-path.ts';
import { applyFit, fitHistory, NO_FILTERS } from './fit-history.ts';
import { LOST, WON, type DealHistory } from './history-types.ts';
import { fitLogNormal, kaplanMeier } from './lognormal-fit.ts';
import { syntheticHistory } from '../../tests/support/synthetic-history.ts';

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

  it('fits short stages to whole-day dates without shrinking them (a 0-day stay is a stay under a day)', () => {
    const short = { ...truth, stages: truth.stages.map((s, j) => (j === 2 ? { ...s, duration: { median: 3, p90: 8 } } : j === 1 ? { ...s, duration: { median: 2, p90: 5 } } : s)) };
    const fit = fitHistory(syntheticHistory(short, { deals: 3000, asOfDay, years: 3, seed: 11, amount: { median: 1e5, p90: 3e5 } }), guess, options);
    for (const j of [1, 2]) {
      const stage = short.stages[j];
      const proposed = fit.stages[j]?.duration.proposed;
      expect(Math.abs((proposed?.median ?? 0) / (stage?.duration.median ?? 1) - 1), `${stage?.id} median`).toBeLessThan(0.06);
      expect(Math.abs((proposed?.p90 ?? 0) / (stage?.duration.p90 ?? 1) - 1), `${stage?.id} p90`).toBeLessThan(0.1);
    }
  });

  it('never proposes a certain conversion: the prior counts as at least 2 deals', () => {
    const history = syntheticHistory({ ...truth, stages: truth.stages.map((s) => ({ ...s, conversion: 1 })) }, { deals: 3, asOfDay, years: 1, seed: 12, amount: { median: 1e5, p90: 3e5 } });
    const fit = fitHistory(history, truth, { ...options, priorSampleSize: 0 });
    const first = fit.stages[0];
    expect(first?.conversion.successes).toBe(3);
    // Beta(0.6 · 2 + 3, 0.4 · 2): mean 4.2 / 5, never 1, and its interval reaches well below.
    expect(first?.conversion.sampleSize).toBe(5);
    expect(first?.conversion.proposed).toBeCloseTo(0.84, 4);
    expect(first?.conversion.interval[1]).toBeLessThan(1);
    expect(first?.conversion.interval[0]).toBeLessThan(0.6);
    expect(first?.warnings.join(' ')).toMatch(/leans on the prior of 60% \(worth 2 deals\)/);
  });

  it('fits the losers’ own time where losers are slower, and says which rule decided', () => {
    const slowLosers = { ...truth, stages: truth.stages.map((s) => (s.id === 'pilot' ? { ...s, lossDuration: { median: 120, p90: 300 } } : s)) };
    const fit = fitHistory(syntheticHistory(slowLosers, { deals: 1000, asOfDay, years: 4, seed: 13, amount: { median: 1e5, p90: 3e5 } }), guess, options);
    const pilot = fit.stages[1]?.duration;
    expect(pilot?.rule).toMatch(/^Separate times for deals lost here: \d+ losses, and separate times fit clearly better/);
    expect(Math.abs((pilot?.lossDuration?.median ?? 0) / 120 - 1)).toBeLessThan(0.15);
    expect(Math.abs((pilot?.proposed?.median ?? 0) / 45 - 1)).toBeLessThan(0.12);
    // Where movers and losers share one time, the test does not split them.
    expect(fit.stages[0]?.duration.lossDuration).toBeNull();
    expect(fit.stages[0]?.duration.rule).toMatch(/^One time for deals that move on and deals lost here/);
    // Accepting the fit writes the losers' time and both certainties into the model.
    const model = applyFit(guess, fit, { pilot: { conversion: true, duration: true }, exec: { conversion: true, duration: true } });
    const stage = model.stages[1];
    expect(stage?.lossDuration).toEqual(pilot?.lossDuration);
    expect(stage?.conversionSampleSize).toBe(fit.stages[1]?.conversion.sampleSize);
    expect(stage?.durationSampleSize).toBeGreaterThan(2);
    expect(model.stages[0]?.lossDuration).toBeUndefined();
    expect(validateModel(model).ok).toBe(true);
  });

  it('with a half-life, follows a change of conversion rates half-way through the history', () => {
    const changeDay = asOfDay - 2 * 365;
    const history = syntheticHistory(truth, { deals: 2000, asOfDay, years: 4, seed: 14, amount: { median: 1e5, p90: 3e5 }, change: { day: changeDay, conversion: { exec: 0.35, pilot: 0.3, security: 0.85 } } });
    const error = (halfLifeQuarters: number | null) => {
      const fit = fitHistory(history, guess, { ...options, halfLifeQuarters });
      return Math.abs((fit.stages[0]?.conversion.proposed ?? 0) - 0.35) + Math.abs((fit.stages[1]?.conversion.proposed ?? 0) - 0.3);
    };
    expect(error(null)).toBeGreaterThan(0.1);
    expect(error(2)).toBeLessThan(error(null) / 2);
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
  const amount = { median: 150_000, p90: 450_000 };
  it('on histories made by the model itself, actuals fall between P10 and P90 about 80% of the time', async () => {
    const runs: Backtest[] = [];
    for (const seed of [5, 6, 7, 8]) {
      const result = await backtest(syntheticHistory(truth, { deals: 1600, asOfDay, years: 4, seed, amount }), guess, 10, { trials: 1000, seed: 1 });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      runs.push(result.value);
    }
    const inside = runs.reduce((n, r) => n + r.coverage.inside, 0);
    const scored = runs.reduce((n, r) => n + r.coverage.scored, 0);
    expect(scored).toBe(40);
    // If each quarter is inside with probability 0.8, the share over 40 quarters falls between 65%
    // and 93% more than 97% of the time.
    expect(inside / scored).toBeGreaterThanOrEqual(0.65);
    expect(inside / scored).toBeLessThanOrEqual(0.93);
    const first = runs[0];
    if (!first) throw new Error('no run');
    // The stated interval of the coverage contains the share it is about.
    expect(first.coverage.interval90[0]).toBeLessThanOrEqual(first.coverage.share ?? 0);
    expect(first.coverage.interval90[1]).toBeGreaterThanOrEqual(first.coverage.share ?? 1);
    // Deal-level calibration: in every well-filled bin, the observed share is near the predicted chance.
    for (const bin of first.calibration.filter((b) => b.deals >= 40)) expect(Math.abs(bin.observed - bin.predicted), `${bin.from}-${bin.to}`).toBeLessThan(0.12);
    // Proper scores: the simulation, which knows about timing, beats the CRM's weighted pipeline.
    const mean = (pick: (r: Backtest) => number | null) => runs.reduce((s, r) => s + (pick(r) ?? 0), 0) / runs.length;
    expect(mean((r) => r.scores.pinball)).toBeLessThan(mean((r) => r.scores.baselines.weightedPipeline));
    expect(first.scores.brier).toBeGreaterThan(0);
    expect(first.scores.brier).toBeLessThan(0.25);
    expect(first.pitHistogram.reduce((a, b) => a + b, 0)).toBe(first.coverage.scored);
  }, 300_000);

  it('shows but does not score quarters with less than a year of history or thin stages before them', async () => {
    const result = await backtest(syntheticHistory(truth, { deals: 500, asOfDay, years: 1.6, seed: 10, amount }), guess, 6, { trials: 500, seed: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { quarters, coverage, notes } = result.value;
    const skipped = quarters.filter((q) => !q.scored);
    expect(skipped.length).toBeGreaterThanOrEqual(3);
    expect(skipped[0]?.reason).toMatch(/^Not scored: less than a year of history before it \(the history starts \d{4}-\d{2}-\d{2}\)/);
    // The empty first quarter (no history, P10 = P90 = actual = 0) is not counted as a hit.
    expect(coverage.scored).toBe(quarters.length - skipped.length);
    expect(coverage.inside).toBe(quarters.filter((q) => q.scored && q.inside).length);
    expect(notes.join(' ')).toMatch(/quarters are shown but not scored/);
  }, 300_000);

  it('does not change a quarter’s forecast when the history after its start is altered (no leakage)', async () => {
    const history = syntheticHistory(truth, { deals: 900, asOfDay, years: 4, seed: 9, amount });
    const quarter = async (h: typeof history) => {
      const result = await backtest(h, guess, 6, { trials: 1000, seed: 3 });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value.quarters[1];
    };
    const before = await quarter(history);
    const start = parseIsoDay(before?.start ?? '') ?? 0;
    // After the quarter starts, every deal is lost the next day, and a flood of won deals appears.
    const altered = {
      ...history,
      deals: [
        ...history.deals.map((d) => ({ ...d, events: [...d.events.filter((e) => e.day < start), ...(d.createdDay < start ? [{ target: LOST, day: start + 1 }] : [])] })),
        ...Array.from({ length: 200 }, (_, i): DealHistory => ({ id: `LATE-${i}`, name: 'Late', amount: 1e6, owner: null, region: null, createdDay: start + i, events: [{ target: 'exec', day: start + i }, { target: WON, day: start + i + 1 }] })),
      ],
    };
    const after = await quarter(altered);
    expect(after?.actual).not.toBe(before?.actual);
    expect([after?.p10, after?.p50, after?.p90, after?.openDeals]).toEqual([before?.p10, before?.p50, before?.p90, before?.openDeals]);
  }, 300_000);
});
