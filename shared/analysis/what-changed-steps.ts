import { parseIsoDay } from '../model/dates.ts';
import { fiscalQuarters, type FiscalQuarter } from '../model/fiscal.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import type { BookedDeal, Deal, ForecastModel, Signal } from '../model/schema.ts';

/**
 * The causes of a forecast's change, in the fixed order in which they are applied (README, "What
 * changed"): each step reruns the forecast with the same random numbers on the model with this
 * cause and every earlier one applied, so the steps telescope exactly to the whole change.
 */
export const CAUSES = ['model', 'time', 'removed', 'amount', 'stage', 'date', 'signals', 'push', 'added'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABELS: Record<Cause, string> = {
  model: 'Stage model, new pipeline, targets',
  time: 'Time passing',
  removed: 'Won, lost or gone',
  amount: 'Amount changes',
  stage: 'Stage moves',
  date: 'Stage-date changes',
  signals: 'Signal changes',
  push: 'Close-date pushes',
  added: 'Added deals',
};

export interface AttributionStep {
  /** null for the starting point (the "before" model as rerun). */
  cause: Cause | null;
  model: ForecastModel;
  /** False when the step changed nothing, so its run is the previous one's. */
  changed: boolean;
}

/** Quarters present in both forecasts, matched by their first day. */
export function sharedQuarters(before: ForecastModel, after: ForecastModel): FiscalQuarter[] {
  const starts = new Set(quartersOf(before).map((q) => q.start));
  return quartersOf(after).filter((q) => starts.has(q.start));
}

function quartersOf(model: ForecastModel): FiscalQuarter[] {
  return fiscalQuarters(parseIsoDay(model.asOf) ?? 0, model.fiscalYearStartMonth, model.horizonQuarters);
}

/**
 * The horizon that reaches the last shared quarter from this model's as-of date. Bookings in a quarter
 * do not depend on the quarters after it (new deals arrive one after another, and the ones past the
 * horizon are simply not drawn), so a shorter horizon leaves the shared quarters' numbers as they are.
 */
function horizonReaching(model: ForecastModel, lastStart: string): number {
  const all = fiscalQuarters(parseIsoDay(model.asOf) ?? 0, model.fiscalYearStartMonth, MODEL_LIMITS.maxHorizonQuarters);
  const index = all.findIndex((q) => q.start === lastStart);
  return index < 0 ? MODEL_LIMITS.maxHorizonQuarters : index + 1;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A deal's close window, clamped to the as-of date the way the engine reads it (a window cannot open in the past). */
function clampWindow(deal: Deal, asOf: string): Deal {
  const window = deal.closeWindow;
  if (!window || window.from >= asOf) return deal;
  return { ...deal, closeWindow: { from: asOf, to: window.to < asOf ? asOf : window.to } };
}

/**
 * The models of the attribution, from `before` to `after`, one per cause in CAUSES order. Scenarios and
 * calibration settings are left out (the forecast ignores them). Deals are kept in one order throughout
 * (the after file's order, then the deals only the before file has), so the last step is `after` itself.
 * A deal whose stage the new stage model no longer has leaves in the model step.
 */
export function attributionSteps(before: ForecastModel, after: ForecastModel): AttributionStep[] {
  const lastShared = sharedQuarters(before, after).at(-1);
  const afterById = new Map(after.deals.map((d) => [d.id, d]));
  const afterStageIds = new Set(after.stages.map((s) => s.id));
  const afterClosedWon = new Set((after.closedWon ?? []).map((d) => d.id));
  const order = [...after.deals.map((d) => d.id), ...before.deals.filter((d) => !afterById.has(d.id)).map((d) => d.id)];
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = (deals: Deal[]) => [...deals].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));

  const frame = (model: ForecastModel, deals: Deal[], closedWon: BookedDeal[] | undefined, closedLost: BookedDeal[] | undefined): ForecastModel => {
    const { scenarios: _scenarios, calibration: _calibration, closedWon: _won, closedLost: _lost, ...rest } = model;
    const framed: ForecastModel = { ...rest, deals: sorted(deals) };
    if (closedWon && closedWon.length > 0) framed.closedWon = closedWon;
    if (closedLost && closedLost.length > 0) framed.closedLost = closedLost;
    if (lastShared) framed.horizonQuarters = horizonReaching(framed, lastShared.start);
    return framed;
  };

  const steps: AttributionStep[] = [];
  let current = frame(before, before.deals, before.closedWon, before.closedLost);
  steps.push({ cause: null, model: current, changed: true });
  const apply = (cause: Cause, next: ForecastModel) => {
    steps.push({ cause, model: next, changed: !sameJson(next, current) });
    current = next;
  };
  const mapDeals = (change: (deal: Deal, afterDeal: Deal) => Deal) =>
    current.deals.map((deal) => {
      const later = afterById.get(deal.id);
      return later ? change(deal, later) : deal;
    });

  const settings = { ...current, stages: after.stages, fiscalYearStartMonth: after.fiscalYearStartMonth, currency: after.currency };
  // The model step takes the signals' definitions (their odds ratios); a deal keeps the values the new definitions still have.
  apply('model', frame({ ...withOptional(settings, after), asOf: current.asOf }, current.deals.filter((d) => afterStageIds.has(d.stage)).map((d) => withSignalValues(d, keptSignalValues(d, after.signals))), current.closedWon, current.closedLost));
  apply('time', frame({ ...current, asOf: after.asOf }, current.deals.map((d) => clampWindow(d, after.asOf)), current.closedWon, current.closedLost));
  apply(
    'removed',
    frame(current, current.deals.filter((d) => afterById.has(d.id) && !afterClosedWon.has(d.id)), after.closedWon, after.closedLost),
  );
  apply('amount', { ...current, deals: mapDeals((deal, later) => ({ ...deal, amount: later.amount })) });
  apply('stage', { ...current, deals: mapDeals((deal, later) => (deal.stage === later.stage ? deal : { ...deal, stage: later.stage, stageEnteredOn: later.stageEnteredOn })) });
  apply('date', { ...current, deals: mapDeals((deal, later) => ({ ...deal, stageEnteredOn: later.stageEnteredOn })) });
  apply('signals', { ...current, deals: mapDeals((deal, later) => withSignalValues(deal, later.signals)) });
  // The last per-deal step takes every other field of the deal too (window, CRM fields, owner), so
  // what remains is only the deals that are new.
  apply('push', { ...current, deals: mapDeals((_deal, later) => later) });
  apply('added', frame({ ...current, horizonQuarters: after.horizonQuarters }, after.deals, after.closedWon, after.closedLost));
  return steps;
}

