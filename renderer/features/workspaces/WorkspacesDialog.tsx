import { useCallback, useEffect, useRef, useState } from 'react';
import { formatProblems } from '../../../shared/result.ts';
import type { WorkspaceSummary } from '../../../shared/workspace/document.ts';
import type { TrashEntry } from '../../../shared/workspace/trash.ts';
import type { Session } from '../../app/session.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import { Modal } from '../../app/Modal.tsx';
import { useAppShallow, useAppStore } from '../../state/store.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** Every workspace with its as-of date and last change: open, rename, duplicate, delete to the trash, restore. */
export function WorkspacesDialog({ session }: { session: Session }) {
  const { currentId, currentName } = useAppShallow((s) => ({ currentId: s.workspaceId, currentName: s.document?.name ?? null }));
  const [workspaces, setWorkspaces] = useState<WorkspaceSummary[] | null>(null);
  const [trash, setTrash] = useState<TrashEntry[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useAppStore.getState().openDialog(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(
    () =>
      // The open workspace's pending edits first, so the list shows its latest name and date.
      session
        .flushSave()
        .then(() => Promise.all([session.api.listWorkspaces(), session.api.listTrash()]))
        .then(([list, trashed]) => {
          if (list.ok) setWorkspaces(list.value);
          else useAppStore.getState().addNotice('error', `Your workspaces could not be listed: ${formatProblems(list.problems)}`);
          setTrash(trashed.ok ? trashed.value : []);
        }),
    [session],
  );
  useEffect(() => {
    heading.current?.focus();
    void refresh();
  }, [refresh]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  const open = (id: string) =>
    act(async () => {
      if (await session.open(id)) close();
    });
  const saveRename = () => {
    if (!renaming || !renaming.name.trim()) return;
    const { id, name } = renaming;
    setRenaming(null);
    void act(() => session.renameWorkspace(id, name.trim()));
  };
  const duplicate = (id: string) =>
    act(async () => {
      const copy = await session.api.duplicateWorkspace(id);
      if (copy.ok) useAppStore.getState().addNotice('info', `Made “${copy.value.name}”.`);
      else useAppStore.getState().addNotice('error', `The workspace could not be duplicated: ${formatProblems(copy.problems)}`);
    });
  const restore = (entry: TrashEntry) =>
    act(async () => {
      const restored = await session.api.restoreWorkspace(entry.trashId);
      if (restored.ok) useAppStore.getState().addNotice('info', `“${restored.value.name}” was restored from the trash.`);
      else useAppStore.getState().addNotice('error', `It could not be restored: ${formatProblems(restored.problems)}`);
    });

  return (
    <Modal labelledBy="workspaces-title" className="workspaces-dialog" busy={busy} onClose={close}>
        <h2 id="workspaces-title" ref={heading} tabIndex={-1}>
          Workspaces
        </h2>
        <p className="field-hint">Each workspace is one pipeline and its model, saved as you work. Deleted workspaces stay in the trash for 30 days.</p>
        {workspaces === null ? <p className="loading">Loading…</p> : (
          <table className="data-table workspaces-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Pipeline as of</th>
                <th scope="col">Last change</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workspaces.map((w) => {
                const name = w.id === currentId && currentName ? currentName : w.name;
                return (
                  <tr key={w.id} className={w.id === currentId ? 'selected' : undefined}>
                    <th scope="row">
                      {renaming?.id === w.id ? (
                        <input
                          aria-label={`New name for ${name}`}
                          value={renaming.name}
                          autoFocus
                          onChange={(e) => setRenaming({ id: w.id, name: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') saveRename();
                            if (e.key === 'Escape') {
                              // Esc ends the rename, not the dialog.
                              e.preventDefault();
                              setRenaming(null);
                            }
                          }}
                          onBlur={saveRename}
                        />
                      ) : (
                        <>
                          {name}
                          {w.id === currentId ? <span className="badge">open</span> : null}
                        </>
                      )}
                    </th>
                    <td>{w.asOf ? friendlyDate(w.asOf) : '–'}</td>
                    <td>{when(w.updatedAt)}</td>
                    <td className="row-actions">
                      <button type="button" disabled={busy || w.id === currentId} onClick={() => void open(w.id)} aria-label={`Open ${name}`}>
                        Open
                      </button>
                      <button type="button" disabled={busy} onClick={() => setRenaming({ id: w.id, name })} aria-label={`Rename ${name}`}>
                        Rename
                      </button>
                      <button type="button" disabled={busy || w.damaged} onClick={() => void duplicate(w.id)} aria-label={`Duplicate ${name}`}>
                        Duplicate
                      </button>
                      <button type="button" disabled={busy} onClick={() => void act(() => session.deleteWorkspace(w.id))} aria-label={`Delete ${name}`}>
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <h3>Trash</h3>
        {trash.length === 0 ? <p className="empty">The trash is empty.</p> : (
          <table className="data-table workspaces-table" aria-label="Trash">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Deleted</th>
                <th scope="col">Removed for good after</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {trash.map((t) => (
                <tr key={t.trashId}>
                  <th scope="row">{t.name}</th>
                  <td>{when(t.deletedAt)}</td>
                  <td>{friendlyDate(t.removedAfter.slice(0, 10))}</td>
                  <td className="row-actions">
                    <button type="button" disabled={busy} onClick={() => void restore(t)} aria-label={`Restore ${t.name}`}>
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="modal-actions">
          <button
            type="button"
            onClick={() => {
              useAppStore.getState().openDialog('newWorkspace');
            }}
          >
            New workspace…
          </button>
          <button type="button" className="primary" onClick={close}>
            Close
          </button>
        </div>
    </Modal>
  );
}
