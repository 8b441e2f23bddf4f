import type { FiscalQuarter } from '../model/fiscal.ts';
import type { ForecastModel } from '../model/schema.ts';
import type { ForecastResult } from '../engine/result-types.ts';
import { validateModel } from '../model/validate.ts';
import { fail, ok, type Result } from '../result.ts';
import { simulate, type AnalysisProgress, type AnalysisRunOptions } from './simulate.ts';
import { closeDatePushed, kindOf, nameOf } from './what-changed-kinds.ts';
import { attributionSteps, CAUSE_LABELS, CAUSES, sharedQuarters, type Cause } from './what-changed-steps.ts';

/** What happened to one deal between the two forecasts (one word, for tables and the CLI's `change`). */
export type DealChangeKind = 'added' | 'removed' | 'won' | 'lost' | 'stage' | 'amount' | 'date' | 'signals' | 'aged' | 'model' | 'unchanged';

export interface QuarterNumbers {
  mean: number;
  p50: number;
  /** null when the quarter has no target in that forecast. */
  pTarget: number | null;
}

export interface QuarterChange {
  start: string;
  label: string;
  before: QuarterNumbers;
  after: QuarterNumbers;
}

export interface DealMove {
  id: string;
  name: string;
  change: DealChangeKind;
  /** Per shared quarter: expected bookings after − before (amount × chance to close in the quarter, or the booked amount). */
  expectedChangeByQuarter: number[];
  /** Per shared quarter: expected bookings before and after. */
  expectedBefore: number[];
  expectedAfter: number[];
  /** The same change split by the step that caused it; the steps add up to expectedChangeByQuarter. */
  expectedChangeByCause: Record<Cause, number[]>;
  /** 1 when the CRM's close date moved later, else 0 (a snapshot trail counts every move). */
  closeDatePushes: number;
}

export interface CauseChange {
  cause: Cause;
  label: string;
  /** Per shared quarter: the step's change of the mean, of the P50, and of the chance of the target (null without a target). */
  meanChangeByQuarter: number[];
  p50ChangeByQuarter: number[];
  pTargetChangeByQuarter: (number | null)[];
}

export interface WhatChanged {
  quarters: QuarterChange[];
  /** Deals whose expected bookings or record changed, and the unchanged ones, in the after file's order. */
  deals: DealMove[];
  causes: CauseChange[];
  /**
   * Per shared quarter: the change of the new pipeline's expected bookings (deals not created yet),
   * the one part of the change of the mean that belongs to no deal. Deals' changes + this = the
   * change of the mean.
   */
  newPipelineChangeByQuarter: number[];
  trials: number;
  seed: number;
}

interface StepRun {
  cause: Cause | null;
  model: ForecastModel;
  result: ForecastResult;
  /** Per shared quarter: index of that quarter in this run's result. */
  columns: number[];
}

/**
 * Explains the change from `before` to `after`: reruns the forecast once per cause, in CAUSES order,
 * with the same trials and seed, so the steps add up exactly to the change of each quarter's mean and
 * P50, and each deal's change of expected bookings is exact (its random numbers follow its id).
 */
export async function whatChanged(beforeInput: unknown, afterInput: unknown, options: AnalysisRunOptions, onProgress?: AnalysisProgress): Promise<Result<WhatChanged>> {
  const before = validateModel(beforeInput);
  const after = validateModel(afterInput);
  if (!before.ok || !after.ok) {
    const prefix = (which: string, problems: readonly { path: string; message: string }[]) => problems.map((p) => ({ path: p.path ? `${which}: ${p.path}` : which, message: p.message }));
    return fail([...(before.ok ? [] : prefix('before', before.problems)), ...(after.ok ? [] : prefix('after', after.problems))]);
  }
  const shared = sharedQuarters(before.value, after.value);
  if (shared.length === 0) return fail([{ path: '', message: 'the two forecasts share no quarter (compare forecasts whose horizons overlap)' }]);

  const steps = attributionSteps(before.value, after.value);
  const runs: StepRun[] = [];
  for (const [i, step] of steps.entries()) {
    onProgress?.(i, steps.length);
    const previous = runs.at(-1);
    if (previous && !step.changed) {
      runs.push({ ...previous, cause: step.cause, model: step.model });
      continue;
    }
    const sim = await simulate(step.model, options);
    if (!sim.ok) {
      const where = step.cause === null ? 'before' : `the step "${CAUSE_LABELS[step.cause]}"`;
      return fail(sim.problems.map((p) => ({ path: `${where}: ${p.path}`, message: p.message })));
    }
    const columns = shared.map((q) => sim.value.result.quarters.findIndex((r) => r.start === q.start));
    if (columns.some((c) => c < 0)) return fail([{ path: '', message: 'the two forecasts are too far apart to compare (more than the longest horizon between their as-of dates)' }]);
    runs.push({ cause: step.cause, model: step.model, result: sim.value.result, columns });
  }
  onProgress?.(steps.length, steps.length);
  return ok(attribute(before.value, after.value, shared, runs, options));
}

