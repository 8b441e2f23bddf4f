import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice.ts';
import { createCalibrationSlice, type CalibrationSlice } from './calibration-slice.ts';
import { createRunSlice, type RunSlice } from './run-slice.ts';
import { createSnapshotSlice, type SnapshotSlice } from './snapshot-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type AppState = WorkspaceSlice & RunSlice & UiSlice & AnalysisSlice & CalibrationSlice & SnapshotSlice;

/** The one store, built from slices. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createWorkspaceSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
  ...createAnalysisSlice(...a),
  ...createCalibrationSlice(...a),
  ...createSnapshotSlice(...a),
}));

/** Select several values at once without re-rendering on every store change. */
export const useAppShallow = <T>(selector: (state: AppState) => T): T => useAppStore(useShallow(selector));

const initialState = useAppStore.getState();
/** Back to a fresh store (tests). */
export const resetAppStore = () => useAppStore.setState(initialState, true);
