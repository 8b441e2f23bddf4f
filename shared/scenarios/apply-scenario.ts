import type { Deal, ForecastModel, Scenario, Stage } from '../model/schema.ts';

export interface AppliedScenario {
  /** The baseline with the scenario's overrides; validate it before running. */
  model: ForecastModel;
  /** Overrides that no longer point at anything (a stage or deal deleted from the baseline). */
  ignored: string[];
}

function overrideStage(stage: Stage, o: NonNullable<Scenario['stages']>[string]): Stage {
  return {
    ...stage,
    ...(o.conversion !== undefined ? { conversion: o.conversion } : {}),
    ...(o.conversionSampleSize !== undefined ? { conversionSampleSize: o.conversionSampleSize } : {}),
    duration: { median: o.durationMedian ?? stage.duration.median, p90: o.durationP90 ?? stage.duration.p90 },
    ...(o.costPerDay !== undefined ? { costPerDay: o.costPerDay } : {}),
    ...(o.entryCost !== undefined ? { entryCost: o.entryCost } : {}),
  };
}

function overrideDeal(deal: Deal, o: NonNullable<Scenario['deals']>[string]): Deal {
  const next: Deal = {
    ...deal,
    ...(o.amount !== undefined ? { amount: o.amount } : {}),
    ...(o.stage !== undefined ? { stage: o.stage } : {}),
    ...(o.stageEnteredOn !== undefined ? { stageEnteredOn: o.stageEnteredOn } : {}),
  };
  if (o.closeWindow === null) delete next.closeWindow;
  else if (o.closeWindow !== undefined) next.closeWindow = o.closeWindow;
  return next;
}

/**
 * The model a scenario describes: the baseline as it is now, with the scenario's overrides on top.
 * A scenario without overrides gives back the baseline's values exactly; the scenarios list itself
 * is dropped (a scenario does not contain scenarios).
 */
export function applyScenario(baseline: ForecastModel, scenario: Scenario): AppliedScenario {
  const ignored: string[] = [];
  const stageIds = new Set(baseline.stages.map((s) => s.id));
  const dealIds = new Set(baseline.deals.map((d) => d.id));
  for (const id of Object.keys(scenario.stages ?? {})) if (!stageIds.has(id)) ignored.push(`stage "${id}" is no longer in the model`);
  for (const id of Object.keys(scenario.deals ?? {})) if (!dealIds.has(id)) ignored.push(`deal "${id}" is no longer in the pipeline`);

  const stages = baseline.stages.map((stage) => {
    const o = scenario.stages?.[stage.id];
    return o ? overrideStage(stage, o) : stage;
  });
  const deals = baseline.deals.flatMap((deal) => {
    const o = scenario.deals?.[deal.id];
    if (!o) return [deal];
    return o.excluded ? [] : [overrideDeal(deal, o)];
  });
  const np = scenario.newPipeline;
  const newPipeline = np && baseline.newPipeline
    ? { dealsPerMonth: np.dealsPerMonth ?? baseline.newPipeline.dealsPerMonth, amount: { median: np.amountMedian ?? baseline.newPipeline.amount.median, p90: np.amountP90 ?? baseline.newPipeline.amount.p90 } }
    : np && np.dealsPerMonth !== undefined && np.amountMedian !== undefined && np.amountP90 !== undefined
      ? { dealsPerMonth: np.dealsPerMonth, amount: { median: np.amountMedian, p90: np.amountP90 } }
      : baseline.newPipeline;
  let targets = baseline.targets;
  if (scenario.targets) {
    const merged: Record<string, number> = { ...(baseline.targets ?? {}) };
    for (const [day, value] of Object.entries(scenario.targets)) {
      if (value === null) delete merged[day];
      else merged[day] = value;
    }
    targets = merged;
  }
  const shocks = [...(baseline.shocks ?? []), ...(scenario.shocks ?? []).filter((s) => stageIds.has(s.stage) || (ignored.push(`a shock on stage "${s.stage}", which is no longer in the model`), false))];

  const model: ForecastModel = { ...baseline, stages, deals };
  delete model.scenarios;
  if (newPipeline) model.newPipeline = newPipeline;
  if (targets) model.targets = targets;
  if (shocks.length > 0) model.shocks = shocks;
  return { model, ignored };
}

/** True when a scenario changes nothing. */
export function isEmptyScenario(scenario: Scenario): boolean {
  return (
    Object.keys(scenario.stages ?? {}).length === 0 &&
    Object.keys(scenario.deals ?? {}).length === 0 &&
    scenario.newPipeline === undefined &&
    Object.keys(scenario.targets ?? {}).length === 0 &&
    (scenario.shocks ?? []).length === 0
  );
}
