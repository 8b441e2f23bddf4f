import type { ForecastResult } from '../engine/result-types.ts';
import type { ForecastModel } from '../model/schema.ts';
import { DEAL_LISTS, type DealList, type DealRecord, type SnapshotEntry, type SnapshotReason, type SnapshotSettings, type SnapshotStore, type SnapshotSummary, type StoredChange } from './snapshot-types.ts';

/** The model fields that are not kept in snapshots: the deal lists (stored per deal), and what is not the pipeline. */
const NOT_SETTINGS = new Set(['deals', 'closedWon', 'closedLost', 'scenarios', 'calibration', 'snapshots', 'name', 'revision', 'crmStageMapping']);

/** Equal values; fields are mostly text and numbers, compared directly, and the rest through their JSON. */
const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

function settingsOf(model: ForecastModel): SnapshotSettings {
  return Object.fromEntries(Object.entries(model).filter(([key]) => !NOT_SETTINGS.has(key)));
}

function listOf(model: ForecastModel, list: DealList): readonly DealRecord[] {
  if (list === 'open') return model.deals;
  return (list === 'won' ? model.closedWon : model.closedLost) ?? [];
}

/** Applies one change to a deal's record (null: not in the list). */
function applyChange(state: DealRecord | null, change: StoredChange): DealRecord | null {
  if (change.length === 1) return null;
  if (change.length === 2) return change[1];
  const next: DealRecord = { ...(state ?? {}), ...change[1] };
  for (const field of change[2]) delete next[field];
  return next;
}

/** The change that turns `before` into `after` (records without their id), or null when they are the same. */
function changeBetween(at: number, before: DealRecord | null, after: DealRecord | null): StoredChange | null {
  if (after === null) return before === null ? null : [at];
  if (before === null) return [at, after];
  let set: DealRecord | null = null;
  for (const field in after) {
    if (same(before[field], after[field])) continue;
    set ??= {};
    set[field] = after[field];
  }
  const unset = Object.keys(before).filter((field) => !(field in after));
  if (set === null && unset.length === 0) return null;
  return [at, set ?? {}, unset];
}

/** A deal's record (without its id) at snapshot `index`, or null when it was not in its list then. */
export function recordAt(changes: readonly StoredChange[], index: number): DealRecord | null {
  let state: DealRecord | null = null;
  for (const change of changes) {
    if (change[0] > index) break;
    state = applyChange(state, change);
  }
  return state;
}

/** The settings in force at snapshot `index`: its own, or those of the last snapshot before that had them. */
function settingsAt(store: SnapshotStore, index: number): SnapshotSettings {
  for (let i = index; i >= 0; i--) {
    const settings = store.entries[i]?.settings;
    if (settings) return settings;
  }
  return {};
}

const withoutId = (record: DealRecord): DealRecord => {
  const { id: _id, ...rest } = record;
  return rest;
};

/**
 * The model as it was at snapshot `index`, rebuilt from the stored settings and deals, in the order the
 * deals were first stored. The cast is the document's own shape coming back: addSnapshot took every
 * field from a validated model and gives it back unchanged.
 */
export function modelAt(store: SnapshotStore, index: number): ForecastModel {
  const lists: Record<DealList, DealRecord[]> = { open: [], won: [], lost: [] };
  for (const list of DEAL_LISTS) {
    for (const [id, changes] of Object.entries(store.deals[list])) {
      const record = recordAt(changes, index);
      if (record) lists[list].push({ id, ...record });
    }
  }
  const model: Record<string, unknown> = { ...settingsAt(store, index), deals: lists.open };
  if (lists.won.length > 0) model.closedWon = lists.won;
  if (lists.lost.length > 0) model.closedLost = lists.lost;
  return model as unknown as ForecastModel;
}

/** What a snapshot keeps of a forecast: per quarter, the percentiles, mean and chance of the target. */
export function snapshotSummary(result: ForecastResult): SnapshotSummary {
  return {
    trials: result.meta.trials,
    seed: result.meta.seed,
    quarters: result.quarters.map((q) => ({ start: q.start, label: q.label, mean: q.mean, p10: q.p10, p50: q.p50, p90: q.p90, booked: q.booked, target: q.target, pTarget: q.pTarget })),
  };
}

