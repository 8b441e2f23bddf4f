import type { ForecastModel } from '../model/schema.ts';
import type { QuarterSummary, SnapshotStore } from './snapshot-types.ts';

export interface TrailEntry {
  /** The as-of date of the forecast. */
  asOf: string;
  takenAt: string | null;
  quarter: QuarterSummary;
}

export interface ForecastTrail {
  start: string;
  label: string;
  entries: TrailEntry[];
  /** The quarter's actual bookings once it is over (null while it is not). */
  actual: number | null;
  target: number | null;
}

/** The quarters any snapshot (or the current forecast) forecast, by first day, in date order. */
export function trailQuarters(store: SnapshotStore, current: readonly QuarterSummary[]): { start: string; label: string }[] {
  const byStart = new Map<string, string>();
  for (const entry of store.entries) for (const q of entry.summary?.quarters ?? []) byStart.set(q.start, q.label);
  for (const q of current) byStart.set(q.start, q.label);
  return [...byStart.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([start, label]) => ({ start, label }));
}

/**
 * The forecast of the quarter starting on `start` at each snapshot that forecast it, then now; and its
 * actual bookings once the quarter is over: what the workspace has booked in it (closed-won deals
 * from a later import, or entered by hand), else the most any later snapshot had booked in it.
 */
export function forecastTrail(store: SnapshotStore, start: string, model: ForecastModel, current: readonly QuarterSummary[]): ForecastTrail {
  const entries: TrailEntry[] = [];
  for (const entry of store.entries) {
    const quarter = entry.summary?.quarters.find((q) => q.start === start);
    if (quarter) entries.push({ asOf: entry.asOf, takenAt: entry.takenAt, quarter });
  }
  const now = current.find((q) => q.start === start);
  if (now) entries.push({ asOf: model.asOf, takenAt: null, quarter: now });
  const known = entries.at(-1)?.quarter ?? null;
  const end = known?.start === start ? endOf(store, start, current) : null;
  const over = end !== null && end < model.asOf;
  let actual: number | null = null;
  if (over) {
    const booked = (model.closedWon ?? []).filter((d) => d.closedOn >= start && d.closedOn <= (end ?? '')).reduce((sum, d) => sum + d.amount, 0);
    const snapshotBooked = Math.max(0, ...store.entries.filter((e) => e.asOf > (end ?? '')).flatMap((e) => e.summary?.quarters.filter((q) => q.start === start).map((q) => q.booked) ?? []));
    actual = booked > 0 ? booked : snapshotBooked;
  }
  return { start, label: known?.label ?? start, entries, actual, target: known?.target ?? model.targets?.[start] ?? null };
}

/** The last day of the quarter starting on `start`: the day before the next quarter any forecast knows, else three months on. */
function endOf(store: SnapshotStore, start: string, current: readonly QuarterSummary[]): string {
  const starts = trailQuarters(store, current).map((q) => q.start);
  const next = starts.find((s) => s > start);
  const date = new Date(`${next ?? threeMonthsAfter(start)}T00:00:00Z`);
  return new Date(date.getTime() - 86_400_000).toISOString().slice(0, 10);
}

function threeMonthsAfter(start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 3);
  return date.toISOString().slice(0, 10);
}
