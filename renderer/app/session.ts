import type { ForecastAppApi } from '../../shared/ipc/contract.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { MenuCommand } from '../../shared/ipc/channels.ts';
import { formatProblems } from '../../shared/result.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { ForecastRunner } from '../workers/forecast-runner.ts';
import { useAppStore } from '../state/store.ts';
import { Exports } from './exports.ts';
import { AnalysisRunner } from '../workers/analysis-runner.ts';
import { describeProblem } from './problem-text.ts';
import { warmKnownProblems } from '../fields/model-field.ts';
import { friendlyDate } from '../../shared/format/dates.ts';
import { documentFingerprint, type UnsentEdits } from '../host/unsent-edits.ts';
import { simulationOf } from '../../shared/model/simulation-settings.ts';
import { startingDocument, type WorkspaceStart } from '../../shared/workspace/starting-points.ts';
import type { SnapshotReason } from '../../shared/snapshots/snapshot-types.ts';
import { weeklySnapshotDue, weekStart } from '../../shared/snapshots/snapshot-schedule.ts';
import { addSnapshot, modelAt, snapshotSummary, thinSnapshots } from '../../shared/snapshots/snapshot-store.ts';
import type { AppState } from '../state/store.ts';

export const AUTOSAVE_DELAY_MS = 600;
/**
 * An autosave that falls due while the user is typing (a key pressed in the last this many ms) waits
 * for the pause, but never more than SAVE_MAX_WAIT_MS past its time. Handing a 5,000-deal workspace
 * to the host takes the page tens of ms (the desktop app's IPC copy; in a browser, the check and the
 * IndexedDB write too), which landed as a stutter between keystrokes.
 */
export const SAVE_TYPING_PAUSE_MS = 500;
export const SAVE_MAX_WAIT_MS = 3000;
/** How often a failed save (a full or read-only disk) is tried again. */
export const SAVE_RETRY_MS = 5000;

/**
 * Connects the store to the outside world: opens the workspace at start, reruns the forecast on every
 * change of the model, autosaves changes (debounced) through the host, and handles menu commands.
 */
export class Session {
  private readonly runner: ForecastRunner;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The chain of saves: each starts when the previous one is done. */
  private saving: Promise<void> = Promise.resolve();
  /** The document of the save under way, if any: a page closing meanwhile records it with the edits it keeps. */
  private savingDocument: ForecastModel | null = null;
  private unsubscribe: (() => void)[] = [];
  readonly exports: Exports;
  /** The week whose automatic snapshot was already looked at (taken, or not needed). */
  private weeklyCheckedFor: string | null = null;
  /** True while a workspace's history is being shown as read from its file (not a change to save). */
  private loadingSnapshots = false;
  /** When a key was last pressed in the window, and since when a save has been waiting for a pause (Date.now ms). */
  private lastKeyAt = -Infinity;
  private saveDueSince: number | null = null;
  private readonly noteKey = () => {
    this.lastKeyAt = Date.now();
  };

  constructor(
    readonly api: ForecastAppApi,
    /** Where edits not yet saved are kept when a browser tab closes (null in the desktop app, which waits for the write). */
    private readonly unsentEdits: UnsentEdits | null = null,
  ) {
    this.exports = new Exports(api, __APP_VERSION__, new AnalysisRunner());
    const store = useAppStore.getState;
    this.runner = new ForecastRunner({
      onProgress: (result, charts, done, total) => store().runProgress(result, charts, done, total),
      onDone: (result, charts) => store().runDone(result, charts),
      onInvalid: (problems) => store().runInvalid(problems),
    });
    globalThis.addEventListener?.('keydown', this.noteKey, true);
    this.unsubscribe.push(
      useAppStore.subscribe((state, previous) => {
        if (state.document !== previous.document && state.document) {
          if (state.saveState === 'unsaved' && previous.document && previous.workspaceId === state.workspaceId) this.weeklySnapshot(previous);
          warmKnownProblems(state.document);
          if (state.saveState === 'unsaved') this.scheduleSave();
          // Trials and seed are saved with the workspace: a new value is copied to the store, whose change reruns the forecast.
          const wanted = simulationOf(state.document);
          if (wanted.trials !== state.trials || wanted.seed !== state.seed) useAppStore.setState(wanted);
          else this.runForecast();
        } else if (state.trials !== previous.trials || state.seed !== previous.seed) this.runForecast();
        if (state.progress === null && previous.progress !== null) this.takePendingSnapshot();
        // A new snapshot history is a change to save (one read from a file being opened is not).
        if (state.snapshotView.snapshots !== previous.snapshotView.snapshots && !this.loadingSnapshots) {
          useAppStore.getState().setSaveState('unsaved');
          this.scheduleSave();
        }
      }),
      () => globalThis.removeEventListener?.('keydown', this.noteKey, true),
      api.onMenuCommand((command) => void this.command(command)),
      api.onOpenWorkspace((id) => void this.open(id)),
    );
  }

