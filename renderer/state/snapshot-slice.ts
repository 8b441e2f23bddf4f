import type { StateCreator } from 'zustand';
import type { WhatChanged } from '../../shared/analysis/what-changed.ts';
import type { Result } from '../../shared/result.ts';
import { emptySnapshotStore, type SnapshotReason, type SnapshotStore } from '../../shared/snapshots/snapshot-types.ts';
import type { AppState } from './store.ts';

/** "now" (the workspace as it is) or a snapshot's index. */
export type ComparedSide = 'now' | number;

/** The open workspace's snapshot history and the What changed view's choices. */
export interface SnapshotView {
  snapshots: SnapshotStore;
  /** A snapshot asked for, taken when the forecast of the model on screen has finished. */
  pending: SnapshotReason | null;
  /** The comparison chosen in the What changed view (null: the default, see the view). */
  before: ComparedSide | null;
  after: ComparedSide;
  /** The last comparison, with what it was computed from (so the view can tell it is out of date). */
  comparison: { value: Result<WhatChanged>; key: string; document: unknown } | null;
}

/**
 * The snapshot history is kept beside the document rather than in it: the forecast, undo and
 * validation never carry it, and the session writes it into the workspace file on save.
 */
export interface SnapshotSlice {
  snapshotView: SnapshotView;
  /** Changes the history or the view's choices; a new history is saved with the workspace. */
  updateSnapshotView(patch: Partial<SnapshotView>): void;
  /** Shows the history of a workspace just opened (not a change to save). */
  showSnapshots(snapshots: SnapshotStore | undefined): void;
}

export const createSnapshotSlice: StateCreator<AppState, [], [], SnapshotSlice> = (set) => ({
  snapshotView: { snapshots: emptySnapshotStore(), pending: null, before: null, after: 'now', comparison: null },
  updateSnapshotView: (patch) => set((s) => ({ snapshotView: { ...s.snapshotView, ...patch } })),
  showSnapshots: (snapshots) => set({ snapshotView: { snapshots: snapshots ?? emptySnapshotStore(), pending: null, before: null, after: 'now', comparison: null } }),
});
