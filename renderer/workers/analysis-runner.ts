import type { AnalysisJob, AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from './analysis-messages.ts';

export type AnalysisKind = AnalysisJob['kind'];
export type JobOf<K extends AnalysisKind> = Extract<AnalysisJob, { kind: K }>;
export type OutputOf<K extends AnalysisKind> = Extract<AnalysisOutput, { kind: K }>;

/** What the runner needs of its worker: a Web Worker in the app, a scripted stand-in in tests. */
export interface AnalysisWorkerPort {
  onmessage: ((event: MessageEvent<FromAnalysisWorker>) => void) | null;
  postMessage(message: ToAnalysisWorker): void;
  terminate(): void;
}

export type StartAnalysisWorker = () => AnalysisWorkerPort;

export const startAnalysisWorker: StartAnalysisWorker = () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

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
      else {
        this.pending = null;
        pending.resolve(message.output);
      }
    };
    this.worker = worker;
    return worker;
  }

  run<K extends AnalysisKind>(job: JobOf<K>, onProgress?: (done: number, total: number) => void): Promise<OutputOf<K> | null> {
    this.cancel();
    const jobId = this.nextJobId++;
    return new Promise<AnalysisOutput | null>((resolve) => {
      this.pending = { jobId, resolve, ...(onProgress ? { onProgress } : {}) };
      this.ensureWorker().postMessage({ jobId, job } satisfies ToAnalysisWorker);
    }).then((output) => (output === null ? null : outputOf(job.kind, output)));
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
