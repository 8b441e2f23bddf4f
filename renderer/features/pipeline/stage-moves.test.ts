import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../../shared/sample/sample-workspace.ts';
import { applyScenario } from '../../../shared/scenarios/apply-scenario.ts';
import { addDealOverride, setDealOverride, setDealStageOverride } from '../scenarios/scenario-edits.ts';
import { addBooked, removeBooked, updateBooked } from './booked-edits.ts';
import { moveDealToStage } from './deal-edits.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const model = sample.value;
const acme = model.deals.findIndex((d) => d.name === 'Acme Corp');

describe('stage moves restart the clock', () => {
  it('in the deals table: the deal entered its new stage on the as-of date, or on the day given', () => {
    expect(model.deals[acme]).toMatchObject({ stage: 'pilot', stageEnteredOn: '2026-10-02' });
    expect(moveDealToStage(model, acme, 'security').deals[acme]).toMatchObject({ stage: 'security', stageEnteredOn: '2026-11-23' });
    expect(moveDealToStage(model, acme, 'security', '2026-11-10').deals[acme]).toMatchObject({ stage: 'security', stageEnteredOn: '2026-11-10' });
    // Choosing the stage it is already in changes nothing.
    expect(moveDealToStage(model, acme, 'pilot')).toBe(model);
  });

  it('in a scenario: the override moves the stage date with it, and following the baseline again drops both', () => {
    const withScenario = { ...model, scenarios: [{ id: 's', name: 'Acme moves' }] };
    const id = model.deals[acme]?.id ?? '';
    const moved = setDealStageOverride(setDealOverride(addDealOverride(withScenario, 's', id), 's', id, 'excluded', undefined), 's', id, 'security');
    expect(moved.scenarios?.[0]?.deals?.[id]).toEqual({ stage: 'security', stageEnteredOn: '2026-11-23' });
    const applied = applyScenario(moved, moved.scenarios?.[0] ?? { id: 's', name: '' });
    expect(applied.model.deals[acme]).toMatchObject({ stage: 'security', stageEnteredOn: '2026-11-23' });
    expect(setDealStageOverride(moved, 's', id, undefined).scenarios?.[0]?.deals?.[id]).toBeUndefined();
  });
});

describe('booked deals by hand', () => {
  it('adds one closed on the as-of date, edits and removes it, keeping the model valid', () => {
    const added = addBooked(model);
    expect(added.closedWon).toEqual([{ id: 'WON-1', name: 'Booked deal 1', amount: 100_000, closedOn: '2026-11-23' }]);
    const edited = updateBooked(added, 0, { amount: 2_000_000, closedOn: '2026-11-02' });
    expect(validateModel(edited).ok).toBe(true);
    expect(removeBooked(edited, 0).closedWon).toBeUndefined();
  });
});