function attribute(before: ForecastModel, after: ForecastModel, shared: FiscalQuarter[], runs: StepRun[], options: AnalysisRunOptions): WhatChanged {
  const first = runs[0] as StepRun;
  const last = runs.at(-1) as StepRun;
  const expected = runs.map((run) => expectedByDeal(run, shared));
  const dealIds = listedIds(before, after);
  const zeros = () => shared.map(() => 0);

  const numbers = (run: StepRun, column: number): QuarterNumbers => {
    const q = run.result.quarters[run.columns[column] as number];
    return { mean: q?.mean ?? 0, p50: q?.p50 ?? 0, pTarget: q?.pTarget ?? null };
  };
  const quarters = shared.map((q, c) => ({ start: q.start, label: q.label, before: numbers(first, c), after: numbers(last, c) }));

  const causes: CauseChange[] = CAUSES.map((cause, k) => {
    const now = runs[k + 1] as StepRun;
    const was = runs[k] as StepRun;
    return {
      cause,
      label: CAUSE_LABELS[cause],
      meanChangeByQuarter: shared.map((_q, c) => numbers(now, c).mean - numbers(was, c).mean),
      p50ChangeByQuarter: shared.map((_q, c) => numbers(now, c).p50 - numbers(was, c).p50),
      pTargetChangeByQuarter: shared.map((_q, c) => {
        const [a, b] = [numbers(now, c).pTarget, numbers(was, c).pTarget];
        return a === null || b === null ? null : a - b;
      }),
    };
  });

  const at = (k: number, id: string) => expected[k]?.get(id) ?? zeros();
  const deals: DealMove[] = dealIds.map((id) => {
    const expectedBefore = at(0, id);
    const expectedAfter = at(runs.length - 1, id);
    const expectedChangeByCause = Object.fromEntries(CAUSES.map((cause, k) => [cause, shared.map((_q, c) => (at(k + 1, id)[c] ?? 0) - (at(k, id)[c] ?? 0))])) as Record<Cause, number[]>;
    return {
      id,
      name: nameOf(id, before, after),
      change: kindOf(id, before, after, expectedChangeByCause),
      expectedChangeByQuarter: shared.map((_q, c) => (expectedAfter[c] ?? 0) - (expectedBefore[c] ?? 0)),
      expectedBefore,
      expectedAfter,
      expectedChangeByCause,
      closeDatePushes: closeDatePushed(before.deals.find((d) => d.id === id), after.deals.find((d) => d.id === id)) ? 1 : 0,
    };
  });

  const dealTotal = (k: number, c: number) => [...(expected[k]?.values() ?? [])].reduce((sum, values) => sum + (values[c] ?? 0), 0);
  const newPipeline = (k: number, c: number) => numbers(runs[k] as StepRun, c).mean - dealTotal(k, c);
  return {
    quarters,
    deals,
    causes,
    newPipelineChangeByQuarter: shared.map((_q, c) => newPipeline(runs.length - 1, c) - newPipeline(0, c)),
    trials: options.trials,
    seed: options.seed,
  };
}

/** Each deal's expected bookings per shared quarter in one run: amount × chance for open deals, the amount for booked ones. */
function expectedByDeal(run: StepRun, shared: FiscalQuarter[]): Map<string, number[]> {
  const byDeal = new Map<string, number[]>();
  const add = (id: string, c: number, value: number) => {
    const row = byDeal.get(id) ?? shared.map(() => 0);
    row[c] = (row[c] ?? 0) + value;
    byDeal.set(id, row);
  };
  for (const deal of run.result.deals) run.columns.forEach((column, c) => add(deal.id, c, deal.amount * (deal.pWinByQuarter[column] ?? 0)));
  for (const deal of run.model.closedWon ?? []) {
    const c = shared.findIndex((q) => deal.closedOn >= q.start && deal.closedOn <= q.end);
    if (c >= 0) add(deal.id, c, deal.amount);
  }
  return byDeal;
}

/** Open deals of either file, in the after file's order, then deals booked in one file and not the same in the other. */
function listedIds(before: ForecastModel, after: ForecastModel): string[] {
  const beforeWon = new Map((before.closedWon ?? []).map((d) => [d.id, d]));
  const changedWon = (after.closedWon ?? []).filter((d) => JSON.stringify(beforeWon.get(d.id)) !== JSON.stringify(d)).map((d) => d.id);
  const afterWon = new Set((after.closedWon ?? []).map((d) => d.id));
  const goneWon = (before.closedWon ?? []).filter((d) => !afterWon.has(d.id)).map((d) => d.id);
  return [...new Set([...after.deals.map((d) => d.id), ...before.deals.map((d) => d.id), ...changedWon, ...goneWon])];
}
