import { fiscalQuarters } from '../model/fiscal.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import type { ForecastModel } from '../model/schema.ts';
import { dealPath, stageExitDay, stageOutcome, stageTime, type DealPath } from './deal-path.ts';
import type { DealHistory, History } from './history-types.ts';
import { betaInterval } from '../stats/beta.ts';
import { fitCompetingRisks, kaplanMeier, type Duration, type LogNormalFit } from './lognormal-fit.ts';
import { count } from '../format/numbers.ts';

/** Below this many observations a stage's fit is flagged: it rests on very few deals. */
export const FEW_OBSERVATIONS = 10;
export const DEFAULT_PRIOR_SAMPLE_SIZE = 10;
/** A fitted rate is never certain: the prior always counts as at least this many deals. */
export const MIN_PRIOR_SAMPLE_SIZE = 2;
/** Intervals shown for every fitted value: the central 90%. */
export const INTERVAL_LEVEL = 0.9;
const DAYS_PER_QUARTER = 365.25 / 4;

export interface FitFilters {
  /** Only deals created in the last N quarters before the cutoff (null: all). */
  windowQuarters: number | null;
  minAmount: number | null;
  maxAmount: number | null;
  owner: string | null;
  region: string | null;
}

export const NO_FILTERS: FitFilters = { windowQuarters: null, minAmount: null, maxAmount: null, owner: null, region: null };

export interface FitOptions {
  /** Only what was known by this day is used (the history's as-of day, or a backtest's quarter start). */
  cutoffDay: number;
  /** Weight of the current conversion rate, as a number of deals (a weak prior; at least 2 count). */
  priorSampleSize: number;
  /** Older stage exits count half as much every this many quarters before the cutoff (null: all the same). */
  halfLifeQuarters?: number | null;
  /** The prior mean per stage id; by default the model's current conversion. */
  priorMeans?: Readonly<Record<string, number>>;
  filters: FitFilters;
  /** Compute the 90% intervals (default true; backtests, which refit every quarter, skip them). */
  intervals?: boolean;
}

export interface StageFit {
  stageId: string;
  name: string;
  conversion: {
    current: number;
    proposed: number;
    /** The posterior's weight in deals: prior + (recency-weighted) deals that left the stage. */
    sampleSize: number;
    /** Unweighted counts of deals that moved on and were lost here. */
    successes: number;
    failures: number;
    /** The central 90% of the Beta posterior. */
    interval: [number, number];
  };
  duration: {
    current: { median: number; p90: number };
    proposed: { median: number; p90: number } | null;
    /** 90% profile-likelihood intervals of the proposed median and P90. */
    interval: { median: [number, number]; p90: [number, number] } | null;
    /** Deals' worth of information about the typical time (see README): the proposed `durationSampleSize`. */
    sampleSize: number | null;
    /** The losers' own time in the stage, when the data support it (semantics 9). */
    lossDuration: { median: number; p90: number } | null;
    /** Which rule decided between one time and separate times for losses. */
    rule: string;
    /** Deals lost here with an observed time. */
    losses: number;
    events: number;
    censored: number;
    fit: LogNormalFit | null;
  };
  /** Kaplan–Meier survival of the observed times, for the chart beside the fitted curve. */
  survival: { days: number; share: number }[];
  warnings: string[];
}

export interface StageActivity {
  stageId: string;
  quarters: { label: string; deals: number; days: number }[];
}

export interface HistoryFit {
  stages: StageFit[];
  dealsUsed: number;
  activity: StageActivity[];
  notes: string[];
}

