import type { StateCreator } from 'zustand';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { AppState } from './store.ts';
import { withoutStepActions, withoutUndoneStep } from './ui-slice.ts';

export const UNDO_LIMIT = 50;

/** `failed`: the write failed and is retried; `conflict`: another window saved first, the user chooses. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface WorkspaceSlice {
  workspaceId: string | null;
  document: ForecastModel | null;
  /** The revision of the workspace file this document is based on (saves name it). */
  revision: number;
  saveState: SaveState;
  saveError: string | null;
  past: ForecastModel[];
  future: ForecastModel[];
  /** Shows a workspace just opened (no undo history; `unsaved` when it carries edits not yet on disk). */
  showWorkspace(id: string, document: ForecastModel, revision: number, unsaved?: boolean): void;
  /** A save went through: the file is now at `revision`. */
  saved(revision: number, document: ForecastModel): void;
  /** An undoable edit of the workspace. */
  edit(change: (document: ForecastModel) => ForecastModel): void;
  undo(): void;
  redo(): void;
  setSaveState(state: SaveState, error?: string | null): void;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  workspaceId: null,
  document: null,
  revision: 0,
  saveState: 'saved',
  saveError: null,
  past: [],
  future: [],
  showWorkspace: (workspaceId, document, revision, unsaved = false) =>
    set((state) => ({ workspaceId, document, revision, past: [], future: [], saveState: unsaved ? 'unsaved' : 'saved', saveError: null, notices: withoutStepActions(state.notices) })),
  // An edit made while saving leaves the state "unsaved" (its own save follows); only the revision moves on.
  saved: (revision, document) => set((state) => (state.document === document ? { revision, saveState: 'saved', saveError: null } : { revision })),
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
      // The step that made the document on screen is undone: a notice offering to undo it goes with it.
      return { document: previous, past: state.past.slice(0, -1), future: [state.document, ...state.future], saveState: 'unsaved', notices: withoutUndoneStep(state.notices, state.document) };
    }),
  redo: () =>
    set((state) => {
      const [next, ...rest] = state.future;
      if (!next || !state.document) return {};
      return { document: next, past: [...state.past, state.document], future: rest, saveState: 'unsaved' };
    }),
  setSaveState: (saveState, saveError = null) => set({ saveState, saveError }),
});
