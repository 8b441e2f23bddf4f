import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { scriptedAnalysisWorkers } from '../../tests/support/scripted-analysis-worker.ts';
import { isOutOfDate } from './analysis-slice.ts';
import { resetAppStore, useAppStore } from './store.ts';

const model = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  return checked.value;
})();
const failed = (message: string) => ({ ok: false as const, problems: [{ path: '', message }] });
const sensitivityJob = { model, quarter: 0, metric: 'p50', step: 0.1, trials: 1000, seed: 1 } as const;
const analyses = () => useAppStore.getState().analyses;
/** Lets the runner's promise chain settle after a scripted answer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let workers = scriptedAnalysisWorkers();

describe('the analysis slice', () => {
  beforeEach(() => {
    resetAppStore();
    workers = scriptedAnalysisWorkers();
    useAppStore.getState().connectAnalysisWorkers(workers.start);
  });

  it('shows progress from the start, then the answer with the job it answers', async () => {
    const done = useAppStore.getState().runAnalysis('compare', { model, ids: ['baseline', 's1'], trials: 1000, seed: 1 });
    expect(analyses().compare.progress).toEqual({ done: 0, total: 2 });
    workers.latest().progress(1, 2);
    expect(analyses().compare.progress).toEqual({ done: 1, total: 2 });
    workers.latest().finish({ kind: 'compare', runs: [] });
    await done;
    expect(analyses().compare).toEqual({ progress: null, answer: { job: { kind: 'compare', model, ids: ['baseline', 's1'], trials: 1000, seed: 1 }, output: { kind: 'compare', runs: [] } } });
    expect(isOutOfDate(analyses().compare, model)).toBe(false);
    expect(isOutOfDate(analyses().compare, { ...model })).toBe(true);
  });

  it('lets a superseded run change nothing: the newer run keeps its progress and its answer is the one shown', async () => {
    const { runAnalysis } = useAppStore.getState();
    const first = runAnalysis('sensitivity', sensitivityJob);
    const firstWorker = workers.latest();
    const second = runAnalysis('sensitivity', { ...sensitivityJob, step: 0.2 });
    await first;
    expect(firstWorker.terminated).toBe(true);
    expect(analyses().sensitivity.progress).toEqual({ done: 0, total: 1 });
    workers.latest().finish({ kind: 'sensitivity', value: failed('second') });
    await second;
    expect(analyses().sensitivity.answer?.job.step).toBe(0.2);
    expect(analyses().sensitivity.progress).toBeNull();
  });

  it('cancels a run: progress goes, the previous answer stays, and the cancelled answer never lands', async () => {
    const { runAnalysis, cancelAnalysis } = useAppStore.getState();
    const first = runAnalysis('sensitivity', sensitivityJob);
    workers.latest().finish({ kind: 'sensitivity', value: failed('first') });
    await first;
    const second = runAnalysis('sensitivity', { ...sensitivityJob, step: 0.2 });
    const secondWorker = workers.latest();
    cancelAnalysis('sensitivity');
    await second;
    expect(secondWorker.terminated).toBe(true);
    secondWorker.finish({ kind: 'sensitivity', value: failed('late') });
    await settle();
    expect(analyses().sensitivity).toMatchObject({ progress: null, answer: { job: { step: 0.1 } } });
  });

  it('runs each kind in its own worker, so one kind never cancels another', async () => {
    const { runAnalysis } = useAppStore.getState();
    const sensitivity = runAnalysis('sensitivity', sensitivityJob);
    const backtestRun = runAnalysis('backtest', { model, history: { deals: [], asOfDay: 0 }, quarters: 6, trials: 1000, seed: 1 });
    expect(workers.started).toHaveLength(2);
    expect(workers.started.some((w) => w.terminated)).toBe(false);
    expect(analyses().backtest.progress).toEqual({ done: 0, total: 6 });
    const [sensitivityWorker, backtestWorker] = workers.started;
    sensitivityWorker?.finish({ kind: 'sensitivity', value: failed('s') });
    backtestWorker?.finish({ kind: 'backtest', value: failed('b') });
    await Promise.all([sensitivity, backtestRun]);
    expect([analyses().sensitivity.answer?.output.kind, analyses().backtest.answer?.output.kind]).toEqual(['sensitivity', 'backtest']);
  });

  it('hides the previous pipeline-needed answer when a new search starts, and keeps other answers on screen', async () => {
    const { runAnalysis } = useAppStore.getState();
    const job = { model, quarter: 0, stageId: 'pilot', confidence: 0.7, trials: 1000, seed: 1 };
    const first = runAnalysis('pipelineNeeded', job);
    workers.latest().finish({ kind: 'pipelineNeeded', value: failed('first') });
    await first;
    expect(analyses().pipelineNeeded.answer).not.toBeNull();
    void runAnalysis('pipelineNeeded', { ...job, confidence: 0.9 });
    expect(analyses().pipelineNeeded).toEqual({ answer: null, progress: { done: 0, total: 1 } });
  });

  it('drops the backtest when another history is used', async () => {
    const state = useAppStore.getState();
    const running = state.runAnalysis('backtest', { model, history: { deals: [], asOfDay: 0 }, quarters: 4, trials: 1000, seed: 1 });
    const worker = workers.latest();
    state.loadHistory({ history: { deals: [], asOfDay: 0 }, fileName: 'other.csv', crmMapping: {} }, model, 'w1');
    await running;
    expect(worker.terminated).toBe(true);
    expect(analyses().backtest).toEqual({ answer: null, progress: null });
  });

  it('ends the progress and says so when an analysis fails, instead of waiting forever', async () => {
    const run = useAppStore.getState().runAnalysis('sensitivity', sensitivityJob);
    workers.latest().crash('a simulation worker stopped');
    await run;
    expect(analyses().sensitivity.progress).toBeNull();
    const notice = useAppStore.getState().notices.at(-1);
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(/^The sensitivity analysis stopped before it finished: a simulation worker stopped\./);
  });
});
