import { SNAPSHOT_FORMAT, type SnapshotStore } from './snapshot-types.ts';

type Loose = Record<string, unknown>;
const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const REASONS = new Set(['import', 'manual', 'weekly']);
const LISTS = ['open', 'won', 'lost'] as const;

/**
 * Why a workspace's snapshot history cannot be read, or null when it can. A hand-written check rather
 * than a schema: a history of 5,000 deals × 100 snapshots is checked in a few milliseconds this way.
 */
export function snapshotStoreProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'is not a snapshot history';
  if (value.format !== SNAPSHOT_FORMAT) return `has format ${String(value.format)}; this app reads format ${SNAPSHOT_FORMAT}`;
  if (typeof value.weekly !== 'boolean') return 'weekly must be true or false';
  const { entries, deals } = value;
  if (!Array.isArray(entries)) return 'needs the list of snapshots, "entries"';
  for (const [i, entry] of entries.entries()) {
    if (!isRecord(entry) || typeof entry.takenAt !== 'string' || typeof entry.asOf !== 'string' || !REASONS.has(String(entry.reason))) return `entries[${i}] needs takenAt, asOf and a reason (import, manual or weekly)`;
    if (entry.settings !== undefined && !isRecord(entry.settings)) return `entries[${i}].settings is not an object`;
    if (i === 0 && entry.settings === undefined) return 'entries[0] needs the model settings';
    if (entry.summary !== null && !(isRecord(entry.summary) && Array.isArray(entry.summary.quarters))) return `entries[${i}].summary is neither null nor a forecast summary`;
  }
  if (!isRecord(deals)) return 'needs the deals of each list';
  for (const list of LISTS) {
    const stored = deals[list];
    if (!isRecord(stored)) return `deals.${list} is not a list of deals by id`;
    for (const [id, changes] of Object.entries(stored)) {
      const problem = changesProblem(changes, entries.length);
      if (problem) return `deals.${list}["${id}"] ${problem}`;
    }
  }
  return null;
}

export const isSnapshotStore = (value: unknown): value is SnapshotStore => snapshotStoreProblem(value) === null;

/** Why a deal's changes cannot be read: each is [at], [at, record] or [at, set, unset], at ascending and an existing snapshot. */
function changesProblem(changes: unknown, snapshotCount: number): string | null {
  if (!Array.isArray(changes)) return 'has no list of changes';
  let last = -1;
  for (const change of changes as unknown[]) {
    if (!Array.isArray(change) || change.length < 1 || change.length > 3) return 'has a change that is not [at], [at, record] or [at, set, unset]';
    const [at, values, unset] = change as unknown[];
    if (typeof at !== 'number' || !Number.isInteger(at) || at <= last || at >= snapshotCount) return 'has a change at a snapshot that does not exist, or out of order';
    last = at;
    if (change.length >= 2 && !isRecord(values)) return 'has a change whose values are not an object';
    if (change.length === 3 && !(Array.isArray(unset) && unset.every((f) => typeof f === 'string'))) return 'has a change whose removed fields are not a list of names';
  }
  return null;
}
