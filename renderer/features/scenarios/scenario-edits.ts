import type { ForecastModel, Scenario, Shock } from '../../../shared/model/schema.ts';

/** Pure edits of a workspace's scenarios, each returning a new model (one undo step each). */

export const scenarioIndex = (model: ForecastModel, id: string): number => (model.scenarios ?? []).findIndex((s) => s.id === id);

export function updateScenario(model: ForecastModel, id: string, change: (scenario: Scenario) => Scenario): ForecastModel {
  const scenarios = model.scenarios ?? [];
  if (!scenarios.some((s) => s.id === id)) return model;
  return { ...model, scenarios: scenarios.map((s) => (s.id === id ? change(s) : s)) };
}

function freeId(model: ForecastModel): string {
  const ids = new Set((model.scenarios ?? []).map((s) => s.id));
  let n = ids.size + 1;
  while (ids.has(`scenario-${n}`)) n++;
  return `scenario-${n}`;
}

export function addScenario(model: ForecastModel, name: string, from?: Scenario): { model: ForecastModel; id: string } {
  const id = freeId(model);
  const scenario: Scenario = from ? { ...structuredClone(from), id, name } : { id, name };
  return { model: { ...model, scenarios: [...(model.scenarios ?? []), scenario] }, id };
}

export function deleteScenario(model: ForecastModel, id: string): ForecastModel {
  const scenarios = (model.scenarios ?? []).filter((s) => s.id !== id);
  const { scenarios: _old, ...rest } = model;
  // A later scenario may get the same id: it must not arrive ticked for comparison.
  const compared = model.comparedScenarios?.filter((c) => c !== id);
  const kept = compared ? { ...rest, comparedScenarios: compared } : rest;
  return scenarios.length > 0 ? { ...kept, scenarios } : kept;
}

/** Sets (or, with undefined, removes) one field of a record of overrides, dropping entries left empty. */
function setInRecord<T extends object>(record: Record<string, T> | undefined, key: string, field: keyof T, value: T[keyof T] | undefined): Record<string, T> | undefined {
  const entry = { ...(record?.[key] ?? ({} as T)) };
  if (value === undefined) delete entry[field];
  else entry[field] = value;
  const next = { ...(record ?? {}) };
  if (Object.keys(entry).length === 0) delete next[key];
  else next[key] = entry;
  return Object.keys(next).length === 0 ? undefined : next;
}

const withField = <K extends keyof Scenario>(scenario: Scenario, key: K, value: Scenario[K] | undefined): Scenario => {
  const next = { ...scenario };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

type StageOverride = NonNullable<Scenario['stages']>[string];
type DealOverride = NonNullable<Scenario['deals']>[string];
type PipelineOverride = NonNullable<Scenario['newPipeline']>;

export const setStageOverride = <F extends keyof StageOverride>(model: ForecastModel, id: string, stageId: string, field: F, value: StageOverride[F] | undefined) =>
  updateScenario(model, id, (s) => withField(s, 'stages', setInRecord(s.stages, stageId, field, value)));

export const setDealOverride = <F extends keyof DealOverride>(model: ForecastModel, id: string, dealId: string, field: F, value: DealOverride[F] | undefined) =>
  updateScenario(model, id, (s) => withField(s, 'deals', setInRecord(s.deals, dealId, field, value)));

/**
 * A scenario moves a deal to another stage: its clock restarts on the as-of date unless the user
 * gives the day; following the baseline's stage again follows its stage date too.
 */
export const setDealStageOverride = (model: ForecastModel, id: string, dealId: string, stage: string | undefined): ForecastModel =>
  setDealOverride(setDealOverride(model, id, dealId, 'stage', stage), id, dealId, 'stageEnteredOn', stage === undefined ? undefined : model.asOf);

/**
 * Starts overriding a deal with nothing changed yet: the user then says what changes (left out, amount,
 * stage, close window). Left out by default would silently void a close window entered next.
 */
export const addDealOverride = (model: ForecastModel, id: string, dealId: string) =>
  updateScenario(model, id, (s) => (s.deals?.[dealId] ? s : withField(s, 'deals', { ...(s.deals ?? {}), [dealId]: {} })));

export const removeDealOverride = (model: ForecastModel, id: string, dealId: string) =>
  updateScenario(model, id, (s) => {
    const deals = { ...(s.deals ?? {}) };
    delete deals[dealId];
    return withField(s, 'deals', Object.keys(deals).length ? deals : undefined);
  });

export function setPipelineOverride<F extends keyof PipelineOverride>(model: ForecastModel, id: string, field: F, value: PipelineOverride[F] | undefined): ForecastModel {
  return updateScenario(model, id, (s) => {
    const next = { ...(s.newPipeline ?? {}) };
    if (value === undefined) delete next[field];
    else next[field] = value;
    return withField(s, 'newPipeline', Object.keys(next).length ? next : undefined);
  });
}

export function setTargetOverride(model: ForecastModel, id: string, quarterStart: string, value: number | null | undefined): ForecastModel {
  return updateScenario(model, id, (s) => {
    const next = { ...(s.targets ?? {}) };
    if (value === undefined) delete next[quarterStart];
    else next[quarterStart] = value;
    return withField(s, 'targets', Object.keys(next).length ? next : undefined);
  });
}

export const addShock = (model: ForecastModel, id: string, shock: Shock) => updateScenario(model, id, (s) => ({ ...s, shocks: [...(s.shocks ?? []), shock] }));

export const updateShock = (model: ForecastModel, id: string, index: number, change: Partial<Shock>) =>
  updateScenario(model, id, (s) => ({ ...s, shocks: (s.shocks ?? []).map((shock, i) => (i === index ? { ...shock, ...change } : shock)) }));

export const removeShock = (model: ForecastModel, id: string, index: number) =>
  updateScenario(model, id, (s) => {
    const shocks = (s.shocks ?? []).filter((_, i) => i !== index);
    return withField(s, 'shocks', shocks.length ? shocks : undefined);
  });
