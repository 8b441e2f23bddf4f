import type { SnapshotStore } from './snapshot-types.ts';

const DAY_MS = 86_400_000;

/** The first moment (UTC) of the week, Monday to Sunday, that contains `when`. */
export function weekStart(when: Date): Date {
  const day = Math.floor(when.getTime() / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  return new Date((day - ((day + 3) % 7)) * DAY_MS);
}

/** True when the automatic weekly snapshot is on and none was taken yet this week (the first change of a week takes it). */
export function weeklySnapshotDue(store: SnapshotStore | undefined, now: Date): boolean {
  if (store && !store.weekly) return false;
  const latest = store?.entries.at(-1);
  return !latest || latest.takenAt < weekStart(now).toISOString();
}

/** The index of the latest snapshot taken at least `days` days before `now` (the default "before" of a comparison), or null. */
export function snapshotDaysBefore(store: SnapshotStore | undefined, now: Date, days: number): number | null {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const entries = store?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if ((entries[i]?.takenAt ?? '') <= cutoff) return i;
  return null;
}
