import type { Session } from './session.ts';
import { useAppShallow } from '../state/store.ts';

/** Another window saved this workspace first: nothing is overwritten until the user chooses. */
export function SaveConflict({ session }: { session: Session }) {
  const { saveState, saveError } = useAppShallow((s) => ({ saveState: s.saveState, saveError: s.saveError }));
  if (saveState !== 'conflict') return null;
  return (
    <div className="notice notice-error save-conflict" role="alert">
      <p>{saveError}</p>
      <div className="notice-actions">
        <button type="button" onClick={() => void session.reloadFromDisk()}>
          Reload the saved version
        </button>
        <button type="button" className="primary" onClick={() => void session.saveAsNewWorkspace()}>
          Save mine as a copy
        </button>
      </div>
    </div>
  );
}
