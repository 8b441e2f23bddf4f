import type { AnalysisOutput, FromAnalysisWorker, ToAnalysisWorker } from '../../renderer/workers/analysis-messages.ts';
import type { AnalysisWorkerPort, StartAnalysisWorker } from '../../renderer/workers/analysis-runner.ts';

/** A stand-in for the analysis worker that the test drives by hand: it records jobs and answers when told. */
export class ScriptedAnalysisWorker implements AnalysisWorkerPort {
  onmessage: ((event: MessageEvent<FromAnalysisWorker>) => void) | null = null;
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
