import type { Deal, ForecastModel } from '../../../shared/model/schema.ts';

/** Pure edits of the deal list, each returning a new model. */
export const updateDeal = (model: ForecastModel, index: number, change: Partial<Deal>): ForecastModel => ({
  ...model,
  deals: model.deals.map((d, i) => (i === index ? { ...d, ...change } : d)),
});

/**
 * Moves a deal to another stage. Its clock restarts: it entered the new stage on the as-of date
 * unless the user says when. Keeping the old date would count the days spent in the previous stage
 * as days in the new one (a deal that just entered procurement would look nearly done).
 */
export const moveDealToStage = (model: ForecastModel, index: number, stage: string, enteredOn: string = model.asOf): ForecastModel =>
  model.deals[index]?.stage === stage ? model : updateDeal(model, index, { stage, stageEnteredOn: enteredOn });

export function addDeal(model: ForecastModel): ForecastModel {
  const ids = new Set(model.deals.map((d) => d.id));
  let n = model.deals.length + 1;
  while (ids.has(`NEW-${n}`)) n++;
  const first = model.stages[0];
  if (!first) return model;
  return { ...model, deals: [...model.deals, { id: `NEW-${n}`, name: `New deal ${n}`, amount: 100_000, stage: first.id, stageEnteredOn: model.asOf }] };
}

export function deleteDeals(model: ForecastModel, ids: ReadonlySet<string>): ForecastModel {
  if (ids.size === 0) return model;
  return { ...model, deals: model.deals.filter((d) => !ids.has(d.id)) };
}

/** A deal taken out of the list, with where it stood, so it can be put back in its place. */
export interface RemovedDeal {
  deal: Deal;
  index: number;
}

export const removedDeals = (model: ForecastModel, ids: ReadonlySet<string>): RemovedDeal[] => model.deals.flatMap((deal, index) => (ids.has(deal.id) ? [{ deal, index }] : []));

/**
 * Puts deleted deals back where they stood (undo of a delete after later edits). A deal whose id is
 * back in the list in the meantime is not added twice.
 */
export function restoreDeals(model: ForecastModel, removed: readonly RemovedDeal[]): ForecastModel {
  const ids = new Set(model.deals.map((d) => d.id));
  const back = removed.filter((r) => !ids.has(r.deal.id));
  if (back.length === 0) return model;
  const deals = [...model.deals];
  for (const { deal, index } of [...back].sort((a, b) => a.index - b.index)) deals.splice(Math.min(index, deals.length), 0, deal);
  return { ...model, deals };
}

/** Days a deal has been in its stage as of the model's date. */
export function daysInStage(model: ForecastModel, deal: Deal): number {
  return Math.round((Date.parse(`${model.asOf}T00:00:00Z`) - Date.parse(`${deal.stageEnteredOn}T00:00:00Z`)) / 86_400_000);
}

/** A deal's text field that is not part of the model's core (owner, sponsor role, CRM fields). */
export const extraText = (deal: Deal, key: string): string => {
  const value = deal[key];
  return typeof value === 'string' ? value : '';
};
