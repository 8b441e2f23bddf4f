// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ForecastAppApi } from '../../shared/ipc/contract.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { validateModel } from '../../shared/model/validate.ts';
import type { Result } from '../../shared/result.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import type { SaveOutcome } from '../../shared/workspace/document.ts';
import { resetAppStore, useAppStore } from '../state/store.ts';
import { AUTOSAVE_DELAY_MS, SAVE_MAX_WAIT_MS, SAVE_RETRY_MS, SAVE_TYPING_PAUSE_MS, Session } from './session.ts';

const sample = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  return checked.value;
})();

/** The live forecast's worker, which these tests do not need: it takes runs and answers nothing. */
class SilentWorker {
  onmessage: unknown = null;
  postMessage(): void {}
  terminate(): void {}
}

interface SaveCall {
  id: string;
  name: string | undefined;
  revision: number;
  answer(outcome: Result<SaveOutcome>): void;
}

/** A host whose saves wait until the test answers them, recording what was asked and in which order. */
function deferredHost() {
  const calls: string[] = [];
  const saves: SaveCall[] = [];
  const unused = () => Promise.resolve({ ok: false as const, problems: [{ path: '', message: 'not used by these tests' }] });
  const api: ForecastAppApi = {
    host: 'browser',
    getStartupState: unused,
    listWorkspaces: unused,
    openWorkspace: (id) => {
      calls.push(`open ${id}`);
      return Promise.resolve({ ok: true, value: { id, document: { ...sample, name: id }, problems: [], revision: 10, updatedAt: '', recovery: null, migrated: [] } });
    },
    createWorkspace: unused,
    printSummaryPdf: unused,
    saveWorkspace: (id, document, revision) => {
      calls.push(`save ${id}@${revision}`);
      const name = (document as ForecastModel).name; // the session passes the ForecastModel it holds; the contract types it as unknown input
      return new Promise((answer) => saves.push({ id, name, revision, answer }));
    },
    renameWorkspace: unused,
    duplicateWorkspace: unused,
    deleteWorkspace: unused,
    listTrash: unused,
    restoreWorkspace: unused,
    importModelFile: unused,
    exportModelFile: unused,
    saveExport: unused,
    saveExportFolder: unused,
    onMenuCommand: () => () => {},
    onOpenWorkspace: () => () => {},
  };
  return { api, calls, saves };
}

const saved = (revision: number): Result<SaveOutcome> => ({ ok: true, value: { status: 'saved', revision, updatedAt: '' } });
const rename = (name: string) => useAppStore.getState().edit((m) => ({ ...m, name }));
const saveState = () => useAppStore.getState().saveState;

describe('the session’s autosave', () => {
  let host = deferredHost();
  let session: Session;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', SilentWorker);
    vi.stubGlobal('__APP_VERSION__', 'test');
    resetAppStore();
    host = deferredHost();
    session = new Session(host.api);
    useAppStore.getState().showWorkspace('w1', sample, 1);
  });

  afterEach(() => {
    session.dispose();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves a burst of edits once, the latest version, after the autosave delay', async () => {
    rename('one');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    rename('two');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(host.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.saves.map((s) => [s.name, s.revision])).toEqual([['two', 1]]);
    expect(saveState()).toBe('saving');
    host.saves[0]?.answer(saved(2));
    await vi.advanceTimersByTimeAsync(0);
    expect([saveState(), useAppStore.getState().revision]).toEqual(['saved', 2]);
  });

  it('waits for a pause in the typing when a save falls due while the user types', async () => {
    const press = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    rename('one');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    press();
    await vi.advanceTimersByTimeAsync(100);
    expect(host.saves).toHaveLength(0); // due, but a key was pressed 100 ms ago
    await vi.advanceTimersByTimeAsync(SAVE_TYPING_PAUSE_MS - 100 - 1);
    expect(host.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.saves.map((s) => s.name)).toEqual(['one']);
  });

  it('saves during typing that never pauses once the save is SAVE_MAX_WAIT_MS late', async () => {
    const press = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    rename('one');
    press();
    let waited = 0;
    while (host.saves.length === 0 && waited < 10 * SAVE_MAX_WAIT_MS) {
      await vi.advanceTimersByTimeAsync(100);
      waited += 100;
      press();
    }
    expect(waited).toBe(AUTOSAVE_DELAY_MS + SAVE_MAX_WAIT_MS);
    expect(host.saves.map((s) => s.name)).toEqual(['one']);
  });

  it('saves at once when the page closes during a wait for a pause in the typing', async () => {
    rename('one');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    await vi.advanceTimersByTimeAsync(100);
    expect(host.saves).toHaveLength(0);
    void session.pageClosing();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.saves.map((s) => s.name)).toEqual(['one']);
    host.saves[0]?.answer(saved(2));
    await vi.advanceTimersByTimeAsync(10 * SAVE_MAX_WAIT_MS);
    expect(host.saves).toHaveLength(1); // the wait it interrupted does not save again
  });

  it('saves an edit made during a save after it, based on the revision that save wrote', async () => {
    rename('one');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    rename('two');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    // The second save waits for the first, however long the first takes.
    expect(host.saves).toHaveLength(1);
    expect(saveState()).toBe('unsaved');
    host.saves[0]?.answer(saved(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(host.saves.map((s) => [s.name, s.revision])).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
    host.saves[1]?.answer(saved(3));
    await vi.advanceTimersByTimeAsync(0);
    expect([saveState(), useAppStore.getState().revision]).toEqual(['saved', 3]);
  });

  it('retries a failed save after a pause, and stops retrying at a conflict, which the user resolves', async () => {
    rename('one');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    host.saves[0]?.answer({ ok: false, problems: [{ path: '', message: 'the disk is full' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect([saveState(), useAppStore.getState().saveError]).toEqual(['failed', 'the disk is full']);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    expect(host.saves).toHaveLength(2);
    host.saves[1]?.answer({ ok: true, value: { status: 'conflict', revision: 5, message: 'changed in another window' } });
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS * 2);
    expect(host.saves).toHaveLength(2);
    expect(saveState()).toBe('conflict');
  });

  it('saves what is pending before opening another workspace, and never marks the new one saved by an old answer', async () => {
    rename('one');
    const opening = session.open('w2');
    await vi.advanceTimersByTimeAsync(0);
    expect(host.calls).toEqual(['save w1@1']);
    host.saves[0]?.answer(saved(2));
    await opening;
    expect(host.calls).toEqual(['save w1@1', 'open w2']);
    expect([useAppStore.getState().workspaceId, useAppStore.getState().revision, saveState()]).toEqual(['w2', 10, 'saved']);
  });
});
