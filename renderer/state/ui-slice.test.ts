import { describe, expect, it } from 'vitest';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { MAX_NOTICES, withNotice, withoutStepActions, withoutUndoneStep, type Notice } from './ui-slice.ts';

const notice = (id: number, tone: Notice['tone']): Notice => ({ id, tone, text: `notice ${id}` });

describe('withNotice', () => {
  it('keeps at most three notices, dropping the oldest successes first', () => {
    let notices: Notice[] = [];
    for (let id = 1; id <= 16; id++) notices = withNotice(notices, notice(id, 'info'));
    expect(notices.map((n) => n.id)).toEqual([14, 15, 16]);
    expect(notices).toHaveLength(MAX_NOTICES);
  });

  it('keeps errors and warnings over older successes', () => {
    const notices = [notice(1, 'error'), notice(2, 'info'), notice(3, 'warning')];
    expect(withNotice(notices, notice(4, 'info')).map((n) => n.id)).toEqual([1, 3, 4]);
    expect(withNotice([notice(1, 'error'), notice(2, 'warning'), notice(3, 'warning')], notice(4, 'info')).map((n) => n.id)).toEqual([1, 3, 4]);
  });

  it('shows the newest errors when there are only errors', () => {
    const errors = [notice(1, 'error'), notice(2, 'error'), notice(3, 'error')];
    expect(withNotice(errors, notice(4, 'error')).map((n) => n.id)).toEqual([2, 3, 4]);
    expect(withNotice(errors, notice(4, 'info')).map((n) => n.id)).toEqual([2, 3, 4]);
  });
});

describe('notices whose action undoes a step', () => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  // The documents two steps made: a notice knows its step by the document, not by what is in it.
  const afterDelete = { ...checked.value };
  const afterEdit = { ...checked.value };
  const undoing = (id: number, undoes: ForecastModel): Notice => ({ ...notice(id, 'info'), action: { label: 'Undo', run: () => undefined, undoes } });
  const notices = [notice(1, 'warning'), undoing(2, afterDelete), undoing(3, afterEdit)];

  it('go when their step is undone, and only then', () => {
    expect(withoutUndoneStep(notices, afterDelete).map((n) => n.id)).toEqual([1, 3]);
    expect(withoutUndoneStep(notices, { ...checked.value })).toBe(notices);
  });

  it('go when another workspace opens; the others stay', () => {
    expect(withoutStepActions(notices).map((n) => n.id)).toEqual([1]);
    expect(withoutStepActions([notice(1, 'info')])).toHaveLength(1);
  });
});
