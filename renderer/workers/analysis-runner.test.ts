import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { scriptedAnalysisWorkers } from '../../tests/support/scripted-analysis-worker.ts';
import type { AnalysisOutput } from './analysis-messages.ts';
import { AnalysisRunner, type JobOf } from './analysis-runner.ts';

const model = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  return checked.value;
})();
const compareJob: JobOf<'compare'> = { kind: 'compare', model, ids: ['baseline'], trials: 1000, seed: 1 };
const compared: AnalysisOutput = { kind: 'compare', runs: [] };

describe('the analysis runner', () => {
  it('reports progress of its job and resolves with the worker’s answer, keeping the worker for the next job', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    const seen: [number, number][] = [];
    const answer = runner.run(compareJob, (done, total) => seen.push([done, total]));
    workers.latest().progress(1, 2);
    workers.latest().finish(compared);
    expect(await answer).toEqual(compared);
    expect(seen).toEqual([[1, 2]]);
    void runner.run(compareJob);
    expect(workers.started).toHaveLength(1);
    expect(workers.latest().received.map((m) => m.jobId)).toEqual([1, 2]);
  });

  it('supersedes the job in flight: its promise resolves to null, its worker is stopped, and the new job runs in a fresh worker', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    const firstProgress: number[] = [];
    const first = runner.run(compareJob, (done) => firstProgress.push(done));
    const firstWorker = workers.latest();
    const second = runner.run({ ...compareJob, ids: ['baseline', 'x'] });
    expect(await first).toBeNull();
    expect(firstWorker.terminated).toBe(true);
    expect(workers.started).toHaveLength(2);
    // A late answer of the first job (a message already on its way) never reaches anyone.
    firstWorker.terminated = false;
    firstWorker.progress(1, 1, 1);
    firstWorker.finish(compared, 1);
    expect(firstProgress).toEqual([]);
    workers.latest().finish({ kind: 'compare', runs: [] });
    expect(await second).toEqual({ kind: 'compare', runs: [] });
  });

  it('ignores answers to another job than the one in flight', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    const answer = runner.run(compareJob);
    const worker = workers.latest();
    worker.finish({ kind: 'compare', runs: [] }, worker.lastJobId + 1);
    worker.finish(compared);
    expect(await answer).toBe(compared);
  });

  it('cancels at once: the promise resolves to null and the worker is terminated; cancelling with nothing in flight does nothing', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    runner.cancel();
    expect(workers.started).toHaveLength(0);
    const answer = runner.run(compareJob);
    runner.cancel();
    expect(await answer).toBeNull();
    expect(workers.latest().terminated).toBe(true);
    runner.dispose();
  });

  it('refuses an answer of another kind than the job asked for', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    const answer = runner.run(compareJob);
    workers.latest().finish({ kind: 'sensitivity', value: { ok: false, problems: [] } });
    await expect(answer).rejects.toThrow('answered a compare job with sensitivity');
  });

  it('rejects with the reason when the analysis fails or its worker stops, and runs the next job in a fresh worker', async () => {
    const workers = scriptedAnalysisWorkers();
    const runner = new AnalysisRunner(workers.start);
    const failing = runner.run(compareJob);
    workers.latest().fail('a simulation worker stopped');
    await expect(failing).rejects.toThrow('a simulation worker stopped');
    expect(workers.latest().terminated).toBe(true);

    const crashing = runner.run(compareJob);
    expect(workers.started).toHaveLength(2);
    workers.latest().crash('out of memory');
    await expect(crashing).rejects.toThrow('out of memory');

    const next = runner.run(compareJob);
    expect(workers.started).toHaveLength(3);
    workers.latest().finish(compared);
    expect(await next).toEqual(compared);
  });
});