  async start(): Promise<void> {
    const store = useAppStore.getState();
    const startup = await this.api.getStartupState();
    if (startup.ok) for (const notice of startup.value.notices) store.addNotice('warning', notice);
    const list = await this.api.listWorkspaces();
    if (!list.ok) return store.addNotice('error', `Your workspaces could not be listed: ${formatProblems(list.problems)}`);
    let id = startup.ok ? startup.value.lastWorkspaceId : null;
    if (!id || !list.value.some((w) => w.id === id)) id = list.value[0]?.id ?? null;
    if (!id) {
      // First start: the built-in sample, so there is a forecast to look at straight away.
      const created = await this.api.createWorkspace({ name: SAMPLE_WORKSPACE.name ?? 'Sample', document: SAMPLE_WORKSPACE });
      if (!created.ok) return store.addNotice('error', `The sample workspace could not be created: ${formatProblems(created.problems)}`);
      id = created.value.id;
    }
    await this.open(id);
  }

  async open(id: string): Promise<boolean> {
    await this.flushSave();
    const store = useAppStore.getState();
    const opened = await this.api.openWorkspace(id);
    if (!opened.ok) {
      store.addNotice('error', `This workspace could not be opened. ${formatProblems(opened.problems)}`);
      return false;
    }
    const { document: saved, recovery, migrated, revision } = opened.value;
    const { snapshots, ...document } = saved;
    this.loadingSnapshots = true;
    useAppStore.getState().showSnapshots(snapshots);
    this.loadingSnapshots = false;
    this.weeklyCheckedFor = null;
    if (recovery) {
      store.addNotice('warning', `The saved file of “${document.name ?? id}” was damaged (${recovery.reason}). The app restored your most recent backup (${recovery.restoredFrom}); the damaged file was kept at ${recovery.movedAsideTo}.`);
    }
    if (migrated.length > 0) store.addNotice('info', `This workspace was updated to the current file format (${migrated.join('; ')}). A copy of the original was kept.`);
    // Edits a closing tab could not write in time come back here, if nothing saved over them since.
    // Matched against the file as saved (snapshots included, as the save in flight sent it); restored only if it differs.
    const kept = this.unsentEdits?.take(id, revision, saved) ?? null;
    const pending = kept && documentFingerprint(kept) !== documentFingerprint(document) ? kept : null;
    store.showWorkspace(id, pending ?? document, revision, pending !== null);
    if (pending) store.addNotice('info', 'Your last changes from before the page was closed were restored and saved.');
    return true;
  }

  runForecast(): void {
    const { document, trials, seed, runStarted } = useAppStore.getState();
    if (!document) return;
    runStarted();
    this.runner.run(document, trials, seed);
  }

  /** Asks for a snapshot of the model on screen with its forecast, taken as soon as that forecast has finished. */
  takeSnapshot(reason: SnapshotReason): void {
    useAppStore.getState().updateSnapshotView({ pending: reason });
    this.takePendingSnapshot();
  }

  private takePendingSnapshot(): void {
    const { pending } = useAppStore.getState().snapshotView;
    const state = useAppStore.getState();
    if (!pending || !state.document || state.progress !== null) return;
    // A model with problems has no forecast of its own: it is kept with none.
    const summary = !state.stale && state.result?.meta.complete ? snapshotSummary(state.result) : null;
    this.addSnapshot(state.document, summary, pending);
  }

  private addSnapshot(document: ForecastModel, summary: ReturnType<typeof snapshotSummary> | null, reason: SnapshotReason): void {
    const now = new Date();
    const { snapshots } = useAppStore.getState().snapshotView;
    useAppStore.getState().updateSnapshotView({ snapshots: thinSnapshots(addSnapshot(snapshots, document, summary, now.toISOString(), reason), now), pending: null });
  }

