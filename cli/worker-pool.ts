import { Worker } from 'node:worker_threads';
import type { FromBlockWorker } from '../shared/engine/block-worker.ts';
import { runInParallel, type BlockPort } from '../shared/engine/parallel-run.ts';
import type { ForecastPlan } from '../shared/engine/prepare.ts';
import type { ForecastResult } from '../shared/engine/result-types.ts';
import { summarize } from '../shared/engine/summarize.ts';

export interface PoolRunOptions {
  onProgress?: (blocksDone: number, blockCount: number) => void;
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
    const started = performance.now();
    const run = runInParallel(this.ports, plan.prepared, {
      runId: this.nextRunId++,
      now: () => performance.now(),
      refineMs: null,
      ...(options.onProgress ? { onBlockDone: options.onProgress } : {}),
    });
    const merged = await run.done;
    if (!merged) throw new Error('the run was cancelled');
    const result = summarize(plan, merged, 0);
    result.meta.computeMs = Math.round(performance.now() - started);
    return result;
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
