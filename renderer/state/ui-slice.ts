import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export type AppDialog = 'importCsv' | 'export' | 'workspaces' | 'newWorkspace';

export const VIEWS = [
  { id: 'forecast', label: 'Forecast' },
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'model', label: 'Stage model' },
  { id: 'settings', label: 'Calendar and targets' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'target', label: 'Making the number' },
  { id: 'calibrate', label: 'Calibrate' },
] as const;
export type View = (typeof VIEWS)[number]['id'];

/** A request to show a field and put the cursor in it (from a click on a problem). */
export interface FieldRequest {
  view: View;
  /** The field's accessible label, e.g. "Acme Corp amount". */
  label: string;
  /** For a deal's field: the deal, so its row is scrolled into view first. */
  dealId?: string;
  /** Distinguishes two requests for the same field. */
  serial: number;
}

export interface UiSlice {
  notices: Notice[];
  selectedQuarter: number;
  /** The modal dialog that is open, if any. */
  dialog: AppDialog | null;
  view: View;
  fieldRequest: FieldRequest | null;
  openDialog(dialog: AppDialog | null): void;
  showView(view: View): void;
  requestField(request: Omit<FieldRequest, 'serial'>): void;
  addNotice(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
  selectQuarter(index: number): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  selectedQuarter: 0,
  dialog: null,
  view: 'forecast',
  fieldRequest: null,
  openDialog: (dialog) => set({ dialog }),
  showView: (view) => set({ view }),
  requestField: (request) => set({ view: request.view, fieldRequest: { ...request, serial: nextNoticeId++ } }),
  addNotice: (tone, text) => set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, tone, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  selectQuarter: (selectedQuarter) => set({ selectedQuarter }),
});
