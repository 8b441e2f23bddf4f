import type { AnalysisJob, AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from './analysis-messages.ts';

export type AnalysisKind = AnalysisJob['kind'];
export type JobOf<K extends AnalysisKind> = Extract<AnalysisJob, { kind: K }>;
export type OutputOf<K extends AnalysisKind> = Extract<AnalysisOutput, { kind: K }>;

/** What the runner needs of its worker: a Web Worker in the app, a scripted stand-in in tests. */
export interface AnalysisWorkerPort {
  onmessage: ((event: MessageEvent<FromAnalysisWorker>) => void) | null;
  /** An error the worker did not catch (it stopped, or a script failed to load). */
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToAnalysisWorker): void;
  terminate(): void;
}

export type StartAnalysisWorker = () => AnalysisWorkerPort;

export const startAnalysisWorker: StartAnalysisWorker = () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  jobId: number;
  resolve(output: AnalysisOutput | null): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs analyses in a worker of their own, so the live forecast keeps its worker. One analysis at a
 * time: starting another, or cancelling, terminates the worker (a long run stops at once) and the
 * superseded promise resolves to null. An analysis that fails (the worker reports an error, or
 * stops) rejects with the reason, and the next one starts a fresh worker.
 */
export class AnalysisRunner {
  private worker: AnalysisWorkerPort | null = null;
  private pending: Pending | null = null;
  private nextJobId = 1;

  constructor(private readonly startWorker: StartAnalysisWorker = startAnalysisWorker) {}

  private ensureWorker(): AnalysisWorkerPort {
    if (this.worker) return this.worker;
    const worker = this.startWorker();
    worker.onmessage = (event) => {
      const message = event.data;
      const pending = this.pending;
      if (!pending || message.jobId !== pending.jobId) return;
      if (message.type === 'progress') pending.onProgress?.(message.done, message.total);
      else if (message.type === 'failed') this.fail(new Error(message.message));
      else {
        this.pending = null;
        pending.resolve(message.output);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the analysis worker stopped'));
    };
    this.worker = worker;
    return worker;
  }

  run<K extends AnalysisKind>(job: JobOf<K>, onProgress?: (done: number, total: number) => void): Promise<OutputOf<K> | null> {
    this.cancel();
    const jobId = this.nextJobId++;
    return new Promise<AnalysisOutput | null>((resolve, reject) => {
      this.pending = { jobId, resolve, reject, ...(onProgress ? { onProgress } : {}) };
      this.ensureWorker().postMessage({ jobId, job } satisfies ToAnalysisWorker);
    }).then((output) => (output === null ? null : outputOf(job.kind, output)));
  }

  /** The analysis in flight failed: its promise rejects, and its worker is replaced for the next one. */
  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    pending?.reject(error);
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

/** The worker answers a job with the output of the same kind; a mismatch is a bug in the worker, said loudly. */
function outputOf<K extends AnalysisKind>(kind: K, output: AnalysisOutput): OutputOf<K> {
  if (!isOutputOf(kind, output)) throw new Error(`The analysis worker answered a ${kind} job with ${output.kind}`);
  return output;
}

const isOutputOf = <K extends AnalysisKind>(kind: K, output: AnalysisOutput): output is OutputOf<K> => output.kind === kind;
