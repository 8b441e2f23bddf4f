import { beforeEach, describe, expect, it } from 'vitest';
import { historyFromKept, keepHistory } from '../../shared/history/kept-history.ts';
import { syntheticHistory } from '../../tests/support/synthetic-history.ts';
import { parseIsoDay } from '../../shared/model/dates.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { resetAppStore, useAppStore } from './store.ts';

const sample = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('sample');
  return checked.value;
})();
const history = syntheticHistory(sample, { deals: 40, asOfDay: parseIsoDay(sample.asOf) ?? 0, years: 1, seed: 1, amount: { median: 1e5, p90: 3e5 } });
const loaded = { history, fileName: 'history.csv', crmMapping: {} };

describe('the calibration slice', () => {
  beforeEach(() => resetAppStore());

  it('fixes the prior at the rates before the history, and keeps it while the same workspace changes', () => {
    const state = useAppStore.getState();
    state.loadHistory(loaded, sample, 'w1');
    state.setPriorWeight(25);
    state.setHalfLife(4);
    state.setFitFilters({ owner: 'Maya Chen' });
    // Accepting a fit changes the rates; using a history again must not make them the prior.
    const fitted = { ...sample, stages: sample.stages.map((s) => ({ ...s, conversion: 0.2 })) };
    useAppStore.getState().loadHistory({ ...loaded, fileName: 'again.csv' }, fitted, 'w1');
    const c = useAppStore.getState().calibration;
    expect(c.priorMeans.pilot).toBe(0.6);
    expect([c.priorWeight, c.halfLifeQuarters, c.filters.owner, c.loaded?.fileName]).toEqual([25, 4, 'Maya Chen', 'again.csv']);
  });

  it('starts another workspace from its own kept settings, and forgets on request', () => {
    useAppStore.getState().loadHistory(loaded, sample, 'w1');
    useAppStore.getState().setPriorWeight(25);
    const other = { ...sample, calibration: { priorWeight: 4, halfLifeQuarters: 8, priorMeans: { pilot: 0.33 } } };
    useAppStore.getState().loadHistory(loaded, other, 'w2');
    const c = useAppStore.getState().calibration;
    expect([c.workspaceId, c.priorWeight, c.halfLifeQuarters, c.priorMeans]).toEqual(['w2', 4, 8, { pilot: 0.33 }]);
    useAppStore.getState().forgetHistory();
    expect(useAppStore.getState().calibration.loaded).toBeNull();
  });

  it('keeps a history with the workspace in a form the model file accepts and reads it back unchanged', () => {
    const kept = keepHistory(history, 'history.csv');
    const model = validateModel({ ...SAMPLE_WORKSPACE, calibration: { priorWeight: 2, history: kept } });
    expect(model.ok).toBe(true);
    expect(historyFromKept(JSON.parse(JSON.stringify(kept)))).toEqual(history);
  });
});