/** The model-level settings of `after` that the model step takes: new pipeline, targets, shocks and the horizon. */
function withOptional(model: ForecastModel, after: ForecastModel): ForecastModel {
  const { newPipeline: _np, targets: _targets, shocks: _shocks, signals: _signals, ...rest } = model;
  return {
    ...rest,
    horizonQuarters: after.horizonQuarters,
    ...(after.signals ? { signals: after.signals } : {}),
    ...(after.newPipeline ? { newPipeline: after.newPipeline } : {}),
    ...(after.targets ? { targets: after.targets } : {}),
    ...(after.shocks ? { shocks: after.shocks } : {}),
  };
}

/** The deal with these signal values (none: every signal at its baseline). */
function withSignalValues(deal: Deal, values: Deal['signals']): Deal {
  const { signals: _signals, ...rest } = deal;
  return values && Object.keys(values).length > 0 ? { ...rest, signals: values } : rest;
}

/** The deal's signal values that these definitions still declare (the others fall back to the baseline). */
function keptSignalValues(deal: Deal, signals: readonly Signal[] | undefined): Deal['signals'] {
  const kept = Object.entries(deal.signals ?? {}).filter(([id, value]) => signals?.some((s) => s.id === id && s.values.includes(value)));
  return Object.fromEntries(kept);
}
