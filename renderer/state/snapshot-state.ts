import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { WhatChanged } from '../../shared/analysis/what-changed.ts';
import type { Result } from '../../shared/result.ts';
import { emptySnapshotStore, type SnapshotReason, type SnapshotStore } from '../../shared/snapshots/snapshot-types.ts';

/** "now" (the workspace as it is) or a snapshot's index. */
export type ComparedSide = 'now' | number;

/**
 * The open workspace's snapshot history, kept beside the document rather than in it: the forecast,
 * undo and validation never carry it, and the session writes it into the workspace file on save.
 */
export interface SnapshotState {
  snapshots: SnapshotStore;
  /** A snapshot asked for, taken when the forecast of the model on screen has finished. */
  pending: SnapshotReason | null;
  /** The comparison chosen in the What changed view (null: the default, see the view). */
  before: ComparedSide | null;
  after: ComparedSide;
  /** The last comparison, with what it was computed from (so the view can tell it is out of date). */
  comparison: { value: Result<WhatChanged>; key: string; document: unknown } | null;
  set(patch: Partial<Omit<SnapshotState, 'set'>>): void;
}

export const useSnapshotStore = create<SnapshotState>()((set) => ({
  snapshots: emptySnapshotStore(),
  pending: null,
  before: null,
  after: 'now',
  comparison: null,
  set: (patch) => set(patch),
}));

export const useSnapshotShallow = <T>(selector: (state: SnapshotState) => T): T => useSnapshotStore(useShallow(selector));
