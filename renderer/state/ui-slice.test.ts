import { describe, expect, it } from 'vitest';
import { MAX_NOTICES, withNotice, type Notice } from './ui-slice.ts';

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
