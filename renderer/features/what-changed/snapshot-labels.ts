import type { SnapshotEntry, SnapshotReason } from '../../../shared/snapshots/snapshot-types.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import type { ComparedSide } from '../../state/snapshot-slice.ts';

const REASON: Record<SnapshotReason, string> = { import: 'import', manual: 'taken by hand', weekly: 'weekly' };

/** "Nov 16, 2026 (import, as of Nov 16, 2026)". */
export const snapshotLabel = (entry: SnapshotEntry): string => `${friendlyDate(entry.takenAt.slice(0, 10))} (${REASON[entry.reason]}, as of ${friendlyDate(entry.asOf)})`;

/** Short label of a compared side, for chart bars: "Nov 16" or "Now". */
export function sideLabel(side: ComparedSide, entries: readonly SnapshotEntry[]): string {
  if (side === 'now') return 'Now';
  const entry = entries[side];
  return entry ? friendlyDate(entry.takenAt.slice(0, 10)).replace(/, \d{4}$/, '') : '?';
}
