import type { AnalysisJob, AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from './analysis-messages.ts';

type OutputOf<K extends AnalysisJob['kind']> = Extract<AnalysisOutput, { kind: K }>;

interface Pending {
  jobId: number;
  resolve(output: AnalysisOutput | null): void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs analyses in a worker of their own, so the live forecast keeps its worker. One analysis at a
 * time: starting another, or cancelling, terminates the worker (a long run stops at once) and the
 * superseded promise resolves to null.
 */
export class AnalysisRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextJobId = 1;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromAnalysisWorker>) => {
      const message = event.data;
      const pending = this.pending;
      if (!pending || message.jobId !== pending.jobId) return;
      if (message.type === 'progress') pending.onProgress?.(message.done, message.total);
      else {
        this.pending = null;
        pending.resolve(message.output);
      }
    };
    this.worker = worker;
    return worker;
  }

  run<J extends AnalysisJob>(job: J, onProgress?: (done: number, total: number) => void): Promise<OutputOf<J['kind']> | null> {
    this.cancel();
    const jobId = this.nextJobId++;
    return new Promise((resolve) => {
      this.pending = { jobId, resolve: resolve as (output: AnalysisOutput | null) => void, ...(onProgress ? { onProgress } : {}) };
      this.ensureWorker().postMessage({ jobId, job } satisfies ToAnalysisWorker);
    });
  }

  /** Stops the analysis in flight, if any. */
  cancel(): void {
    if (!this.pending) return;
    this.pending.resolve(null);
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
