import type { SnapshotStore } from '../../../shared/snapshots/snapshot-types.ts';
import { useSession } from '../../app/session-context.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import { useAppStore } from '../../state/store.ts';

/** Take a snapshot now, and turn the automatic weekly one on or off. */
export function SnapshotControls({ snapshots }: { snapshots: SnapshotStore }) {
  const session = useSession();
  const entries = snapshots.entries;
  const oldest = entries[0];
  return (
    <div className="table-toolbar snapshot-controls">
      <button type="button" onClick={() => session.takeSnapshot('manual')}>
        Take snapshot
      </button>
      <label>
        <input type="checkbox" checked={snapshots.weekly} onChange={(e) => useAppStore.getState().updateSnapshotView({ snapshots: { ...snapshots, weekly: e.target.checked } })} /> Take a snapshot automatically each week
      </label>
      <span className="field-hint">
        {entries.length === 0 ? 'No snapshots kept yet.' : `${entries.length} ${entries.length === 1 ? 'snapshot' : 'snapshots'} kept, the first from ${friendlyDate((oldest?.takenAt ?? '').slice(0, 10))}; those older than two years are thinned to one a month.`}
      </span>
    </div>
  );
}
