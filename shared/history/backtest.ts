import type { AnalysisProgress, AnalysisRunOptions } from '../analysis/simulate.ts';
import { quarterBookings, simulate } from '../analysis/simulate.ts';
import { formatIsoDay } from '../model/dates.ts';
import { quantileSorted } from '../engine/statistics.ts';
import { fiscalQuarters, type FiscalQuarter } from '../model/fiscal.ts';
import type { Deal, ForecastModel, Stage } from '../model/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { coverageOf, crps, meanPinball, pit, pitHistogram } from './backtest-scores.ts';
import { dealPath } from './deal-path.ts';
import { fitHistory, NO_FILTERS } from './fit-history.ts';
import type { History } from './history-types.ts';

export interface BacktestQuarter {
  label: string;
  start: string;
  end: string;
  /** What actually closed won in the quarter. */
  actual: number;
  p10: number;
  p50: number;
  p90: number;
  inside: boolean;
  /** False when the quarter had too little history before it to judge the forecast (see `reason`). */
  scored: boolean;
  reason?: string;
  /** The baselines' point forecasts. The CRM's "weighted pipeline": open amount × the stage's chance to win, ignoring timing. */
  weighted: number;
  /** What closed won in the quarter before, and in the same quarter a year before (as known at the start). */
  lastQuarter: number;
  sameQuarterLastYear: number;
  /** Mean pinball loss at P10/P50/P90, CRPS of the simulated outcomes, and where the actual fell in them. */
  pinball: number;
  crps: number;
  pit: number;
  openDeals: number;
}

export interface CalibrationBin {
  from: number;
  to: number;
  deals: number;
  /** Average predicted chance to close in the quarter, and the share that did. */
  predicted: number;
  observed: number;
}

export interface Backtest {
  halfLifeQuarters: number | null;
  quarters: BacktestQuarter[];
  /** Of the scored quarters: how many actuals fell inside P10–P90 (about 80% when honest), with a 90% interval. */
  coverage: { inside: number; scored: number; share: number | null; interval90: [number, number] };
  /** Means over the scored quarters (lower is better); every baseline is scored the same way. */
  scores: {
    pinball: number | null;
    crps: number | null;
    /** Deal level: (forecast chance to close in the quarter − closed or not)², averaged over open deals. */
    brier: number | null;
    baselines: { weightedPipeline: number | null; lastQuarter: number | null; sameQuarterLastYear: number | null };
  };
  /** Counts of the scored quarters' PIT values in five equal bins (flat when honest). */
  pitHistogram: number[];
  calibration: CalibrationBin[];
  notes: string[];
}

