import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../../shared/sample/sample-workspace.ts';
import { deleteDeals, removedDeals, restoreDeals, updateDeal } from './deal-edits.ts';

const checked = validateModel(SAMPLE_WORKSPACE);
if (!checked.ok) throw new Error('sample');
const model = checked.value;

describe('undo of a delete', () => {
  it('puts the deleted deals back exactly where they were, also after other edits', () => {
    const ids = new Set([model.deals[0]?.id ?? '', model.deals[5]?.id ?? '', model.deals[39]?.id ?? '']);
    const removed = removedDeals(model, ids);
    const deleted = deleteDeals(model, ids);
    expect(deleted.deals).toHaveLength(37);
    expect(restoreDeals(deleted, removed).deals).toEqual(model.deals);
    const edited = updateDeal(deleted, 2, { amount: 1 });
    const restored = restoreDeals(edited, removed);
    expect(restored.deals.map((d) => d.id)).toEqual(model.deals.map((d) => d.id));
    expect(restored.deals.filter((d, i) => d !== model.deals[i]).map((d) => d.amount)).toEqual([1]);
  });

  it('never adds a deal twice', () => {
    const ids = new Set([model.deals[3]?.id ?? '']);
    const removed = removedDeals(model, ids);
    expect(restoreDeals(model, removed)).toBe(model);
  });
});
