import type { ForecastModel } from '../model/schema.ts';
import { recordAt } from './snapshot-store.ts';
import type { SnapshotStore } from './snapshot-types.ts';

/**
 * How many times each open deal's CRM close date moved later, snapshot by snapshot, from snapshot
 * `from` to snapshot `to` (and then to `now`, the workspace as it is, when given).
 */
export function closeDatePushes(store: SnapshotStore, from: number, to: number, now: ForecastModel | null): Map<string, number> {
  const current = new Map((now?.deals ?? []).map((d) => [d.id, d.crmCloseDate]));
  const counts = new Map<string, number>();
  for (const [id, changes] of Object.entries(store.deals.open)) {
    const dates: (string | undefined)[] = [];
    for (let i = from; i <= to; i++) {
      const date = recordAt(changes, i)?.crmCloseDate;
      dates.push(typeof date === 'string' ? date : undefined);
    }
    if (now) dates.push(current.get(id));
    let pushes = 0;
    for (let i = 1; i < dates.length; i++) {
      const [was, is] = [dates[i - 1], dates[i]];
      if (was !== undefined && is !== undefined && is > was) pushes++;
    }
    if (pushes > 0) counts.set(id, pushes);
  }
  return counts;
}
