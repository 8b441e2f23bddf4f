import { useEffect } from 'react';
import type { Session } from './session.ts';
import { useAppShallow } from '../state/store.ts';
import { friendlyDate } from '../../shared/format/dates.ts';
import { whole } from '../../shared/format/numbers.ts';

const SAVE_LABEL = { saved: 'All changes saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved yet: retrying', conflict: 'Not saved: changed in another window' } as const;

export function AppHeader({ session }: { session: Session }) {
  const { name, asOf, saveState, saveError, progress, stale, trials, canUndo, canRedo, undo, redo } = useAppShallow((s) => ({
    name: s.document?.name ?? 'Workspace',
    asOf: s.document?.asOf ?? null,
    saveState: s.saveState,
    saveError: s.saveError,
    progress: s.progress,
    stale: s.stale,
    trials: s.result?.meta.trials ?? 0,
    canUndo: s.past.length > 0,
    canRedo: s.future.length > 0,
    undo: s.undo,
    redo: s.redo,
  }));

  useEffect(() => {
    document.title = `${name}${saveState === 'saved' ? '' : saveState === 'saving' ? ' — Saving…' : ' — Unsaved changes'} · Topdown Forecast`;
  }, [name, saveState]);

  return (
    <header className="app-header">
      <div className="title-block">
        <h1>{name}</h1>
        <p className="as-of">{asOf ? `Pipeline as of ${friendlyDate(asOf)}` : ''}</p>
      </div>
      <div className="header-actions">
        <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-label="Redo">
          Redo
        </button>
        <button type="button" onClick={() => void session.command('workspaces')}>Workspaces</button>
        <button type="button" onClick={() => void session.command('new')}>New workspace…</button>
        <button type="button" onClick={() => void session.command('open')}>Open…</button>
        <button type="button" onClick={() => void session.command('saveAs')}>Save a copy…</button>
        <button type="button" onClick={() => void session.command('export')}>Export…</button>
      </div>
      <div className="run-status" aria-live="polite">
        <span className={`save-state save-${saveState}`} title={saveError ?? undefined}>
          {SAVE_LABEL[saveState]}
        </span>
        {saveState === 'failed' && saveError ? <span className="save-failed">{saveError}</span> : null}
        {progress ? (
          <span className="progress">
            <progress aria-label="Simulation progress" max={progress.total} value={progress.done} />
            {whole(progress.done)} of {whole(progress.total)} trials
          </span>
        ) : (
          <span className="trials">{stale ? 'Result out of date' : `${whole(trials)} simulated trials`}</span>
        )}
      </div>
    </header>
  );
}
