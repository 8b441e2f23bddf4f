import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export type AppDialog = 'importCsv' | 'export';

export interface UiSlice {
  notices: Notice[];
  selectedQuarter: number;
  /** The modal dialog that is open, if any. */
  dialog: AppDialog | null;
  openDialog(dialog: AppDialog | null): void;
  addNotice(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
  selectQuarter(index: number): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  selectedQuarter: 0,
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  addNotice: (tone, text) => set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, tone, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  selectQuarter: (selectedQuarter) => set({ selectedQuarter }),
});
