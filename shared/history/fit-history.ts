import { fiscalQuarters } from '../model/fiscal.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import type { ForecastModel } from '../model/schema.ts';
import { dealPath, stageOutcome, stageTime, type DealPath } from './deal-path.ts';
import type { DealHistory, History } from './history-types.ts';
import { fitLogNormal, kaplanMeier, type Duration, type LogNormalFit } from './lognormal-fit.ts';

/** Below this many observations a stage's fit is flagged: it rests on very few deals. */
export const FEW_OBSERVATIONS = 10;
export const DEFAULT_PRIOR_SAMPLE_SIZE = 10;
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
  /** Weight of the current conversion rate, as a number of deals (a weak prior). */
  priorSampleSize: number;
  /** The prior mean per stage id; by default the model's current conversion. */
  priorMeans?: Readonly<Record<string, number>>;
  filters: FitFilters;
}

export interface StageFit {
  stageId: string;
  name: string;
  conversion: { current: number; proposed: number; sampleSize: number; successes: number; failures: number };
  duration: { current: { median: number; p90: number }; proposed: { median: number; p90: number } | null; events: number; censored: number; fit: LogNormalFit | null };
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
  if (backward > 0) notes.push(`${backward} deal${backward === 1 ? '' : 's'} moved back a stage; each counts at the furthest stage it reached.`);
  if (reopened > 0) notes.push(`${reopened} deal${reopened === 1 ? ' was' : 's were'} reopened after closing; the earlier close is ignored.`);
  const skipped = paths.filter((p) => {
    const first = p.entered.findIndex((day) => day !== null);
    return first >= 0 && p.entered.slice(first, p.furthest).some((day) => day === null);
  }).length;
  if (skipped > 0) notes.push(`${skipped} deal${skipped === 1 ? '' : 's'} skipped a stage; a skipped stage counts as passed, with no time observed in it.`);

  const stages = model.stages.map((stage, j): StageFit => {
    let successes = 0;
    let failures = 0;
    const durations: Duration[] = [];
    for (const path of paths) {
      const outcome = stageOutcome(path, j);
      if (outcome === true) successes++;
      else if (outcome === false) failures++;
      const time = stageTime(path, j, options.cutoffDay);
      if (time) durations.push(time);
    }
    const prior = Math.min(0.999, Math.max(0.001, options.priorMeans?.[stage.id] ?? stage.conversion));
    const n0 = options.priorSampleSize;
    const sampleSize = n0 + successes + failures;
    const proposed = sampleSize > 0 ? round((prior * n0 + successes) / sampleSize, 4) : stage.conversion;
    const fit = fitLogNormal(durations);
    const warnings: string[] = [];
    if (successes + failures < FEW_OBSERVATIONS) {
      warnings.push(`Only ${successes + failures} deal${successes + failures === 1 ? '' : 's'} left this stage, so the rate leans on the current ${Math.round(stage.conversion * 100)}%.`);
    }
    if (!fit) warnings.push('Too few deals finished this stage to fit its duration; the current one stays.');
    else if (fit.events < FEW_OBSERVATIONS) warnings.push(`Only ${fit.events} deal${fit.events === 1 ? '' : 's'} finished this stage: treat the duration as a rough guide.`);
    return {
      stageId: stage.id,
      name: stage.name,
      conversion: { current: stage.conversion, proposed: Math.max(0.0001, Math.min(1, proposed)), sampleSize: round(sampleSize, 2), successes, failures },
      duration: {
        current: stage.duration,
        proposed: fit ? proposedDuration(fit.median, fit.p90) : null,
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

/** The model with the accepted parts of a fit: per stage, conversion and/or duration. */
export function applyFit(model: ForecastModel, fit: HistoryFit, accepted: Readonly<Record<string, { conversion: boolean; duration: boolean }>>): ForecastModel {
  return {
    ...model,
    stages: model.stages.map((stage) => {
      const f = fit.stages.find((s) => s.stageId === stage.id);
      const take = accepted[stage.id];
      if (!f || !take) return stage;
      let next = stage;
      if (take.conversion && f.conversion.sampleSize > 0) next = { ...next, conversion: f.conversion.proposed, conversionSampleSize: f.conversion.sampleSize };
      if (take.duration && f.duration.proposed) next = { ...next, duration: f.duration.proposed };
      return next;
    }),
  };
}

