import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Problem } from '../../shared/result.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

export interface RunListener {
  onProgress(result: ForecastResult, charts: ChartData, trialsDone: number, trialsTotal: number): void;
  onDone(result: ForecastResult, charts: ChartData): void;
  onInvalid(problems: Problem[]): void;
}

/** Owns the forecast worker. Starting a run supersedes the one in flight. */
export class ForecastRunner {
  private readonly worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
  private runId = 0;

  constructor(private readonly listener: RunListener) {
    this.worker.onmessage = (event: MessageEvent<FromForecastWorker>) => {
      const message = event.data;
      if (message.runId !== this.runId) return; // a result of a superseded run
      if (message.type === 'progress') this.listener.onProgress(message.result, message.charts, message.trialsDone, message.trialsTotal);
      else if (message.type === 'done') this.listener.onDone(message.result, message.charts);
      else this.listener.onInvalid(message.problems);
    };
  }

  run(model: unknown, trials: number, seed: number): void {
    this.runId++;
    this.worker.postMessage({ type: 'run', runId: this.runId, model, trials, seed } satisfies ToForecastWorker);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
