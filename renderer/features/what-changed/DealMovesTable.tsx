import { useState } from 'react';
import type { DealMove } from '../../../shared/analysis/what-changed.ts';
import { compactMoney } from '../../../shared/format/numbers.ts';
import { signedMoney } from '../../figures/waterfall-figure.tsx';

type SortKey = 'name' | 'change' | 'before' | 'after' | 'delta' | 'pushes';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Deal' },
  { key: 'change', label: 'What happened' },
  { key: 'before', label: 'Expected before' },
  { key: 'after', label: 'Expected after' },
  { key: 'delta', label: 'Change' },
  { key: 'pushes', label: 'CRM close date pushed' },
];
const WHAT: Record<DealMove['change'], string> = {
  added: 'new deal',
  removed: 'no longer in the pipeline',
  won: 'won',
  lost: 'lost',
  stage: 'moved stage',
  amount: 'amount changed',
  date: 'dates changed',
  signals: 'signal value changed',
  aged: 'aged a week',
  model: 'stage model changed',
  unchanged: 'unchanged',
};

/** The deals whose expected bookings in the quarter moved, largest move first; any column sorts. */
export function DealMovesTable({ deals, quarter, quarterLabel, currency }: { deals: readonly DealMove[]; quarter: number; quarterLabel: string; currency: string }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'delta', descending: true });
  const value = (d: DealMove, key: SortKey): number | string => {
    if (key === 'name') return d.name.toLowerCase();
    if (key === 'change') return WHAT[d.change];
    if (key === 'before') return d.expectedBefore[quarter] ?? 0;
    if (key === 'after') return d.expectedAfter[quarter] ?? 0;
    if (key === 'pushes') return d.closeDatePushes;
    return Math.abs(d.expectedChangeByQuarter[quarter] ?? 0);
  };
  const moved = deals.filter((d) => Math.abs(d.expectedChangeByQuarter[quarter] ?? 0) >= 0.5 || d.closeDatePushes > 0);
  const rows = [...moved].sort((a, b) => {
    const [x, y] = [value(a, sort.key), value(b, sort.key)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.descending ? -order : order;
  });
  const toggle = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' && key !== 'change' }));
  if (rows.length === 0) return <p className="empty">No deal’s expected bookings in {quarterLabel} moved.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={`Deals that moved ${quarterLabel}`}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                  {c.label}
                  {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name || d.id}</th>
              <td>{WHAT[d.change]}</td>
              <td>{compactMoney(d.expectedBefore[quarter] ?? 0, currency)}</td>
              <td>{compactMoney(d.expectedAfter[quarter] ?? 0, currency)}</td>
              <td className={(d.expectedChangeByQuarter[quarter] ?? 0) < 0 ? 'change-down' : 'change-up'}>{signedMoney(d.expectedChangeByQuarter[quarter] ?? 0, currency)}</td>
              <td>{d.closeDatePushes > 0 ? `${d.closeDatePushes}×` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
