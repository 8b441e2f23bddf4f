import { create } from 'zustand';
import type { Backtest } from '../../shared/history/backtest.ts';
import type { History } from '../../shared/history/history-types.ts';
import type { Result } from '../../shared/result.ts';
import type { Progress } from '../state/analysis-store.ts';

/**
 * The closed-deal history in use and the last backtest. Kept while the app is open: the history is
 * the user's CRM export, re-imported when needed; only accepted stage values go into the workspace.
 */
export interface CalibrationState {
  history: { history: History; fileName: string; crmMapping: Record<string, string> } | null;
  backtest: { value: Result<Backtest>; document: unknown } | null;
  backtestProgress: Progress | null;
  set(patch: Partial<Omit<CalibrationState, 'set'>>): void;
}

export const useCalibrationStore = create<CalibrationState>()((set) => ({
  history: null,
  backtest: null,
  backtestProgress: null,
  set: (patch) => set(patch),
}));