/** The rule for scoring a quarter: enough history before it to fit every stage. */
export const MIN_HISTORY_DAYS = 365;
export const MIN_EXITS_PER_STAGE = 10;
/** Where a stage had no data at a cut-off: a neutral prior, never today's model (it may know the future). */
const NEUTRAL_PRIOR = { mean: 0.5, sampleSize: 2 };
const NEUTRAL_DURATION = { median: 30, p90: 300 };
const PIT_BINS = 5;

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** Bookings won in a quarter, as known on `knownOn` (the quarter's own actuals are known at the end). */
function wonIn(history: History, stageIds: readonly string[], q: FiscalQuarter, knownOn: number): number {
  let total = 0;
  for (const deal of history.deals) {
    if (deal.createdDay > knownOn) continue;
    const outcome = dealPath(deal, stageIds, knownOn).outcome;
    if (outcome?.kind === 'won' && outcome.day >= q.startDay && outcome.day < q.endDayExclusive) total += deal.amount;
  }
  return total;
}

/**
 * The stage model as it could have been fitted on the day before a quarter: only stage changes known
 * then, a neutral prior (50% worth two deals), and for a stage without finished deals a wide neutral
 * duration. Never today's values, which may already contain the quarter's outcome.
 */
function stagesKnownAt(history: History, model: ForecastModel, cutoff: number, halfLifeQuarters: number | null): { stages: Stage[]; exits: number[] } {
  const priorMeans = Object.fromEntries(model.stages.map((s) => [s.id, NEUTRAL_PRIOR.mean]));
  const fit = fitHistory(history, model, { cutoffDay: cutoff, priorSampleSize: NEUTRAL_PRIOR.sampleSize, priorMeans, filters: NO_FILTERS, halfLifeQuarters, intervals: false });
  const stages = model.stages.map((stage, j): Stage => {
    const f = fit.stages[j];
    const { lossDuration: _today, durationSampleSize: _todays, ...rest } = stage;
    const proposed = f?.duration.proposed;
    return {
      ...rest,
      conversion: f?.conversion.proposed ?? NEUTRAL_PRIOR.mean,
      conversionSampleSize: f?.conversion.sampleSize ?? NEUTRAL_PRIOR.sampleSize,
      duration: proposed ?? NEUTRAL_DURATION,
      durationSampleSize: proposed ? Math.max(2, f?.duration.sampleSize ?? 2) : 2,
      ...(f?.duration.lossDuration ? { lossDuration: f.duration.lossDuration } : {}),
    };
  });
  return { stages, exits: fit.stages.map((f) => f.conversion.successes + f.conversion.failures) };
}

/**
 * Replays the last `quarterCount` complete fiscal quarters: for each, rebuilds the pipeline as it stood
 * on the quarter's first day, fits the stages only on what was known then (no leakage: later stage
 * changes are invisible, the prior is neutral), forecasts the quarter with new pipeline at the rate of
 * the year before, and compares with what actually closed won in it. Quarters with less than a year of
 * history before them, or a stage with fewer than 10 exits by then, are shown but not scored.
 */
export async function backtest(
  history: History,
  model: ForecastModel,
  quarterCount: number,
  options: AnalysisRunOptions & { halfLifeQuarters?: number | null },
  onProgress?: AnalysisProgress,
): Promise<Result<Backtest>> {
  const halfLifeQuarters = options.halfLifeQuarters ?? null;
  const stageIds = model.stages.map((s) => s.id);
  const all = fiscalQuarters(history.asOfDay - (quarterCount + 6) * 93, model.fiscalYearStartMonth, quarterCount + 8);
  const completeAll = all.filter((q) => q.endDayExclusive <= history.asOfDay + 1);
  const complete = completeAll.slice(-quarterCount);
  if (complete.length === 0) return fail([{ path: 'history', message: 'does not cover a complete fiscal quarter before its last date' }]);
  const firstDay = history.deals.reduce((m, d) => Math.min(m, d.createdDay, ...d.events.map((e) => e.day)), Infinity);
  const finalPaths = new Map(history.deals.map((d) => [d.id, dealPath(d, stageIds, history.asOfDay)]));
  const notes: string[] = [];
  const quarters: BacktestQuarter[] = [];
  const predictions: { predicted: number; won: boolean; scored: boolean }[] = [];

  for (const [index, q] of complete.entries()) {
    const cutoff = q.startDay - 1;
    const { stages, exits } = stagesKnownAt(history, model, cutoff, halfLifeQuarters);
    const reasons: string[] = [];
    if (!(firstDay <= q.startDay - MIN_HISTORY_DAYS)) reasons.push(`less than a year of history before it${Number.isFinite(firstDay) ? ` (the history starts ${formatIsoDay(firstDay)})` : ''}`);
    const thin = model.stages.filter((_, j) => (exits[j] ?? 0) < MIN_EXITS_PER_STAGE);
    if (thin.length > 0) reasons.push(`fewer than ${MIN_EXITS_PER_STAGE} deals had left ${thin.map((s) => s.name).join(', ')} by then`);

    const open: Deal[] = [];
    for (const deal of history.deals) {
      if (deal.createdDay > cutoff) continue;
      const path = dealPath(deal, stageIds, cutoff);
      if (path.outcome || path.furthest < 0) continue;
      open.push({ id: deal.id, name: deal.name, amount: deal.amount, stage: stageIds[path.furthest] as string, stageEnteredOn: formatIsoDay(path.entered[path.furthest] ?? cutoff) });
    }
    const recent = history.deals.filter((d) => d.createdDay > cutoff - 365 && d.createdDay <= cutoff).map((d) => d.amount).sort((a, b) => a - b);
    const median = quantileSorted(recent, 0.5);
    const p90 = Math.max(quantileSorted(recent, 0.9), median * 1.05);
    const backModel: ForecastModel = {
      version: 1,
      asOf: formatIsoDay(q.startDay),
      fiscalYearStartMonth: model.fiscalYearStartMonth,
      horizonQuarters: 1,
      currency: model.currency,
      stages,
      deals: open,
      ...(recent.length > 0 ? { newPipeline: { dealsPerMonth: recent.length / 12, amount: { median, p90 } } } : {}),
    };
    const sim = await simulate(backModel, options);
    onProgress?.(index + 1, complete.length);
    if (!sim.ok) return fail(sim.problems.map((p) => ({ path: `${q.label}: ${p.path}`, message: p.message })));
    const forecast = sim.value.result.quarters[0];
    const samples = quarterBookings(sim.value, 0);
    let actual = 0;
    for (const deal of history.deals) {
      const outcome = finalPaths.get(deal.id)?.outcome;
      if (outcome?.kind === 'won' && outcome.day >= q.startDay && outcome.day < q.endDayExclusive) actual += deal.amount;
    }
    const previous = all.find((p) => p.endDayExclusive === q.startDay);
    const yearBefore = all.find((p) => p.startDay <= q.startDay - 364 && p.endDayExclusive > q.startDay - 364);
    const stageWinChance = stages.map((_, j) => stages.slice(j).reduce((p, s) => p * s.conversion, 1));
    const weighted = open.reduce((sum, d) => sum + d.amount * (stageWinChance[stageIds.indexOf(d.stage)] ?? 0), 0);
    const p10 = forecast?.p10 ?? 0;
    const p50 = forecast?.p50 ?? 0;
    const p90Forecast = forecast?.p90 ?? 0;
    const scored = reasons.length === 0;
    quarters.push({
      label: q.label,
      start: q.start,
      end: q.end,
      actual,
      p10,
      p50,
      p90: p90Forecast,
      inside: actual >= p10 && actual <= p90Forecast,
      scored,
      ...(scored ? {} : { reason: `Not scored: ${reasons.join('; ')}.` }),
      weighted,
      lastQuarter: previous ? wonIn(history, stageIds, previous, cutoff) : 0,
      sameQuarterLastYear: yearBefore ? wonIn(history, stageIds, yearBefore, cutoff) : 0,
      pinball: meanPinball([p10, p50, p90Forecast], actual),
      crps: crps(samples, actual),
      pit: pit(samples, actual),
      openDeals: open.length,
    });
    for (const deal of sim.value.result.deals) {
      const outcome = finalPaths.get(deal.id)?.outcome;
      predictions.push({ predicted: deal.pWinByQuarter[0] ?? 0, won: outcome?.kind === 'won' && outcome.day >= q.startDay && outcome.day < q.endDayExclusive, scored });
    }
  }

  const scored = quarters.filter((q) => q.scored);
  const scoredPredictions = predictions.filter((p) => p.scored);
  const calibration: CalibrationBin[] = [];
  for (let b = 0; b < 10; b++) {
    const from = b / 10;
    const to = (b + 1) / 10;
    const inBin = scoredPredictions.filter((p) => p.predicted >= from && (p.predicted < to || (b === 9 && p.predicted <= 1)));
    if (inBin.length === 0) continue;
    calibration.push({ from, to, deals: inBin.length, predicted: inBin.reduce((s, p) => s + p.predicted, 0) / inBin.length, observed: inBin.filter((p) => p.won).length / inBin.length });
  }
  const point = (pick: (q: BacktestQuarter) => number) => mean(scored.map((q) => meanPinball([pick(q), pick(q), pick(q)], q.actual)));
  if (scored.length < quarters.length) notes.push(`${quarters.length - scored.length} of ${quarters.length} quarters are shown but not scored: each needs at least a year of history before it and ${MIN_EXITS_PER_STAGE} deals that left every stage.`);
  return ok({
    halfLifeQuarters,
    quarters,
    coverage: coverageOf(scored.filter((q) => q.inside).length, scored.length),
    scores: {
      pinball: mean(scored.map((q) => q.pinball)),
      crps: mean(scored.map((q) => q.crps)),
      brier: mean(scoredPredictions.map((p) => (p.predicted - (p.won ? 1 : 0)) ** 2)),
      baselines: { weightedPipeline: point((q) => q.weighted), lastQuarter: point((q) => q.lastQuarter), sameQuarterLastYear: point((q) => q.sameQuarterLastYear) },
    },
    pitHistogram: pitHistogram(scored.map((q) => q.pit), PIT_BINS),
    calibration,
    notes,
  });
}

/** The half-lives the backtest compares: none, two years, one year. */
export const HALF_LIVES: readonly (number | null)[] = [null, 8, 4];

export interface HalfLifeComparison {
  runs: Backtest[];
  /** The half-life with the lowest mean pinball loss over the scored quarters (none when it ties). */
  suggested: number | null;
}

/** Backtests with each half-life, and the one that forecast the past best. */
export async function compareHalfLives(
  history: History,
  model: ForecastModel,
  quarterCount: number,
  options: AnalysisRunOptions,
  onProgress?: AnalysisProgress,
): Promise<Result<HalfLifeComparison>> {
  const runs: Backtest[] = [];
  for (const [i, halfLifeQuarters] of HALF_LIVES.entries()) {
    const run = await backtest(history, model, quarterCount, { ...options, halfLifeQuarters }, onProgress ? (done, total) => onProgress(i * total + done, HALF_LIVES.length * total) : undefined);
    if (!run.ok) return run;
    runs.push(run.value);
  }
  let best = runs[0];
  for (const run of runs) if (run.scores.pinball !== null && (best?.scores.pinball ?? Infinity) - run.scores.pinball > 1e-9 * Math.abs(run.scores.pinball)) best = run;
  return ok({ runs, suggested: best?.scores.pinball === null ? null : (best?.halfLifeQuarters ?? null) });
}