export function filterDeals(deals: readonly DealHistory[], filters: FitFilters, cutoffDay: number): DealHistory[] {
  const from = filters.windowQuarters === null ? -Infinity : cutoffDay - filters.windowQuarters * DAYS_PER_QUARTER;
  return deals.filter(
    (d) =>
      d.createdDay <= cutoffDay &&
      d.createdDay >= from &&
      (filters.minAmount === null || d.amount >= filters.minAmount) &&
      (filters.maxAmount === null || d.amount <= filters.maxAmount) &&
      (filters.owner === null || d.owner === filters.owner) &&
      (filters.region === null || d.region === filters.region),
  );
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Rounded to a tenth of a day, inside what a model accepts (a P90 from 1.01 to 100 times the median). */
function proposedDuration(median: number, p90: number): { median: number; p90: number } {
  const m = Math.max(0.1, round(median, 1));
  return { median: m, p90: Math.min(m * MODEL_LIMITS.maxSpreadRatio, Math.max(round(p90, 1), Math.ceil(m * MODEL_LIMITS.minSpreadRatio * 10) / 10)) };
}

/**
 * Proposes stage conversions and durations from closed and open deals:
 * - conversion: a Beta posterior with the current rate as the prior mean, worth `priorSampleSize`
 *   deals, updated with the deals that left the stage (moved on = success, lost there = failure);
 * - duration: a lognormal fitted by maximum likelihood, counting deals still in the stage as censored.
 * The result is a proposal; nothing in the model changes until the user accepts it.
 */
export function fitHistory(history: History, model: ForecastModel, options: FitOptions): HistoryFit {
  const stageIds = model.stages.map((s) => s.id);
  const deals = filterDeals(history.deals, options.filters, options.cutoffDay);
  const paths: DealPath[] = deals.map((d) => dealPath(d, stageIds, options.cutoffDay)).filter((p) => p.furthest >= 0 || p.outcome !== null);
  const notes: string[] = [];
  const backward = paths.filter((p) => p.backwardMoves > 0).length;
  const reopened = paths.filter((p) => p.reopened).length;
  if (backward > 0) notes.push(`${count(backward, 'deal')} moved back a stage; each counts at the furthest stage it reached.`);
  if (reopened > 0) notes.push(`${reopened} deal${reopened === 1 ? ' was' : 's were'} reopened after closing; the earlier close is ignored.`);
  const skipped = paths.filter((p) => {
    const first = p.entered.findIndex((day) => day !== null);
    return first >= 0 && p.entered.slice(first, p.furthest).some((day) => day === null);
  }).length;
  if (skipped > 0) notes.push(`${count(skipped, 'deal')} skipped a stage; a skipped stage counts as passed, with no time observed in it.`);

  const halfLifeDays = options.halfLifeQuarters ? options.halfLifeQuarters * DAYS_PER_QUARTER : null;
  const weightOf = (day: number) => (halfLifeDays === null ? 1 : 0.5 ** (Math.max(0, options.cutoffDay - day) / halfLifeDays));
  const n0 = Math.max(MIN_PRIOR_SAMPLE_SIZE, options.priorSampleSize);

  const stages = model.stages.map((stage, j): StageFit => {
    let successes = 0;
    let failures = 0;
    let weightedSuccesses = 0;
    let weightedFailures = 0;
    const durations: Duration[] = [];
    for (const path of paths) {
      const outcome = stageOutcome(path, j);
      const exitDay = stageExitDay(path, j) ?? options.cutoffDay;
      const weight = weightOf(exitDay);
      if (outcome === true) {
        successes++;
        weightedSuccesses += weight;
      } else if (outcome === false) {
        failures++;
        weightedFailures += weight;
      }
      const time = stageTime(path, j, options.cutoffDay);
      if (time) durations.push({ ...time, lost: time.ended && outcome === false, weight: time.ended ? weight : 1 });
    }
    // A prior mean of exactly 0 or 1 would make the posterior certain; the clamp keeps it a distribution.
    const prior = Math.min(0.999, Math.max(0.001, options.priorMeans?.[stage.id] ?? stage.conversion));
    const alpha = prior * n0 + weightedSuccesses;
    const beta = (1 - prior) * n0 + weightedFailures;
    const proposed = Math.min(0.9999, Math.max(0.0001, round(alpha / (alpha + beta), 4)));
    const interval = betaInterval(alpha, beta, INTERVAL_LEVEL);
    const risks = fitCompetingRisks(durations, options.intervals ?? true);
    const fit = risks.duration;
    const losses = durations.filter((d) => d.lost).length;
    const warnings: string[] = [];
    if (successes + failures < FEW_OBSERVATIONS) {
      warnings.push(`Only ${count(successes + failures, 'deal')} left this stage, so the rate leans on the prior of ${Math.round(prior * 100)}% (worth ${round(n0, 1)} deals).`);
    }
    if (!fit) warnings.push('Too few deals finished this stage to fit its duration; the current one stays.');
    else if (fit.events < FEW_OBSERVATIONS) warnings.push(`Only ${count(fit.events, 'deal')} finished this stage: treat the duration as a rough guide.`);
    return {
      stageId: stage.id,
      name: stage.name,
      conversion: { current: stage.conversion, proposed, sampleSize: round(alpha + beta, 2), successes, failures, interval: [round(interval[0], 4), round(interval[1], 4)] },
      duration: {
        current: stage.duration,
        proposed: fit ? proposedDuration(fit.median, fit.p90) : null,
        interval: fit && options.intervals !== false ? { median: [round(fit.medianInterval[0], 1), round(fit.medianInterval[1], 1)], p90: [round(fit.p90Interval[0], 1), round(fit.p90Interval[1], 1)] } : null,
        sampleSize: fit ? round(fit.sampleSize, 1) : null,
        lossDuration: risks.lossDuration ? proposedDuration(risks.lossDuration.median, risks.lossDuration.p90) : null,
        rule: risks.rule,
        losses,
        events: fit?.events ?? durations.filter((d) => d.ended).length,
        censored: fit?.censored ?? durations.filter((d) => !d.ended).length,
        fit,
      },
      survival: kaplanMeier(durations),
      warnings,
    };
  });
  return { stages, dealsUsed: paths.length, activity: stageActivity(paths, model, options.cutoffDay), notes };
}

/** Deals and deal-days in each stage per fiscal quarter (the last four), to check against sales spend. */
function stageActivity(paths: readonly DealPath[], model: ForecastModel, cutoffDay: number): StageActivity[] {
  const quarters = fiscalQuarters(cutoffDay - 4 * 92, model.fiscalYearStartMonth, 5).filter((q) => q.startDay <= cutoffDay).slice(-4);
  return model.stages.map((stage, j) => ({
    stageId: stage.id,
    quarters: quarters.map((q) => {
      let deals = 0;
      let days = 0;
      for (const path of paths) {
        const start = path.entered[j];
        if (start === null || start === undefined) continue;
        const time = stageTime(path, j, cutoffDay);
        const end = start + (time?.days ?? 0);
        const overlap = Math.min(end, q.endDayExclusive, cutoffDay + 1) - Math.max(start, q.startDay);
        if (overlap > 0 || (start >= q.startDay && start < q.endDayExclusive)) {
          deals++;
          days += Math.max(0, overlap);
        }
      }
      return { label: q.label, deals, days };
    }),
  }));
}

/**
 * The model with the accepted parts of a fit, per stage: the conversion with its certainty
 * (`conversionSampleSize`, the posterior's weight), and/or the duration with its certainty
 * (`durationSampleSize`) and the losers' own time where the fit proposes one (else none).
 */
export function applyFit(model: ForecastModel, fit: HistoryFit, accepted: Readonly<Record<string, { conversion: boolean; duration: boolean }>>): ForecastModel {
  return {
    ...model,
    stages: model.stages.map((stage) => {
      const f = fit.stages.find((s) => s.stageId === stage.id);
      const take = accepted[stage.id];
      if (!f || !take) return stage;
      let next = stage;
      if (take.conversion) next = { ...next, conversion: f.conversion.proposed, conversionSampleSize: f.conversion.sampleSize };
      if (take.duration && f.duration.proposed) {
        const { lossDuration: _dropped, ...rest } = next;
        next = { ...rest, duration: f.duration.proposed, ...(f.duration.sampleSize !== null ? { durationSampleSize: f.duration.sampleSize } : {}), ...(f.duration.lossDuration ? { lossDuration: f.duration.lossDuration } : {}) };
      }
      return next;
    }),
  };
}
