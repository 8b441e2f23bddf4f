import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

/** A button a notice offers, e.g. "Undo" after a delete. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
  action?: NoticeAction;
}

export type AppDialog = 'importCsv' | 'export';

/** At most this many notices stand at once, so they never push the dashboard off screen. */
export const MAX_NOTICES = 3;
/** How long a plain success notice stays before it fades (warnings and errors stay until dismissed). */
export const INFO_NOTICE_MS = 6_000;

export interface UiSlice {
  notices: Notice[];
  selectedQuarter: number;
  /** The modal dialog that is open, if any. */
  dialog: AppDialog | null;
  openDialog(dialog: AppDialog | null): void;
  addNotice(tone: Notice['tone'], text: string, action?: NoticeAction): void;
  dismissNotice(id: number): void;
  selectQuarter(index: number): void;
}

let nextNoticeId = 1;

/**
 * Adds a notice and keeps at most MAX_NOTICES: the oldest success notices go first, then the oldest
 * warnings, and the oldest errors only when nothing else is left to drop.
 */
export function withNotice(notices: readonly Notice[], notice: Notice): Notice[] {
  const next = [...notices, notice];
  for (const tone of ['info', 'warning', 'error'] as const) {
    while (next.length > MAX_NOTICES) {
      const oldest = next.findIndex((n) => n.tone === tone);
      if (oldest < 0 || next[oldest] === notice) break;
      next.splice(oldest, 1);
    }
  }
  return next.length > MAX_NOTICES ? next.slice(-MAX_NOTICES) : next;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  selectedQuarter: 0,
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  addNotice: (tone, text, action) => set((s) => ({ notices: withNotice(s.notices, { id: nextNoticeId++, tone, text, ...(action ? { action } : {}) }) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  selectQuarter: (selectedQuarter) => set({ selectedQuarter }),
});
