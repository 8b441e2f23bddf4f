import { Worker } from 'node:worker_threads';
import type { FromBlockWorker } from '../shared/engine/block-worker.ts';
import { runInParallel, type BlockPort } from '../shared/engine/parallel-run.ts';
import type { ForecastPlan } from '../shared/engine/prepare.ts';
import type { ForecastResult } from '../shared/engine/result-types.ts';
import { summarize } from '../shared/engine/summarize.ts';

/** The work kept queued at each worker: about two blocks of the 1,000-deal benchmark. */
const QUEUED_WORK_MS = 50;

export interface PoolRunOptions {
  onProgress?: (blocksDone: number, blockCount: number) => void;
}

/** Where a run's time went, in ms from its start (the benchmark prints them). */
export interface PoolRunTimings {
  /** Every block simulated (the model sent to each worker, then the blocks). */
  simulated: number;
  /** Every worker's accumulator handed over and merged. */
  merged: number;
  /** The summary computed: the run's whole time. */
  summarized: number;
}

/**
 * Simulation worker threads that stay up between runs (their JIT stays warm). Blocks are handed out
 * one at a time to whichever worker is free; the result does not depend on who ran which block.
 * `meta.computeMs` covers sending the model, simulation, merging and the summary, not start-up.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly ports: BlockPort[];
  private nextRunId = 1;

  constructor(size: number, workerUrl: URL) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(workerUrl));
    this.ports = this.workers.map((worker) => {
      const port: BlockPort = { post: (message, transfer) => worker.postMessage(message, transfer), onMessage: null, onError: null };
      worker.on('message', (message: FromBlockWorker) => port.onMessage?.(message));
      worker.on('error', (error) => port.onError?.(error));
      return port;
    });
  }

  async run(plan: ForecastPlan, options: PoolRunOptions = {}): Promise<ForecastResult> {
    return (await this.runTimed(plan, options)).result;
  }

  async runTimed(plan: ForecastPlan, options: PoolRunOptions = {}): Promise<{ result: ForecastResult; timings: PoolRunTimings }> {
    const started = performance.now();
    let simulated = 0;
    const run = runInParallel(this.ports, plan.prepared, {
      runId: this.nextRunId++,
      now: () => performance.now(),
      refineMs: null,
      // Work waits at each worker, so a worker never idles while the main thread answers.
      queuedWorkMs: QUEUED_WORK_MS,
      onBlockDone: (done, total) => {
        if (done === total) simulated = performance.now() - started;
        options.onProgress?.(done, total);
      },
    });
    const acc = await run.done;
    if (!acc) throw new Error('the run was cancelled');
    const merged = performance.now() - started;
    const result = summarize(plan, acc, 0);
    const summarized = performance.now() - started;
    result.meta.computeMs = Math.round(summarized);
    return { result, timings: { simulated, merged, summarized } };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Runs one plan in a pool made for it. */
export async function runInWorkers(plan: ForecastPlan, size: number, workerUrl: URL, options: PoolRunOptions = {}): Promise<ForecastResult> {
  const pool = new WorkerPool(Math.min(size, plan.prepared.blockCount), workerUrl);
  try {
    return await pool.run(plan, options);
  } finally {
    await pool.close();
  }
}
