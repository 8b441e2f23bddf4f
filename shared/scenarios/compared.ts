import { BASELINE_ID, MAX_COMPARED } from '../analysis/compare.ts';
import type { ForecastModel } from '../model/schema.ts';

/**
 * The scenarios ticked for comparison, as saved with the workspace: the Scenarios view, its CSV and the
 * board pack all use this one list. Ids of scenarios since deleted are dropped. Before the user ticks
 * anything: the baseline and the first scenarios, up to MAX_COMPARED.
 */
export function comparedScenarioIds(model: ForecastModel): string[] {
  const known = new Set([BASELINE_ID, ...(model.scenarios ?? []).map((s) => s.id)]);
  if (model.comparedScenarios) return model.comparedScenarios.filter((id) => known.has(id)).slice(0, MAX_COMPARED);
  return [...known].slice(0, MAX_COMPARED);
}

/** Ticks or unticks a scenario for comparison (one undoable edit, saved with the workspace). */
export function withCompared(model: ForecastModel, id: string, on: boolean): ForecastModel {
  const current = comparedScenarioIds(model);
  const next = on ? [...current.filter((x) => x !== id), id].slice(0, MAX_COMPARED) : current.filter((x) => x !== id);
  return { ...model, comparedScenarios: next };
}
