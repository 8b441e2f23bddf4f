// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../shared/result.ts';
import { ForecastRunner } from './forecast-runner.ts';
import type { FromForecastWorker, ToForecastWorker } from './worker-messages.ts';

/** The live forecast's worker, driven by the test: it records runs and answers when told. */
class ScriptedForecastWorker {
  static started: ScriptedForecastWorker[] = [];
  onmessage: ((event: MessageEvent<FromForecastWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: ToForecastWorker[] = [];
  terminated = false;
  constructor() {
    ScriptedForecastWorker.started.push(this);
  }
  postMessage(message: ToForecastWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.onerror?.(new ErrorEvent('error', { message, cancelable: true }));
  }
  answer(message: FromForecastWorker): void {
    this.onmessage?.(new MessageEvent('message', { data: message }));
  }
}

const problem = (message: string): Problem[] => [{ path: 'deals[0].amount', message }];

describe('the forecast runner', () => {
  afterEach(() => {
    ScriptedForecastWorker.started = [];
    vi.unstubAllGlobals();
  });

  it('shows only the latest run: answers of a superseded run never reach the screen', () => {
    vi.stubGlobal('Worker', ScriptedForecastWorker);
    const shown: string[] = [];
    const runner = new ForecastRunner({ onProgress: () => shown.push('progress'), onDone: () => shown.push('done'), onInvalid: (problems) => shown.push(problems[0]?.message ?? '') });
    runner.run({ first: true }, 1000, 1);
    runner.run({ second: true }, 1000, 1);
    const [worker] = ScriptedForecastWorker.started;
    expect(worker?.received.map((m) => [m.type, m.runId])).toEqual([
      ['run', 1],
      ['run', 2],
    ]);
    worker?.answer({ type: 'invalid', runId: 1, problems: problem('from the first run') });
    worker?.answer({ type: 'invalid', runId: 2, problems: problem('from the second run') });
    expect(shown).toEqual(['from the second run']);
    runner.dispose();
    expect(worker?.terminated).toBe(true);
  });

  it('says the forecast stopped when its worker stops, and runs the next edit in a fresh worker', () => {
    vi.stubGlobal('Worker', ScriptedForecastWorker);
    const shown: string[] = [];
    const runner = new ForecastRunner({ onProgress: () => shown.push('progress'), onDone: () => shown.push('done'), onInvalid: (problems) => shown.push(problems[0]?.message ?? '') });
    runner.run({ first: true }, 1000, 1);
    const [first] = ScriptedForecastWorker.started;
    first?.crash('out of memory');
    expect(shown).toEqual(['the simulation stopped (out of memory); change anything to run it again']);
    expect(first?.terminated).toBe(true);
    runner.run({ second: true }, 1000, 1);
    const second = ScriptedForecastWorker.started[1];
    expect(second?.received.map((m) => m.runId)).toEqual([2]);
    runner.dispose();
  });
});
