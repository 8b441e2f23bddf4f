import type { ForecastModel, Stage } from '../../../shared/model/schema.ts';

/** Pure edits of the stage list, each returning a new model. */
export const updateStage = (model: ForecastModel, index: number, change: Partial<Stage>): ForecastModel => ({
  ...model,
  stages: model.stages.map((s, i) => (i === index ? { ...s, ...change } : s)),
});

export function moveStage(model: ForecastModel, index: number, by: -1 | 1): ForecastModel {
  const target = index + by;
  if (target < 0 || target >= model.stages.length) return model;
  const stages = [...model.stages];
  const [moved] = stages.splice(index, 1);
  if (!moved) return model;
  stages.splice(target, 0, moved);
  return { ...model, stages };
}

/** Deleting a stage that still holds deals is refused: they must be reassigned first. */
export function deleteStage(model: ForecastModel, index: number): ForecastModel {
  const stage = model.stages[index];
  if (!stage || model.stages.length === 1 || model.deals.some((d) => d.stage === stage.id)) return model;
  return { ...model, stages: model.stages.filter((_, i) => i !== index) };
}

export function addStage(model: ForecastModel): ForecastModel {
  const ids = new Set(model.stages.map((s) => s.id));
  let n = model.stages.length + 1;
  while (ids.has(`stage-${n}`)) n++;
  const stage: Stage = { id: `stage-${n}`, name: `New stage ${n}`, conversion: 0.8, duration: { median: 30, p90: 75 }, costPerDay: 0, entryCost: 0 };
  return { ...model, stages: [...model.stages, stage] };
}

/**
 * Deletes a stage whose deals the user chose to move to another stage. The deals keep the day they
 * entered their stage (their time in the cycle goes on), and shared risks on the deleted stage, in
 * the baseline and in scenarios, move with them, so the model stays whole.
 */
export function deleteStageMovingDeals(model: ForecastModel, index: number, toStageId: string): ForecastModel {
  const stage = model.stages[index];
  if (!stage || stage.id === toStageId || !model.stages.some((s) => s.id === toStageId)) return model;
  const moveShocks = <T extends { stage: string }>(shocks: T[] | undefined) => shocks?.map((s) => (s.stage === stage.id ? { ...s, stage: toStageId } : s));
  return {
    ...model,
    stages: model.stages.filter((_, i) => i !== index),
    deals: model.deals.map((d) => (d.stage === stage.id ? { ...d, stage: toStageId } : d)),
    ...(model.shocks ? { shocks: moveShocks(model.shocks) } : {}),
    ...(model.scenarios
      ? {
          scenarios: model.scenarios.map((sc) => ({
            ...sc,
            ...(sc.shocks ? { shocks: moveShocks(sc.shocks) } : {}),
            ...(sc.deals ? { deals: Object.fromEntries(Object.entries(sc.deals).map(([id, o]) => [id, o.stage === stage.id ? { ...o, stage: toStageId } : o])) } : {}),
          })),
        }
      : {}),
  };
}
