import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Problem } from '../../shared/result.ts';
import { afterNextPaint } from './after-paint.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

export interface RunListener {
  onProgress(result: ForecastResult, charts: ChartData, trialsDone: number, trialsTotal: number): void;
  onDone(result: ForecastResult, charts: ChartData): void;
  onInvalid(problems: Problem[]): void;
}

/**
 * User Timing measures, from the edit that started a run (marked when the run is asked for, in the
 * same task as the edit) to its first and to its final result drawn on screen. Anyone can read them
 * in the browser's performance panel; `npm run bench:ui` collects them.
 */
export const FORECAST_MEASURES = { first: 'forecast:first-result', full: 'forecast:full-result' } as const;
const editMark = (runId: number) => `forecast:edit:${runId}`;

/** Owns the live forecast's worker (which owns the simulation pool). Starting a run supersedes the one in flight. */
export class ForecastRunner {
  private readonly worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
  private runId = 0;
  private firstShown = false;

  constructor(private readonly listener: RunListener) {
    this.worker.onmessage = (event: MessageEvent<FromForecastWorker>) => {
      const message = event.data;
      if (message.runId !== this.runId) return; // a result of a superseded run
      if (message.type === 'progress') this.listener.onProgress(message.result, message.charts, message.trialsDone, message.trialsTotal);
      else if (message.type === 'done') this.listener.onDone(message.result, message.charts);
      else this.listener.onInvalid(message.problems);
      if (message.type !== 'invalid') this.measureWhenShown(message.runId, message.type === 'done');
    };
  }

  run(model: unknown, trials: number, seed: number): void {
    performance.clearMarks(editMark(this.runId));
    this.runId++;
    this.firstShown = false;
    performance.mark(editMark(this.runId));
    this.worker.postMessage({ type: 'run', runId: this.runId, model, trials, seed } satisfies ToForecastWorker);
  }

  private measureWhenShown(runId: number, final: boolean): void {
    const names = [...(this.firstShown ? [] : [FORECAST_MEASURES.first]), ...(final ? [FORECAST_MEASURES.full] : [])];
    this.firstShown = true;
    if (names.length === 0) return;
    afterNextPaint(() => {
      if (runId !== this.runId) return;
      for (const name of names) performance.measure(name, editMark(runId));
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
