import type { AnalysisProgress, AnalysisRunOptions } from '../analysis/simulate.ts';
import { simulate } from '../analysis/simulate.ts';
import { formatIsoDay } from '../model/dates.ts';
import { fiscalQuarters } from '../model/fiscal.ts';
import type { Deal, ForecastModel } from '../model/schema.ts';
import { fail, ok, type Result } from '../result.ts';
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
  /** The CRM's "weighted pipeline": open amount × the stage's chance to win, ignoring timing. */
  weighted: number;
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
  quarters: BacktestQuarter[];
  /** Share of quarters whose actual fell between P10 and P90 (about 80% when the model is honest). */
  coverage: number;
  maeP50: number;
  maeWeighted: number;
  calibration: CalibrationBin[];
  notes: string[];
}

/** In backtests the prior must not carry later knowledge: a neutral rate worth two deals. */
const NEUTRAL_PRIOR = { mean: 0.5, sampleSize: 2 };

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

/**
 * Replays the last `quarterCount` complete fiscal quarters: for each, rebuilds the pipeline as it stood
 * on the quarter's first day, fits the stages only on what was known then (no leakage: later stage
 * changes are invisible and the prior is neutral), forecasts that quarter with new pipeline at the
 * rate of the year before, and compares with what actually closed won in it.
 */
export async function backtest(
  history: History,
  model: ForecastModel,
  quarterCount: number,
  options: AnalysisRunOptions,
  onProgress?: AnalysisProgress,
): Promise<Result<Backtest>> {
  const stageIds = model.stages.map((s) => s.id);
  const all = fiscalQuarters(history.asOfDay - (quarterCount + 1) * 93, model.fiscalYearStartMonth, quarterCount + 3);
  const complete = all.filter((q) => q.endDayExclusive <= history.asOfDay + 1).slice(-quarterCount);
  if (complete.length === 0) return fail([{ path: 'history', message: 'does not cover a complete fiscal quarter before its last date' }]);
  const finalPaths = new Map(history.deals.map((d) => [d.id, dealPath(d, stageIds, history.asOfDay)]));
  const notes: string[] = [];
  const quarters: BacktestQuarter[] = [];
  const predictions: { predicted: number; won: boolean }[] = [];

  for (const [index, q] of complete.entries()) {
    const cutoff = q.startDay - 1;
    const priorMeans = Object.fromEntries(stageIds.map((id) => [id, NEUTRAL_PRIOR.mean]));
    const fit = fitHistory(history, model, { cutoffDay: cutoff, priorSampleSize: NEUTRAL_PRIOR.sampleSize, priorMeans, filters: NO_FILTERS });
    const stages = model.stages.map((stage, j) => {
      const f = fit.stages[j];
      const proposed = f?.duration.proposed;
      return { ...stage, conversion: f?.conversion.proposed ?? stage.conversion, conversionSampleSize: Math.max(1, f?.conversion.sampleSize ?? 1), duration: proposed ?? stage.duration };
    });
    if (fit.stages.some((f) => f.duration.proposed === null)) notes.push(`${q.label}: too few finished deals to fit every stage's duration; the current values stood in.`);

    const open: Deal[] = [];
    for (const deal of history.deals) {
      if (deal.createdDay > cutoff) continue;
      const path = dealPath(deal, stageIds, cutoff);
      if (path.outcome || path.furthest < 0) continue;
      open.push({ id: deal.id, name: deal.name, amount: deal.amount, stage: stageIds[path.furthest] as string, stageEnteredOn: formatIsoDay(path.entered[path.furthest] ?? cutoff) });
    }
    const recent = history.deals.filter((d) => d.createdDay > cutoff - 365 && d.createdDay <= cutoff).map((d) => d.amount).sort((a, b) => a - b);
    const median = quantile(recent, 0.5);
    const p90 = Math.max(quantile(recent, 0.9), median * 1.05);
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
    let actual = 0;
    for (const deal of history.deals) {
      const outcome = finalPaths.get(deal.id)?.outcome;
      if (outcome?.kind === 'won' && outcome.day >= q.startDay && outcome.day < q.endDayExclusive) actual += deal.amount;
    }
    const stageWinChance = stages.map((_, j) => stages.slice(j).reduce((p, s) => p * s.conversion, 1));
    const weighted = open.reduce((sum, d) => sum + d.amount * (stageWinChance[stageIds.indexOf(d.stage)] ?? 0), 0);
    const p10 = forecast?.p10 ?? 0;
    const p90Forecast = forecast?.p90 ?? 0;
    quarters.push({ label: q.label, start: q.start, end: q.end, actual, p10, p50: forecast?.p50 ?? 0, p90: p90Forecast, inside: actual >= p10 && actual <= p90Forecast, weighted, openDeals: open.length });
    for (const deal of sim.value.result.deals) {
      const outcome = finalPaths.get(deal.id)?.outcome;
      predictions.push({ predicted: deal.pWinByQuarter[0] ?? 0, won: outcome?.kind === 'won' && outcome.day >= q.startDay && outcome.day < q.endDayExclusive });
    }
  }

  const calibration: CalibrationBin[] = [];
  for (let b = 0; b < 10; b++) {
    const from = b / 10;
    const to = (b + 1) / 10;
    const inBin = predictions.filter((p) => p.predicted >= from && (p.predicted < to || (b === 9 && p.predicted <= 1)));
    if (inBin.length === 0) continue;
    calibration.push({ from, to, deals: inBin.length, predicted: inBin.reduce((s, p) => s + p.predicted, 0) / inBin.length, observed: inBin.filter((p) => p.won).length / inBin.length });
  }
  const mae = (pick: (q: BacktestQuarter) => number) => quarters.reduce((s, q) => s + Math.abs(pick(q) - q.actual), 0) / quarters.length;
  return ok({
    quarters,
    coverage: quarters.filter((q) => q.inside).length / quarters.length,
    maeP50: mae((q) => q.p50),
    maeWeighted: mae((q) => q.weighted),
    calibration,
    notes: [...new Set(notes)],
  });
}
