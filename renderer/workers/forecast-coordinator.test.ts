import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/engine/run.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { fakeBlockWorkers } from '../../tests/support/fake-block-workers.ts';
import { ForecastCoordinator, REFINE_MS, refineIntervalMs } from './forecast-coordinator.ts';
import type { FromForecastWorker } from './worker-messages.ts';

const withoutTiming = (result: ForecastResult) => ({ ...result, meta: { ...result.meta, computeMs: 0 } });

/** A coordinator over fake workers, a virtual clock that moves 30 ms whenever a worker reads it, and the posted messages with their times. */
function setUp(workers: number) {
  let clock = 0;
  const { ports } = fakeBlockWorkers(workers, { shuffleSeed: workers, now: () => (clock += 30) });
  const posted: { at: number; message: FromForecastWorker }[] = [];
  let resolveDone: (message: FromForecastWorker) => void = () => undefined;
  const coordinator = new ForecastCoordinator(
    ports,
    (message) => {
      posted.push({ at: clock, message });
      if (message.type !== 'progress') resolveDone(message);
    },
    () => clock,
  );
  const finished = () => new Promise<FromForecastWorker>((resolve) => (resolveDone = resolve));
  return { coordinator, posted, finished };
}

function reference(trials: number, seed: number): ForecastResult {
  const result = runForecast(SAMPLE_WORKSPACE, { trials, seed });
  if (!result.ok) throw new Error('invalid sample');
  return withoutTiming(result.value);
}

describe('the live forecast over a pool of workers', () => {
  it.each([1, 3])('posts a final result bit-identical to one thread with %i worker(s)', async (workers) => {
    const { coordinator, finished } = setUp(workers);
    const done = finished();
    coordinator.handle({ type: 'run', runId: 1, model: SAMPLE_WORKSPACE, trials: 4_000, seed: 8 });
    const message = await done;
    if (message.type !== 'done') throw new Error(`expected a result, got ${message.type}`);
    expect(withoutTiming(message.result)).toEqual(reference(4_000, 8));
    expect(message.result.meta.complete).toBe(true);
  });

  it('posts a first result after the first block, then refines at most every 200 ms', async () => {
    const { coordinator, posted, finished } = setUp(2);
    const done = finished();
    coordinator.handle({ type: 'run', runId: 1, model: SAMPLE_WORKSPACE, trials: 10_000, seed: 1 });
    await done;
    const progress = posted.filter((p) => p.message.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    const first = progress[0]?.message;
    expect(first?.type === 'progress' && first.trialsDone).toBeLessThanOrEqual(500);
    for (let i = 1; i < progress.length; i++) expect((progress[i]?.at ?? 0) - (progress[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(REFINE_MS);
    const done10k = progress.map((p) => (p.message.type === 'progress' ? p.message.trialsDone : 0));
    expect(done10k).toEqual([...done10k].sort((a, b) => a - b));
    expect(posted.at(-1)?.message.type).toBe('done');
  });

  it('supersedes a run at once: nothing more of it is posted, and the new run is exact', async () => {
    const { coordinator, posted, finished } = setUp(2);
    coordinator.handle({ type: 'run', runId: 1, model: SAMPLE_WORKSPACE, trials: 20_000, seed: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const done = finished();
    const postedBefore = posted.length;
    coordinator.handle({ type: 'run', runId: 2, model: SAMPLE_WORKSPACE, trials: 2_000, seed: 3 });
    const message = await done;
    expect(posted.slice(postedBefore).every((p) => p.message.runId === 2)).toBe(true);
    if (message.type !== 'done') throw new Error('expected a result');
    expect(withoutTiming(message.result)).toEqual(reference(2_000, 3));
  });

  it('reports an invalid model with its problems and simulates nothing', async () => {
    const { coordinator, finished } = setUp(1);
    const done = finished();
    coordinator.handle({ type: 'run', runId: 1, model: { ...SAMPLE_WORKSPACE, horizonQuarters: 0 }, trials: 1_000, seed: 1 });
    const message = await done;
    expect(message.type === 'invalid' && message.problems[0]?.path).toBe('horizonQuarters');
  });
});

describe('the interval between partial results', () => {
  it('is 200 ms up to 1,000 deals, then grows with the deal count (5,000 deals: a second)', () => {
    expect([0, 300, 1_000, 2_000, 5_000].map(refineIntervalMs)).toEqual([REFINE_MS, 200, 200, 400, 1_000]);
  });
});
