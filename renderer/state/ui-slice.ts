import type { StateCreator } from 'zustand';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { AppState } from './store.ts';

/** A button a notice offers, e.g. "Undo" after a delete. */
export interface NoticeAction {
  label: string;
  run(): void;
  /**
   * For an action that undoes a step (Undo after a delete): the document that step made. Once the
   * step is undone another way (Ctrl+Z, the header's Undo) or another workspace opens, the notice goes:
   * its button would no longer do what it says.
   */
  undoes?: ForecastModel;
}

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
  action?: NoticeAction;
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
  { id: 'changes', label: 'What changed' },
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

/** At most this many notices stand at once, so they never push the dashboard off screen. */
export const MAX_NOTICES = 3;
/** How long a plain success notice stays before it fades (warnings and errors stay until dismissed). */
export const INFO_NOTICE_MS = 6_000;

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

/** The notices left once the step that made `document` is undone: an action that would undo it again goes. */
export function withoutUndoneStep(notices: Notice[], document: ForecastModel): Notice[] {
  const kept = notices.filter((n) => n.action?.undoes !== document);
  return kept.length === notices.length ? notices : kept;
}

/** The notices left when another workspace opens: none offers to undo a step of the one before. */
export function withoutStepActions(notices: Notice[]): Notice[] {
  const kept = notices.filter((n) => !n.action?.undoes);
  return kept.length === notices.length ? notices : kept;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  selectedQuarter: 0,
  dialog: null,
  view: 'forecast',
  fieldRequest: null,
  openDialog: (dialog) => set({ dialog }),
  showView: (view) => set({ view }),
  requestField: (request) => set({ view: request.view, fieldRequest: { ...request, serial: nextNoticeId++ } }),
  addNotice: (tone, text, action) => set((s) => ({ notices: withNotice(s.notices, { id: nextNoticeId++, tone, text, ...(action ? { action } : {}) }) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  selectQuarter: (selectedQuarter) => set({ selectedQuarter }),
});
