import type { ScenarioRun } from '../../shared/analysis/compare.ts';
import type { Sensitivity, SensitivityMetric } from '../../shared/analysis/sensitivity.ts';
import type { DealContribution, PipelineNeeded } from '../../shared/analysis/target-gap.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { Result } from '../../shared/result.ts';
import type { HalfLifeComparison } from '../../shared/history/backtest.ts';
import type { History } from '../../shared/history/history-types.ts';
import type { SignalChange } from '../../shared/signals/signal-changes.ts';
import type { WhatChanged } from '../../shared/analysis/what-changed.ts';

interface RunSettings {
  trials: number;
  seed: number;
}

/** The analyses that run in their own worker, each a series of complete forecast runs. */
export type AnalysisJob =
  | ({ kind: 'compare'; model: ForecastModel; ids: string[] } & RunSettings)
  | ({ kind: 'sensitivity'; model: ForecastModel; quarter: number; metric: SensitivityMetric; step: number } & RunSettings)
  | ({ kind: 'pipelineNeeded'; model: ForecastModel; quarter: number; stageId: string; confidence: number } & RunSettings)
  | ({ kind: 'contributions'; model: ForecastModel; quarter: number; dealIds: string[] } & RunSettings)
  | ({ kind: 'backtest'; model: ForecastModel; history: History; quarters: number } & RunSettings)
  | ({ kind: 'signalChanges'; model: ForecastModel; quarter: number } & RunSettings)
  | ({ kind: 'whatChanged'; before: ForecastModel; after: ForecastModel } & RunSettings);

export type AnalysisOutput =
  | { kind: 'compare'; runs: ScenarioRun[] }
  | { kind: 'sensitivity'; value: Result<Sensitivity> }
  | { kind: 'pipelineNeeded'; value: Result<PipelineNeeded> }
  | { kind: 'contributions'; value: Result<{ pTarget: number; deals: DealContribution[] }> }
  | { kind: 'backtest'; value: Result<HalfLifeComparison> }
  | { kind: 'signalChanges'; value: Result<{ pTarget: number; changes: SignalChange[] }> }
  | { kind: 'whatChanged'; value: Result<WhatChanged> };

export type ToAnalysisWorker = { jobId: number; job: AnalysisJob };
export type FromAnalysisWorker =
  | { jobId: number; type: 'progress'; done: number; total: number }
  | { jobId: number; type: 'done'; output: AnalysisOutput }
  /** The analysis stopped on an error (a simulation worker crashed, memory ran out): said, never left hanging. */
  | { jobId: number; type: 'failed'; message: string };
