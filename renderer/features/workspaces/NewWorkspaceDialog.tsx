import { useId, useState } from 'react';
import type { WorkspaceStart } from '../../../shared/workspace/starting-points.ts';
import type { Session } from '../../app/session.ts';
import { Modal } from '../../app/Modal.tsx';
import { useAppStore } from '../../state/store.ts';

/** "New workspace" asks how to start: a blank top-down cycle to fill in, or a copy of the sample. */
export function NewWorkspaceDialog({ session }: { session: Session }) {
  const nameId = useId();
  const [name, setName] = useState('New workspace');
  const [start, setStart] = useState<WorkspaceStart>('blank');
  const [busy, setBusy] = useState(false);
  const close = () => useAppStore.getState().openDialog(null);
  const create = async () => {
    if (!name.trim()) return;
    setBusy(true);
    await session.createWorkspace(start, name.trim());
    setBusy(false);
    close();
  };
  return (
    <Modal labelledBy="new-workspace-title" className="new-workspace-dialog" busy={busy} onClose={close}>
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id="new-workspace-title">New workspace</h2>
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input id={nameId} value={name} autoFocus onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset>
          <legend>Start from</legend>
          <label>
            <input type="radio" name="start" checked={start === 'blank'} onChange={() => setStart('blank')} /> A blank top-down cycle: the five usual stages (discovery, executive presentation, proof of concept, security review, procurement), no deals, no targets, no costs
          </label>
          <label>
            <input type="radio" name="start" checked={start === 'sample'} onChange={() => setStart('sample')} /> A copy of the sample: 40 deals with targets and costs, to explore
          </label>
        </fieldset>
        <div className="modal-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            Create workspace
          </button>
        </div>
      </form>
    </Modal>
  );
}
