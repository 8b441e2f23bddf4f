import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Problem } from '../../shared/result.ts';

export type ToForecastWorker = { type: 'run'; runId: number; model: unknown; trials: number; seed: number } | { type: 'cancel'; runId: number };

export type FromForecastWorker =
  | { type: 'progress'; runId: number; result: ForecastResult; charts: ChartData; trialsDone: number; trialsTotal: number }
  | { type: 'done'; runId: number; result: ForecastResult; charts: ChartData }
  | { type: 'invalid'; runId: number; problems: Problem[] };
