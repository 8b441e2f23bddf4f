import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createCalibrationSlice, type CalibrationSlice } from './calibration-slice.ts';
import { createRunSlice, type RunSlice } from './run-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type AppState = WorkspaceSlice & RunSlice & UiSlice & CalibrationSlice;

/** The one store, built from slices. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createWorkspaceSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
  ...createCalibrationSlice(...a),
}));

/** Select several values at once without re-rendering on every store change. */
export const useAppShallow = <T>(selector: (state: AppState) => T): T => useAppStore(useShallow(selector));

const initialState = useAppStore.getState();
/** Back to a fresh store (tests). */
export const resetAppStore = () => useAppStore.setState(initialState, true);
