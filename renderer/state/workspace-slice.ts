import type { StateCreator } from 'zustand';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { AppState } from './store.ts';

export const UNDO_LIMIT = 50;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface WorkspaceSlice {
  workspaceId: string | null;
  document: ForecastModel | null;
  saveState: SaveState;
  saveError: string | null;
  past: ForecastModel[];
  future: ForecastModel[];
  /** Shows a workspace just opened (no undo history, nothing to save). */
  showWorkspace(id: string, document: ForecastModel): void;
  /** An undoable edit of the workspace. */
  edit(change: (document: ForecastModel) => ForecastModel): void;
  undo(): void;
  redo(): void;
  setSaveState(state: SaveState, error?: string | null): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  workspaceId: null,
  document: null,
  saveState: 'saved',
  saveError: null,
  past: [],
  future: [],
  showWorkspace: (workspaceId, document) => set({ workspaceId, document, past: [], future: [], saveState: 'saved', saveError: null }),
  edit: (change) =>
    set((state) => {
      if (!state.document) return {};
      const next = change(state.document);
      if (next === state.document) return {};
      return { document: next, past: [...state.past, state.document].slice(-UNDO_LIMIT), future: [], saveState: 'unsaved' };
    }),
  undo: () =>
    set((state) => {
      const previous = state.past[state.past.length - 1];
      if (!previous || !state.document) return {};
      return { document: previous, past: state.past.slice(0, -1), future: [state.document, ...state.future], saveState: 'unsaved' };
    }),
  redo: () =>
    set((state) => {
      const [next, ...rest] = state.future;
      if (!next || !state.document) return {};
      return { document: next, past: [...state.past, state.document], future: rest, saveState: 'unsaved' };
    }),
  setSaveState: (saveState, saveError = null) => set({ saveState, saveError }),
});
