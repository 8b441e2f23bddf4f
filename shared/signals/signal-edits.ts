import type { Deal, ForecastModel, Signal } from '../model/schema.ts';
import { starterSignals } from './starter-signals.ts';

const withSignals = (model: ForecastModel, signals: Signal[]): ForecastModel => ({ ...model, signals });

/** Deals with `signalId` set by `change` (null: the deal carries none, i.e. it is at the baseline). */
function mapDealSignals(model: ForecastModel, change: (deal: Deal, value: string | undefined) => string | null | undefined, signalId: string): Deal[] {
  return model.deals.map((deal) => {
    const current = deal.signals?.[signalId];
    const next = change(deal, current);
    if (next === undefined || next === current) return deal;
    const { [signalId]: _dropped, ...others } = deal.signals ?? {};
    const signals = next === null ? others : { ...others, [signalId]: next };
    if (Object.keys(signals).length > 0) return { ...deal, signals };
    const { signals: _none, ...rest } = deal;
    return rest;
  });
}

export function updateSignal(model: ForecastModel, index: number, patch: Partial<Omit<Signal, 'id' | 'values'>>): ForecastModel {
  return withSignals(model, (model.signals ?? []).map((s, i) => (i === index ? { ...s, ...patch } : s)));
}

/** Sets (or, with undefined, clears to 1) the odds ratio of one value. */
export function setOddsRatio(model: ForecastModel, index: number, value: string, ratio: number | undefined): ForecastModel {
  return withSignals(
    model,
    (model.signals ?? []).map((s, i) => {
      if (i !== index) return s;
      const { [value]: _old, ...others } = s.oddsRatios;
      return { ...s, oddsRatios: ratio === undefined ? others : { ...others, [value]: ratio } };
    }),
  );
}

/** Sets (or clears) the spread of ln odds ratio of one value; the field is dropped when no value has one. */
export function setLogSd(model: ForecastModel, index: number, value: string, sd: number | undefined): ForecastModel {
  return withSignals(
    model,
    (model.signals ?? []).map((s, i) => {
      if (i !== index) return s;
      const { [value]: _old, ...others } = s.logSd ?? {};
      const logSd = sd === undefined || sd === 0 ? others : { ...others, [value]: sd };
      const { logSd: _drop, ...rest } = s;
      return Object.keys(logSd).length > 0 ? { ...rest, logSd } : rest;
    }),
  );
}

/**
 * Replaces a signal's values (typed as a list). Deals whose value is gone go back to the baseline,
 * odds ratios of removed values go too, and a removed baseline becomes the first value.
 */
export function setSignalValues(model: ForecastModel, index: number, values: readonly string[]): ForecastModel {
  const signal = model.signals?.[index];
  if (!signal) return model;
  const kept = new Set(values);
  const keep = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([v]) => kept.has(v)));
  const baseline = kept.has(signal.baseline) ? signal.baseline : (values[0] ?? signal.baseline);
  const logSd = keep(signal.logSd);
  const { logSd: _drop, ...rest } = signal;
  const next: Signal = { ...rest, values: [...values], baseline, oddsRatios: keep(signal.oddsRatios), ...(Object.keys(logSd).length > 0 ? { logSd } : {}) };
  const deals = mapDealSignals(model, (_deal, value) => (value !== undefined && !kept.has(value) ? null : undefined), signal.id);
  return { ...withSignals(model, (model.signals ?? []).map((s, i) => (i === index ? next : s))), deals };
}

/** Removes a signal, and every deal's value of it. */
export function removeSignal(model: ForecastModel, index: number): ForecastModel {
  const signal = model.signals?.[index];
  if (!signal) return model;
  return { ...withSignals(model, (model.signals ?? []).filter((_, i) => i !== index)), deals: mapDealSignals(model, () => null, signal.id) };
}

/** A new yes/no signal from its name, applying from the first stage, at odds ratio 1. */
export function addSignal(model: ForecastModel, name: string): ForecastModel {
  const taken = new Set((model.signals ?? []).map((s) => s.id));
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'signal';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return withSignals(model, [...(model.signals ?? []), { id, name, values: ['no', 'yes'], baseline: 'no', appliesFrom: model.stages[0]?.id ?? '', oddsRatios: {} }]);
}

/** Adds the starter signals the model does not have yet (by id). */
export function addStarterSignals(model: ForecastModel): ForecastModel {
  const have = new Set((model.signals ?? []).map((s) => s.id));
  return withSignals(model, [...(model.signals ?? []), ...starterSignals(model.stages).filter((s) => !have.has(s.id))]);
}

/** Sets one deal's value of a signal; the baseline is stored as no value. */
export function setDealSignal(model: ForecastModel, dealIndex: number, signal: Signal, value: string): ForecastModel {
  const target = model.deals[dealIndex];
  return { ...model, deals: mapDealSignals(model, (deal) => (deal === target ? (value === signal.baseline ? null : value) : undefined), signal.id) };
}
