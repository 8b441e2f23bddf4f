import { runComparison } from '../../shared/analysis/compare.ts';
import { sensitivity } from '../../shared/analysis/sensitivity.ts';
import type { BlockRunner } from '../../shared/analysis/simulate.ts';
import { dealContributions, pipelineNeeded } from '../../shared/analysis/target-gap.ts';
import { runInParallel, type BlockPort } from '../../shared/engine/parallel-run.ts';
import { compareHalfLives } from '../../shared/history/backtest.ts';
import { signalChanges } from '../../shared/signals/signal-changes.ts';
import { whatChanged } from '../../shared/analysis/what-changed.ts';
import type { AnalysisJob, AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from './analysis-messages.ts';
import { blockPoolSize, QUEUED_WORK_MS, startBlockWorkers } from './block-pool.ts';

/**
 * Runs one analysis at a time, each of its forecast runs spread over this worker's pool of simulation
 * workers (started on first use). The runner cancels by terminating this worker, which ends its pool too.
 */
let ports: BlockPort[] | null = null;
let nextRunId = 1;

const runBlocks: BlockRunner = async (plan) => {
  ports ??= startBlockWorkers(blockPoolSize(navigator.hardwareConcurrency));
  const merged = await runInParallel(ports, plan.prepared, { runId: nextRunId++, now: () => performance.now(), refineMs: null, queuedWorkMs: QUEUED_WORK_MS }).done;
  if (!merged) throw new Error('the run was cancelled');
  return merged;
};

async function analyse(job: AnalysisJob, onProgress: (done: number, total: number) => void): Promise<AnalysisOutput> {
  const options = { trials: job.trials, seed: job.seed, runBlocks };
  switch (job.kind) {
    case 'compare':
      return { kind: 'compare', runs: await runComparison(job.model, job.ids, options, onProgress) };
    case 'sensitivity':
      return { kind: 'sensitivity', value: await sensitivity(job.model, job, options, onProgress) };
    case 'pipelineNeeded':
      return { kind: 'pipelineNeeded', value: await pipelineNeeded(job.model, job, options, onProgress) };
    case 'contributions':
      return { kind: 'contributions', value: await dealContributions(job.model, job.quarter, job.dealIds, options) };
    case 'backtest':
      return { kind: 'backtest', value: await compareHalfLives(job.history, job.model, job.quarters, options, onProgress) };
    case 'signalChanges':
      return { kind: 'signalChanges', value: await signalChanges(job.model, job.quarter, options, onProgress) };
    case 'whatChanged':
      return { kind: 'whatChanged', value: await whatChanged(job.before, job.after, options, onProgress) };
  }
}

self.onmessage = (event: MessageEvent<ToAnalysisWorker>) => {
  const { jobId, job } = event.data;
  const post = (message: FromAnalysisWorker) => self.postMessage(message);
  void analyse(job, (done, total) => post({ jobId, type: 'progress', done, total })).then(
    (output) => post({ jobId, type: 'done', output }),
    (error: unknown) => post({ jobId, type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
