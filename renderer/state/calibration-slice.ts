import type { StateCreator } from 'zustand';
import { applyFit, DEFAULT_PRIOR_SAMPLE_SIZE, MIN_PRIOR_SAMPLE_SIZE, type HistoryFit } from '../../shared/history/fit-history.ts';
import { LOST, WON, type History } from '../../shared/history/history-types.ts';
import { keepHistory } from '../../shared/history/kept-history.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { AppState } from './store.ts';
import { count } from '../../shared/format/numbers.ts';

export interface LoadedHistory {
  history: History;
  fileName: string;
  /** CRM stage → model stage, WON, LOST or "" (shared with the pipeline import once a fit is accepted). */
  crmMapping: Record<string, string>;
}

/** The fit's filters as typed (amounts stay text until they are numbers). */
export interface FitFilterInputs {
  windowQuarters: number | null;
  minAmount: string;
  maxAmount: string;
  owner: string | null;
  region: string | null;
}

export type FitChoices = Record<string, { conversion: boolean; duration: boolean }>;

/**
 * Calibration: the history in use, the prior, filters, choices and how far the backtest looks back. Kept in the store, so
 * leaving the Calibrate tab and coming back changes nothing; the history belongs to one workspace.
 */
export interface CalibrationState {
  workspaceId: string | null;
  loaded: LoadedHistory | null;
  /** The conversion rates before this history (the prior means): fixed when the history is first used. */
  priorMeans: Record<string, number>;
  priorWeight: number;
  halfLifeQuarters: number | null;
  filters: FitFilterInputs;
  choices: FitChoices;
  chartStage: string | null;
  backtestQuarters: number;
}

export const NO_FILTER_INPUTS: FitFilterInputs = { windowQuarters: null, minAmount: '', maxAmount: '', owner: null, region: null };

const initialCalibration: CalibrationState = {
  workspaceId: null,
  loaded: null,
  priorMeans: {},
  priorWeight: DEFAULT_PRIOR_SAMPLE_SIZE,
  halfLifeQuarters: null,
  filters: NO_FILTER_INPUTS,
  choices: {},
  chartStage: null,
  backtestQuarters: 6,
};

export interface CalibrationSlice {
  calibration: CalibrationState;
  /**
   * Uses a history for this workspace. The prior means are the workspace's pre-history rates (kept with
   * it once a fit was accepted), else its current rates, so an accepted fit is never counted twice.
   */
  loadHistory(loaded: LoadedHistory, model: ForecastModel, workspaceId: string | null): void;
  forgetHistory(): void;
  setPriorWeight(deals: number): void;
  setHalfLife(quarters: number | null): void;
  setFitFilters(patch: Partial<FitFilterInputs>): void;
  setFitChoices(choices: FitChoices): void;
  showStageChart(stageId: string): void;
  setBacktestQuarters(quarters: number): void;
  /**
   * Applies the chosen fitted values as one undoable edit, keeping the prior and weighting with the
   * workspace (a later fit starts from the same prior) and the open stages' CRM mapping (shared with the
   * pipeline import).
   */
  acceptFit(fit: HistoryFit): void;
  /** Keeps the history in use with the workspace (saved with it), or drops it from the workspace. */
  keepHistoryWithWorkspace(keep: boolean): void;
}

/** How many values accepting the fit changes: each chosen conversion, and each chosen duration the fit proposes. */
export function chosenFitValues(fit: HistoryFit, choices: FitChoices): number {
  return fit.stages.reduce((n, s) => n + (fitChoice(choices, s.stageId).conversion ? 1 : 0) + (fitChoice(choices, s.stageId).duration && s.duration.proposed ? 1 : 0), 0);
}

/** A stage's choice: both fitted values are taken unless the user unticked them. */
export const fitChoice = (choices: FitChoices, stageId: string) => choices[stageId] ?? { conversion: true, duration: true };

export const createCalibrationSlice: StateCreator<AppState, [], [], CalibrationSlice> = (set, get) => {
  const patch = (change: Partial<CalibrationState>) => set((s) => ({ calibration: { ...s.calibration, ...change } }));
  return {
    calibration: initialCalibration,
    loadHistory: (loaded, model, workspaceId) => {
      // A backtest answers the history it replayed; a new history starts without one.
      get().forgetAnalysis('backtest');
      set((s) => {
        const sameWorkspace = s.calibration.workspaceId === workspaceId && s.calibration.loaded !== null;
        const kept = model.calibration;
        return {
          calibration: {
            ...(sameWorkspace ? s.calibration : initialCalibration),
            workspaceId,
            loaded,
            priorMeans: sameWorkspace ? s.calibration.priorMeans : (kept?.priorMeans ?? Object.fromEntries(model.stages.map((st) => [st.id, st.conversion]))),
            ...(sameWorkspace ? {} : { priorWeight: kept?.priorWeight ?? DEFAULT_PRIOR_SAMPLE_SIZE, halfLifeQuarters: kept?.halfLifeQuarters ?? null }),
            choices: Object.fromEntries(model.stages.map((st) => [st.id, { conversion: true, duration: true }])),
          },
        };
      });
    },
    forgetHistory: () => {
      get().forgetAnalysis('backtest');
      set({ calibration: initialCalibration });
    },
    setPriorWeight: (priorWeight) => patch({ priorWeight }),
    setHalfLife: (halfLifeQuarters) => patch({ halfLifeQuarters }),
    setFitFilters: (change) => set((s) => ({ calibration: { ...s.calibration, filters: { ...s.calibration.filters, ...change } } })),
    setFitChoices: (choices) => patch({ choices }),
    showStageChart: (chartStage) => patch({ chartStage }),
    setBacktestQuarters: (backtestQuarters) => patch({ backtestQuarters }),
    acceptFit: (fit) => {
      const { loaded, choices, priorWeight, priorMeans, halfLifeQuarters } = get().calibration;
      if (!loaded) return;
      const chosen = chosenFitValues(fit, choices);
      get().edit((m) => {
        const next = applyFit(m, fit, choices);
        const open = Object.fromEntries(Object.entries(loaded.crmMapping).filter(([, v]) => v !== WON && v !== LOST && v !== '' && m.stages.some((s) => s.id === v)));
        const { halfLifeQuarters: _previous, ...calibration } = m.calibration ?? {};
        return {
          ...next,
          calibration: { ...calibration, priorWeight: Math.max(MIN_PRIOR_SAMPLE_SIZE, priorWeight), priorMeans, ...(halfLifeQuarters !== null ? { halfLifeQuarters } : {}) },
          ...(Object.keys(open).length > 0 ? { crmStageMapping: { ...(m.crmStageMapping ?? {}), ...open } } : {}),
        };
      });
      get().addNotice('info', `Accepted ${count(chosen, 'fitted value')} from ${loaded.fileName}. Undo brings the previous stage model back.`);
    },
    keepHistoryWithWorkspace: (keep) => {
      const { loaded, priorMeans } = get().calibration;
      if (!loaded) return;
      get().edit((m) => {
        const { history: _dropped, ...rest } = m.calibration ?? {};
        return { ...m, calibration: keep ? { ...rest, priorMeans, history: keepHistory(loaded.history, loaded.fileName) } : rest };
      });
    },
  };
};
