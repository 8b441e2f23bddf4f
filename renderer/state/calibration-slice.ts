import type { StateCreator } from 'zustand';
import type { HalfLifeComparison } from '../../shared/history/backtest.ts';
import { DEFAULT_PRIOR_SAMPLE_SIZE } from '../../shared/history/fit-history.ts';
import type { History } from '../../shared/history/history-types.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { Result } from '../../shared/result.ts';
import type { Progress } from './analysis-store.ts';
import type { AppState } from './store.ts';

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
 * Calibration: the history in use, the prior, filters, choices and the backtest. Kept in the store, so
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
  backtest: { value: Result<HalfLifeComparison>; document: unknown } | null;
  backtestProgress: Progress | null;
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
  backtest: null,
  backtestProgress: null,
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
  backtestStarted(total: number): void;
  backtestProgressed(done: number, total: number): void;
  backtestFinished(value: Result<HalfLifeComparison>, document: unknown): void;
  backtestCancelled(): void;
}

export const createCalibrationSlice: StateCreator<AppState, [], [], CalibrationSlice> = (set) => {
  const patch = (change: Partial<CalibrationState>) => set((s) => ({ calibration: { ...s.calibration, ...change } }));
  return {
    calibration: initialCalibration,
    loadHistory: (loaded, model, workspaceId) =>
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
            backtest: null,
            backtestProgress: null,
          },
        };
      }),
    forgetHistory: () => set({ calibration: initialCalibration }),
    setPriorWeight: (priorWeight) => patch({ priorWeight }),
    setHalfLife: (halfLifeQuarters) => patch({ halfLifeQuarters }),
    setFitFilters: (change) => set((s) => ({ calibration: { ...s.calibration, filters: { ...s.calibration.filters, ...change } } })),
    setFitChoices: (choices) => patch({ choices }),
    showStageChart: (chartStage) => patch({ chartStage }),
    setBacktestQuarters: (backtestQuarters) => patch({ backtestQuarters }),
    backtestStarted: (total) => patch({ backtestProgress: { done: 0, total } }),
    backtestProgressed: (done, total) => patch({ backtestProgress: { done, total } }),
    backtestFinished: (value, document) => patch({ backtest: { value, document }, backtestProgress: null }),
    backtestCancelled: () => patch({ backtestProgress: null }),
  };
};