  /**
   * The automatic weekly snapshot: on the first change of a week, the workspace as it was before that
   * change (with its forecast, still on screen), unless the latest snapshot already holds exactly that.
   */
  private weeklySnapshot(previous: AppState): void {
    const now = new Date();
    const week = weekStart(now).toISOString();
    const { snapshots } = useAppStore.getState().snapshotView;
    if (this.weeklyCheckedFor === week || !previous.document || !weeklySnapshotDue(snapshots, now)) return;
    this.weeklyCheckedFor = week;
    const latest = snapshots.entries.length - 1;
    const { scenarios: _s, calibration: _c, name: _n, crmStageMapping: _m, ...pipeline } = previous.document;
    if (latest >= 0 && JSON.stringify(modelAt(snapshots, latest)) === JSON.stringify(modelAt(addSnapshot(snapshots, pipeline, null, now.toISOString(), 'weekly'), latest + 1))) return;
    const summary = previous.progress === null && !previous.stale && previous.result?.meta.complete ? snapshotSummary(previous.result) : null;
    this.addSnapshot(previous.document, summary, 'weekly');
  }

  private scheduleSave(delay = AUTOSAVE_DELAY_MS): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveAtTypingPause(), delay);
  }

  /**
   * Saves now, unless the user is typing: then at the pause, or SAVE_MAX_WAIT_MS after the first save
   * fell due (edits meanwhile do not push that back, so a long stretch of typing still saves every few
   * seconds). Date.now, as the rest of the session's timing (and the tests' fake clock).
   */
  private saveAtTypingPause(): void {
    const now = Date.now();
    this.saveDueSince ??= now;
    const pauseIn = this.lastKeyAt + SAVE_TYPING_PAUSE_MS - now;
    const latest = this.saveDueSince + SAVE_MAX_WAIT_MS - now;
    if (pauseIn > 0 && latest > 0) {
      this.saveTimer = setTimeout(() => this.saveAtTypingPause(), Math.min(pauseIn, latest));
      return;
    }
    void this.flushSave();
  }

  /**
   * Saves now if anything is waiting to be saved. Saves run one after another, each based on the
   * revision the previous one wrote. The document is saved as it is, problems included: validity
   * only gates the forecast. A failed write is retried; a conflict waits for the user's choice.
   */
  flushSave(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saveDueSince = null;
    this.saving = this.saving.then(() => this.saveOnce());
    return this.saving;
  }

  private async saveOnce(): Promise<void> {
    const { workspaceId, document, revision, saveState, setSaveState } = useAppStore.getState();
    if (!workspaceId || !document || saveState === 'saved' || saveState === 'conflict') return;
    setSaveState('saving');
    const { snapshots } = useAppStore.getState().snapshotView;
    // The history of snapshots lives beside the document and goes into the file with it.
    const sent = snapshots.entries.length > 0 ? { ...document, snapshots } : document;
    this.savingDocument = sent;
    const saved = await this.api.saveWorkspace(workspaceId, sent, revision).finally(() => {
      this.savingDocument = null;
    });
    if (useAppStore.getState().workspaceId !== workspaceId) return;
    if (!saved.ok) {
      if (useAppStore.getState().document === document) setSaveState('failed', formatProblems(saved.problems));
      this.scheduleSave(SAVE_RETRY_MS);
      return;
    }
    if (saved.value.status === 'conflict') {
      setSaveState('conflict', saved.value.message);
      return;
    }
    useAppStore.getState().saved(saved.value.revision, document);
    if (useAppStore.getState().saveState === 'saved') this.unsentEdits?.discard(workspaceId);
  }

  /** After a conflict: show the version another window saved, dropping the edits made here. */
  async reloadFromDisk(): Promise<void> {
    const { workspaceId, setSaveState } = useAppStore.getState();
    if (!workspaceId) return;
    setSaveState('saved');
    await this.open(workspaceId);
  }

  /** After a conflict: keep both, by saving what is on screen as a new workspace and switching to it. */
  async saveAsNewWorkspace(): Promise<void> {
    const { document, addNotice } = useAppStore.getState();
    if (!document) return;
    const name = `${document.name ?? 'Workspace'} (my version)`;
    const created = await this.api.createWorkspace({ name, document: { ...document, name } });
    if (!created.ok) return addNotice('error', `Your version could not be saved as a copy: ${formatProblems(created.problems)}`);
    useAppStore.getState().setSaveState('saved');
    if (await this.open(created.value.id)) addNotice('info', `Your version was saved as a new workspace, “${name}”; the other window's version stays as it was.`);
  }

  /** A new workspace from the chosen start, opened at once. */
  async createWorkspace(start: WorkspaceStart, name: string): Promise<void> {
    const store = useAppStore.getState();
    const today = new Date().toISOString().slice(0, 10);
    const created = await this.api.createWorkspace({ name, document: startingDocument(start, name, today) });
    if (!created.ok) return store.addNotice('error', `The workspace could not be created: ${formatProblems(created.problems)}`);
    await this.open(created.value.id);
  }

  /** Renames a workspace; the open one is renamed as an edit (one undo step), so its next save cannot clash. */
  async renameWorkspace(id: string, name: string): Promise<boolean> {
    const store = useAppStore.getState();
    if (store.workspaceId === id) {
      store.edit((m) => ({ ...m, name }));
      return true;
    }
    const renamed = await this.api.renameWorkspace(id, name);
    if (!renamed.ok) store.addNotice('error', `The workspace could not be renamed: ${formatProblems(renamed.problems)}`);
    return renamed.ok;
  }

  /** Moves a workspace to the trash; if it was the open one, the most recent other workspace opens. */
  async deleteWorkspace(id: string): Promise<void> {
    const store = useAppStore.getState();
    if (store.workspaceId === id) await this.flushSave();
    const deleted = await this.api.deleteWorkspace(id);
    if (!deleted.ok) return store.addNotice('error', `The workspace could not be deleted: ${formatProblems(deleted.problems)}`);
    store.addNotice('info', `“${deleted.value.name}” was moved to the trash. You can restore it from Workspaces until ${friendlyDate(deleted.value.removedAfter.slice(0, 10))}.`);
    if (store.workspaceId !== id) return;
    const list = await this.api.listWorkspaces();
    const next = list.ok ? list.value[0] : undefined;
    if (next) await this.open(next.id);
    else await this.createWorkspace('sample', SAMPLE_WORKSPACE.name ?? 'Sample');
  }

  async command(command: MenuCommand): Promise<void> {
    const store = useAppStore.getState();
    if (command === 'undo') return store.undo();
    if (command === 'redo') return store.redo();
    if (command === 'new') return store.openDialog('newWorkspace');
    if (command === 'workspaces') return store.openDialog('workspaces');
    if (command === 'open') {
      const imported = await this.api.importModelFile();
      if (!imported.ok) return store.addNotice('error', `That file could not be opened:\n${formatProblems(imported.problems)}`);
      if (imported.value && (await this.open(imported.value.id))) store.addNotice('info', `The file was added to your workspaces as “${imported.value.name}” and opened; the file itself is not changed.`);
      return;
    }
    if (command === 'saveAs') return this.saveCopy();
    if (command === 'importCsv') return store.openDialog('importCsv');
    if (command === 'export') return store.openDialog('export');
  }

  /** "Save a copy…" writes the model on screen; while it has problems it says which, instead of writing an older version. */
  private async saveCopy(): Promise<void> {
    const { document, problems, addNotice } = useAppStore.getState();
    if (!document) return;
    if (problems.length > 0) {
      const list = problems.slice(0, 5).map((p) => `• ${describeProblem(document, p).text}`).join('\n');
      return addNotice('error', `A copy was not saved: the model has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} that would stop the copy from opening elsewhere. Fix ${problems.length === 1 ? 'it' : 'them'} first (your workspace itself is saved):\n${list}`);
    }
    const saved = await this.api.exportModelFile(document);
    if (!saved.ok) {
      const list = saved.problems.map((p) => `• ${describeProblem(document, p).text}`).join('\n');
      addNotice('error', `A copy was not saved:\n${list}`);
    } else if (saved.value) addNotice('info', `Saved a copy of what is on screen as ${saved.value.location}.`);
  }

  /** Called as the page goes away: keeps what is not saved yet where the next start finds it, then saves. */
  pageClosing(): Promise<void> {
    const { workspaceId, document, revision, saveState } = useAppStore.getState();
    if (workspaceId && document && saveState !== 'saved') this.unsentEdits?.keep(workspaceId, document, revision, this.savingDocument ?? undefined);
    return this.flushSave();
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    for (const stop of this.unsubscribe) stop();
    this.runner.dispose();
    this.exports.dispose();
    useAppStore.getState().disposeAnalyses();
  }
}
