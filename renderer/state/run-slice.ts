import type { StateCreator } from 'zustand';
import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Problem } from '../../shared/result.ts';
import type { AppState } from './store.ts';
import { DEFAULT_SIMULATION } from '../../shared/model/simulation-settings.ts';


export interface RunSlice {
  result: ForecastResult | null;
  charts: ChartData | null;
  /** True while the shown result belongs to an earlier version of the model. */
  stale: boolean;
  progress: { done: number; total: number } | null;
  problems: Problem[];
  /** The open workspace's trials and seed (see simulationOf), kept here for the analyses that share them. */
  trials: number;
  seed: number;
  runStarted(): void;
  runProgress(result: ForecastResult, charts: ChartData, done: number, total: number): void;
  runDone(result: ForecastResult, charts: ChartData): void;
  runInvalid(problems: Problem[]): void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  result: null,
  charts: null,
  stale: false,
  progress: null,
  problems: [],
  trials: DEFAULT_SIMULATION.trials,
  seed: DEFAULT_SIMULATION.seed,
  runStarted: () => set((s) => ({ stale: s.result !== null, progress: { done: 0, total: s.trials }, problems: [] })),
  runProgress: (result, charts, done, total) => set({ result, charts, stale: false, progress: { done, total } }),
  runDone: (result, charts) => set({ result, charts, stale: false, progress: null }),
  // The last good result stays on screen, marked stale, next to the problems.
  runInvalid: (problems) => set({ problems, stale: true, progress: null }),
});