/** The store with one more snapshot of `model` (a new object; the store passed in is not changed). */
export function addSnapshot(store: SnapshotStore, model: ForecastModel, summary: SnapshotSummary | null, takenAt: string, reason: SnapshotReason): SnapshotStore {
  const at = store.entries.length;
  const settings = settingsOf(model);
  const entry: SnapshotEntry = { takenAt, asOf: model.asOf, reason, summary };
  if (at === 0 || JSON.stringify(settingsAt(store, at - 1)) !== JSON.stringify(settings)) entry.settings = settings;

  const deals = { open: { ...store.deals.open }, won: { ...store.deals.won }, lost: { ...store.deals.lost } };
  for (const list of DEAL_LISTS) {
    const stored = deals[list];
    const present = new Set<string>();
    for (const record of listOf(model, list)) {
      const id = String(record.id);
      if (present.has(id)) continue;
      present.add(id);
      const changes = Object.hasOwn(stored, id) ? stored[id] : undefined;
      const change = changeBetween(at, changes ? recordAt(changes, at - 1) : null, withoutId(record));
      if (change) Object.defineProperty(stored, id, { value: [...(changes ?? []), change], enumerable: true, writable: true, configurable: true });
    }
    for (const [id, changes] of Object.entries(stored)) {
      if (present.has(id) || changes.at(-1)?.length === 1) continue;
      stored[id] = [...changes, [at]];
    }
  }
  return { ...store, entries: [...store.entries, entry], deals };
}

/**
 * Keeps only the snapshots at `kept` (ascending indexes), re-encoding each deal's changes between the
 * kept ones, so every kept snapshot rebuilds exactly as before.
 */
export function keepSnapshots(store: SnapshotStore, kept: readonly number[]): SnapshotStore {
  const entries = kept.map((i, n) => {
    const { settings: _own, ...entry } = store.entries[i] as SnapshotEntry;
    const settings = settingsAt(store, i);
    const previous = n > 0 ? settingsAt(store, kept[n - 1] as number) : null;
    return previous !== null && JSON.stringify(previous) === JSON.stringify(settings) ? entry : { ...entry, settings };
  });
  const deals: SnapshotStore['deals'] = { open: {}, won: {}, lost: {} };
  for (const list of DEAL_LISTS) {
    const stillKept: [string, StoredChange[]][] = [];
    for (const [id, stored] of Object.entries(store.deals[list])) {
      const changes: StoredChange[] = [];
      let previous: DealRecord | null = null;
      kept.forEach((i, n) => {
        const state = recordAt(stored, i);
        const change = changeBetween(n, previous, state);
        if (change) changes.push(change);
        previous = state;
      });
      if (changes.length > 0) stillKept.push([id, changes]);
    }
    deals[list] = Object.fromEntries(stillKept);
  }
  return { ...store, entries, deals };
}

/** Snapshots taken more than this many days before now are thinned to one a month. */
export const THIN_AFTER_DAYS = 731;

/**
 * Thins snapshots taken more than two years before `now` to the last one of each calendar month
 * (by `takenAt`); newer ones are all kept. Returns the store itself when nothing is dropped.
 */
export function thinSnapshots(store: SnapshotStore, now: Date): SnapshotStore {
  const cutoff = new Date(now.getTime() - THIN_AFTER_DAYS * 86_400_000).toISOString();
  const kept: number[] = [];
  store.entries.forEach((entry, i) => {
    const next = store.entries[i + 1];
    const old = entry.takenAt < cutoff;
    const lastOfMonth = !next || next.takenAt.slice(0, 7) !== entry.takenAt.slice(0, 7) || next.takenAt >= cutoff;
    if (!old || lastOfMonth) kept.push(i);
  });
  return kept.length === store.entries.length ? store : keepSnapshots(store, kept);
}
