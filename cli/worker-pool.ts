import { Worker } from 'node:worker_threads';
import { createAccumulator, mergeAccumulator } from '../shared/engine/accumulator.ts';
import type { ForecastPlan } from '../shared/engine/prepare.ts';
import type { ForecastResult } from '../shared/engine/result-types.ts';
import { summarize } from '../shared/engine/summarize.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface PoolRunOptions {
  onProgress?: (blocksDone: number, blockCount: number) => void;
}

/**
 * Simulation worker threads that stay up between runs (their JIT stays warm). Blocks are handed out
 * one at a time to whichever worker is free, so a busy core does not hold a run back; the result does
 * not depend on who ran which block. `meta.computeMs` covers simulation and summary, not start-up.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(size: number, workerUrl: URL) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(workerUrl));
  }

  async run(plan: ForecastPlan, options: PoolRunOptions = {}): Promise<ForecastResult> {
    const p = plan.prepared;
    const workers = this.workers.slice(0, Math.min(this.workers.length, p.blockCount));
    await Promise.all(workers.map((w) => request(w, { type: 'init', prepared: p }, 'ready')));
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const cleanups: (() => void)[] = [];
      const finish = (error?: unknown) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      };
      const feed = (worker: Worker) => {
        if (next < p.blockCount) worker.postMessage({ type: 'block', block: next++ } satisfies ToWorker);
      };
      for (const worker of workers) {
        const onMessage = (message: FromWorker) => {
          if (message.type !== 'blockDone') return;
          done++;
          options.onProgress?.(done, p.blockCount);
          if (done === p.blockCount) finish();
          else feed(worker);
        };
        worker.on('message', onMessage);
        worker.on('error', finish);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', finish);
        });
        feed(worker);
      }
    });
    const merged = createAccumulator(p);
    for (const worker of workers) {
      const message = await request(worker, { type: 'finish' }, 'result');
      if (message.type === 'result') mergeAccumulator(merged, message.accumulator, p);
    }
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

function request(worker: Worker, message: ToWorker, reply: FromWorker['type']): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: FromWorker) => {
      if (answer.type !== reply) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(answer);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(message);
  });
}
