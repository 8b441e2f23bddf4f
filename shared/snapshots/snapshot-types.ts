/**
 * Dated snapshots of a workspace's pipeline, kept in the workspace file (README, "Snapshots"). Compact:
 * each deal is stored once, with the changes of its record from one snapshot to the next; the model's
 * settings are stored again only when they change.
 */
export const SNAPSHOT_FORMAT = 1;

export type SnapshotReason = 'import' | 'manual' | 'weekly';

/** One quarter of a snapshot's forecast, for the forecast trail. */
export interface QuarterSummary {
  start: string;
  label: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  booked: number;
  target: number | null;
  pTarget: number | null;
}

export interface SnapshotSummary {
  trials: number;
  seed: number;
  quarters: QuarterSummary[];
}

/** The model's fields other than its deal lists: stages, new pipeline, targets, dates and settings. */
export type SnapshotSettings = Record<string, unknown>;

export interface SnapshotEntry {
  /** ISO timestamp of when it was taken. */
  takenAt: string;
  /** The pipeline's as-of date then. */
  asOf: string;
  reason: SnapshotReason;
  /** The model's settings; absent when they are those of the snapshot before. */
  settings?: SnapshotSettings;
  /** The forecast at that time; null when none had finished for exactly that model. */
  summary: SnapshotSummary | null;
}

/** A deal's record as the model holds it (name, amount, stage, dates, CRM fields), without its id (the key it is stored under). */
export type DealRecord = Record<string, unknown>;

/**
 * One change of a stored deal, at snapshot number `at`, as a short list (the history is mostly these):
 * `[at, record]` it appears with its whole record; `[at, set, unset]` these fields change (set to new
 * values, or removed); `[at]` it is no longer in its list.
 */
export type StoredChange = [at: number, record: DealRecord] | [at: number, set: DealRecord, unset: string[]] | [at: number];

/** Which of the model's lists a stored deal is in: open deals, closed won (booked) or closed lost. */
export type DealList = 'open' | 'won' | 'lost';
export const DEAL_LISTS: readonly DealList[] = ['open', 'won', 'lost'];

export interface SnapshotStore {
  format: typeof SNAPSHOT_FORMAT;
  /** False when the user turned the automatic weekly snapshot off. */
  weekly: boolean;
  entries: SnapshotEntry[];
  /** Per list, deal id → that deal's changes in snapshot order; each deal is stored once per list. */
  deals: Record<DealList, Record<string, StoredChange[]>>;
}

export const emptySnapshotStore = (): SnapshotStore => ({ format: SNAPSHOT_FORMAT, weekly: true, entries: [], deals: { open: {}, won: {}, lost: {} } });
