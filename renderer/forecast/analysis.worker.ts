/// <reference lib="webworker" />
import { runComparison } from '../../shared/analysis/compare.ts';
import { sensitivity } from '../../shared/analysis/sensitivity.ts';
import { dealContributions, pipelineNeeded } from '../../shared/analysis/target-gap.ts';
import { compareHalfLives } from '../../shared/history/backtest.ts';
import type { AnalysisJob, AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from './analysis-messages.ts';

/** Runs one analysis at a time; the runner cancels by terminating this worker. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function analyse(job: AnalysisJob, onProgress: (done: number, total: number) => void): AnalysisOutput {
  const options = { trials: job.trials, seed: job.seed };
  switch (job.kind) {
    case 'compare':
      return { kind: 'compare', runs: runComparison(job.model, job.ids, options, onProgress) };
    case 'sensitivity':
      return { kind: 'sensitivity', value: sensitivity(job.model, job, options, onProgress) };
    case 'pipelineNeeded':
      return { kind: 'pipelineNeeded', value: pipelineNeeded(job.model, job, options, onProgress) };
    case 'contributions':
      return { kind: 'contributions', value: dealContributions(job.model, job.quarter, job.dealIds, options) };
    case 'backtest':
      return { kind: 'backtest', value: compareHalfLives(job.history, job.model, job.quarters, options, onProgress) };
  }
}

scope.onmessage = (event: MessageEvent<ToAnalysisWorker>) => {
  const { jobId, job } = event.data;
  const post = (message: FromAnalysisWorker) => scope.postMessage(message);
  const output = analyse(job, (done, total) => post({ jobId, type: 'progress', done, total }));
  post({ jobId, type: 'done', output });
};
