import type { BookedDeal, ForecastModel } from '../../../shared/model/schema.ts';

/** Pure edits of the deals already closed won, each returning a new model. */
export const updateBooked = (model: ForecastModel, index: number, change: Partial<BookedDeal>): ForecastModel => ({
  ...model,
  closedWon: (model.closedWon ?? []).map((d, i) => (i === index ? { ...d, ...change } : d)),
});

/** A new booked deal, closed on the as-of date (the usual case: it just closed). */
export function addBooked(model: ForecastModel): ForecastModel {
  const booked = model.closedWon ?? [];
  const ids = new Set([...booked, ...model.deals].map((d) => d.id));
  let n = booked.length + 1;
  while (ids.has(`WON-${n}`)) n++;
  return { ...model, closedWon: [...booked, { id: `WON-${n}`, name: `Booked deal ${n}`, amount: 100_000, closedOn: model.asOf }] };
}

export function removeBooked(model: ForecastModel, index: number): ForecastModel {
  const closedWon = (model.closedWon ?? []).filter((_, i) => i !== index);
  if (closedWon.length > 0) return { ...model, closedWon };
  const rest = { ...model };
  delete rest.closedWon;
  return rest;
}
