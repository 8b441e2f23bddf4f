import type { AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from '../../renderer/workers/analysis-messages.ts';
import type { AnalysisWorkerPort, StartAnalysisWorker } from '../../renderer/workers/analysis-runner.ts';

/** A stand-in for the analysis worker that the test drives by hand: it records jobs and answers when told. */
export class ScriptedAnalysisWorker implements AnalysisWorkerPort {
  onmessage: ((event: MessageEvent<FromAnalysisWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: ToAnalysisWorker[] = [];
  terminated = false;

  postMessage(message: ToAnalysisWorker): void {
    if (this.terminated) throw new Error('a message was posted to a terminated worker');
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The job most recently sent, which the next answers belong to. */
  get lastJobId(): number {
    const last = this.received.at(-1);
    if (!last) throw new Error('no job was sent to this worker');
    return last.jobId;
  }

  progress(done: number, total: number, jobId = this.lastJobId): void {
    this.reply({ jobId, type: 'progress', done, total });
  }

  finish(output: AnalysisOutput, jobId = this.lastJobId): void {
    this.reply({ jobId, type: 'done', output });
  }

  /** The analysis fails inside the worker, which reports it. */
  fail(message: string, jobId = this.lastJobId): void {
    this.reply({ jobId, type: 'failed', message });
  }

  /** The worker itself stops with an uncaught error. */
  crash(message: string): void {
    // Node has no ErrorEvent; the runner reads only these two members of it.
    const event = { message, preventDefault: () => undefined } as unknown as ErrorEvent;
    if (!this.terminated) this.onerror?.(event);
  }

  private reply(message: FromAnalysisWorker): void {
    if (this.terminated) return; // a terminated worker says nothing more
    this.onmessage?.(new MessageEvent('message', { data: message }));
  }
}

/** A worker factory that keeps every worker it started, newest last. */
export function scriptedAnalysisWorkers(): { start: StartAnalysisWorker; started: ScriptedAnalysisWorker[]; latest(): ScriptedAnalysisWorker } {
  const started: ScriptedAnalysisWorker[] = [];
  return {
    started,
    start: () => {
      const worker = new ScriptedAnalysisWorker();
      started.push(worker);
      return worker;
    },
    latest: () => {
      const worker = started.at(-1);
      if (!worker) throw new Error('no analysis worker was started');
      return worker;
    },
  };
}
