import type { ForecastResult } from '../engine/result-types.ts';
import type { ForecastModel, Scenario } from '../model/schema.ts';
import type { Problem } from '../result.ts';
import { applyScenario } from '../scenarios/apply-scenario.ts';
import { simulate, type AnalysisProgress, type AnalysisRunOptions } from './simulate.ts';

export const BASELINE_ID = 'baseline';
export const MAX_COMPARED = 4;

export interface ScenarioRun {
  id: string;
  name: string;
  /** null when the scenario's model is invalid (see problems). */
  result: ForecastResult | null;
  problems: Problem[];
  /** Overrides that point at deleted stages or deals. */
  ignored: string[];
}

/** The baseline or a scenario's model, by id. */
export function modelOf(baseline: ForecastModel, id: string): { model: ForecastModel; name: string; ignored: string[] } | null {
  if (id === BASELINE_ID) return { model: baseline, name: 'Baseline', ignored: [] };
  const scenario = (baseline.scenarios ?? []).find((s) => s.id === id);
  if (!scenario) return null;
  return { ...applyScenario(baseline, scenario), name: scenario.name };
}

/** Runs the baseline and/or scenarios with the same seed and trials (common random numbers). */
export async function runComparison(baseline: ForecastModel, ids: readonly string[], options: AnalysisRunOptions, onProgress?: AnalysisProgress): Promise<ScenarioRun[]> {
  const chosen = ids.slice(0, MAX_COMPARED);
  const runs: ScenarioRun[] = [];
  for (const [i, id] of chosen.entries()) {
    const found = modelOf(baseline, id);
    onProgress?.(i, chosen.length);
    if (!found) {
      runs.push({ id, name: id, result: null, problems: [{ path: id, message: 'there is no scenario with this id' }], ignored: [] });
      continue;
    }
    const sim = await simulate(found.model, options);
    onProgress?.(i + 1, chosen.length);
    runs.push(
      sim.ok
        ? { id, name: found.name, result: sim.value.result, problems: [], ignored: found.ignored }
        : { id, name: found.name, result: null, problems: sim.problems, ignored: found.ignored },
    );
  }
  return runs;
}

export interface ComparisonRow {
  id: string;
  name: string;
  p50: number;
  p10: number;
  p90: number;
  pTarget: number | null;
  costPerWin: number | null;
  /** Differences from the first run (the reference, usually the baseline). */
  deltaP50: number;
  deltaPTarget: number | null;
  deltaCostPerWin: number | null;
}

/** One quarter's numbers for each run, with the differences from the first run. */
export function comparisonRows(runs: readonly ScenarioRun[], quarter: number): ComparisonRow[] {
  const valid = runs.filter((r): r is ScenarioRun & { result: ForecastResult } => r.result !== null);
  const reference = valid[0]?.result;
  return valid.map((run) => {
    const q = run.result.quarters[quarter];
    const ref = reference?.quarters[quarter];
    const p50 = q?.p50 ?? 0;
    const pTarget = q?.pTarget ?? null;
    const costPerWin = run.result.cac.costPerWin;
    const refCost = reference?.cac.costPerWin ?? null;
    return {
      id: run.id,
      name: run.name,
      p50,
      p10: q?.p10 ?? 0,
      p90: q?.p90 ?? 0,
      pTarget,
      costPerWin,
      deltaP50: p50 - (ref?.p50 ?? 0),
      deltaPTarget: pTarget !== null && ref?.pTarget != null ? pTarget - ref.pTarget : null,
      deltaCostPerWin: costPerWin !== null && refCost !== null ? costPerWin - refCost : null,
    };
  });
}

export interface DealChange {
  id: string;
  name: string;
  amount: number;
  /** Chance to win in the quarter in the reference run and in the other (0 when left out). */
  before: number;
  after: number;
}

/** Deals whose chance to close in the quarter moved by at least `minChange`, largest money effect first. */
export function dealChanges(reference: ForecastResult, other: ForecastResult, quarter: number, minChange = 0.01): DealChange[] {
  const others = new Map(other.deals.map((d) => [d.id, d]));
  const changes: DealChange[] = [];
  for (const deal of reference.deals) {
    const before = deal.pWinByQuarter[quarter] ?? 0;
    const match = others.get(deal.id);
    const after = match ? (match.pWinByQuarter[quarter] ?? 0) : 0;
    if (Math.abs(after - before) >= minChange || !match) changes.push({ id: deal.id, name: deal.name, amount: match?.amount ?? deal.amount, before, after });
  }
  const effect = (c: DealChange) => Math.abs(c.after - c.before) * c.amount;
  return changes.sort((a, b) => effect(b) - effect(a));
}

/** The scenarios of a workspace that a comparison can show. */
export const comparableIds = (model: ForecastModel): string[] => [BASELINE_ID, ...(model.scenarios ?? []).map((s: Scenario) => s.id)];
