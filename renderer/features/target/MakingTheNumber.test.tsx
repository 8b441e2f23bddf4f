// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runForecast } from '../../../shared/engine/run.ts';
import { validateModel } from '../../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../../shared/sample/sample-workspace.ts';
import { scriptedAnalysisWorkers } from '../../../tests/support/scripted-analysis-worker.ts';
import { resetAppStore, useAppStore } from '../../state/store.ts';
import { MakingTheNumber } from './MakingTheNumber.tsx';

const model = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  return checked.value;
})();
const result = (() => {
  const run = runForecast(model, { trials: 500, seed: 1 });
  if (!run.ok) throw new Error('the sample workspace does not run');
  return run.value;
})();

describe('the sensitivity panel of Making the number', () => {
  let workers = scriptedAnalysisWorkers();
  beforeEach(() => {
    resetAppStore();
    workers = scriptedAnalysisWorkers();
    useAppStore.getState().connectAnalysisWorkers(workers.start);
  });
  afterEach(cleanup);

  it('runs through the store: progress and Cancel while it runs, the button back when cancelled', () => {
    render(<MakingTheNumber model={model} result={result} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run sensitivity' }));
    expect(screen.getByRole('button', { name: 'Run sensitivity' })).toHaveProperty('disabled', true);
    const job = workers.latest().received[0]?.job;
    expect(job).toMatchObject({ kind: 'sensitivity', model, metric: 'p50', step: 0.1 });
    act(() => workers.latest().progress(3, 9));
    expect(screen.getByRole('progressbar', { name: 'Sensitivity progress' })).toHaveProperty('value', 3);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(workers.latest().terminated).toBe(true);
    expect(screen.queryByRole('progressbar', { name: 'Sensitivity progress' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Run sensitivity' })).toHaveProperty('disabled', false);
  });

  it('shows a failed analysis’s problem in words', async () => {
    render(<MakingTheNumber model={model} result={result} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run sensitivity' }));
    await act(async () => {
      workers.latest().finish({ kind: 'sensitivity', value: { ok: false, problems: [{ path: 'stages', message: 'no stage can be varied' }] } });
      await Promise.resolve();
    });
    expect((await screen.findByRole('alert')).textContent).toContain('no stage can be varied');
  });
});
