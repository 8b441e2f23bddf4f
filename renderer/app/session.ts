import type { ForecastAppApi } from '../../shared/ipc/contract.ts';
import type { MenuCommand } from '../../shared/ipc/channels.ts';
import { formatProblems } from '../../shared/result.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { ForecastRunner } from '../forecast/forecast-runner.ts';
import { useAppStore } from '../state/store.ts';
import { Exports } from './exports.ts';
import { AnalysisRunner } from '../forecast/analysis-runner.ts';

export const AUTOSAVE_DELAY_MS = 600;

/**
 * Connects the store to the outside world: opens the workspace at start, reruns the forecast on every
 * change of the model, autosaves changes (debounced) through the host, and handles menu commands.
 */
export class Session {
  private readonly runner: ForecastRunner;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void)[] = [];
  readonly exports: Exports;
  /** One worker per kind of analysis, so a comparison does not cancel a sensitivity run. */
  readonly analyses = { compare: new AnalysisRunner(), sensitivity: new AnalysisRunner(), gap: new AnalysisRunner(), contributions: new AnalysisRunner(), backtest: new AnalysisRunner() };

  constructor(readonly api: ForecastAppApi) {
    this.exports = new Exports(api, __APP_VERSION__, new AnalysisRunner());
    const store = useAppStore.getState;
    this.runner = new ForecastRunner({
      onProgress: (result, charts, done, total) => store().runProgress(result, charts, done, total),
      onDone: (result, charts) => store().runDone(result, charts),
      onInvalid: (problems) => store().runInvalid(problems),
    });
    this.unsubscribe.push(
      useAppStore.subscribe((state, previous) => {
        if (state.document !== previous.document && state.document) {
          this.runForecast();
          if (state.saveState === 'unsaved') this.scheduleSave();
        }
        if (state.trials !== previous.trials || state.seed !== previous.seed) this.runForecast();
      }),
      api.onMenuCommand((command) => void this.command(command)),
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

  async open(id: string): Promise<void> {
    await this.flushSave();
    const store = useAppStore.getState();
    const opened = await this.api.openWorkspace(id);
    if (!opened.ok) return store.addNotice('error', `This workspace could not be opened. ${formatProblems(opened.problems)}`);
    const { document, recovery, migrated } = opened.value;
    if (recovery) {
      store.addNotice('warning', `The saved file of “${document.name ?? id}” was damaged (${recovery.reason}). The app restored your most recent backup (${recovery.restoredFrom}); the damaged file was kept at ${recovery.movedAsideTo}.`);
    }
    if (migrated.length > 0) store.addNotice('info', `This workspace was updated to the current file format (${migrated.join('; ')}). A copy of the original was kept.`);
    store.showWorkspace(id, document);
  }

  runForecast(): void {
    const { document, trials, seed, runStarted } = useAppStore.getState();
    if (!document) return;
    runStarted();
    this.runner.run(document, trials, seed);
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flushSave(), AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is waiting to be saved. */
  async flushSave(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const { workspaceId, document, saveState, setSaveState } = useAppStore.getState();
    if (!workspaceId || !document || saveState === 'saved') return;
    setSaveState('saving');
    const saved = await this.api.saveWorkspace(workspaceId, document);
    // An edit made while saving leaves the state "unsaved" and schedules its own save.
    if (useAppStore.getState().document !== document) return;
    if (saved.ok) setSaveState('saved');
    else setSaveState('failed', formatProblems(saved.problems));
  }

  async command(command: MenuCommand): Promise<void> {
    const store = useAppStore.getState();
    if (command === 'undo') return store.undo();
    if (command === 'redo') return store.redo();
    if (command === 'new') {
      const created = await this.api.createWorkspace({ name: 'New workspace', document: { ...SAMPLE_WORKSPACE, deals: [], name: 'New workspace' } });
      if (created.ok) await this.open(created.value.id);
      else store.addNotice('error', formatProblems(created.problems));
      return;
    }
    if (command === 'open') {
      const imported = await this.api.importModelFile();
      if (!imported.ok) return store.addNotice('error', `That file could not be opened:\n${formatProblems(imported.problems)}`);
      if (imported.value) await this.open(imported.value.id);
      return;
    }
    if (command === 'saveAs' && store.workspaceId) {
      await this.flushSave();
      const saved = await this.api.exportModelFile(store.workspaceId);
      if (!saved.ok) store.addNotice('error', formatProblems(saved.problems));
      else if (saved.value) store.addNotice('info', `Saved a copy as ${saved.value.location}.`);
      return;
    }
    if (command === 'importCsv') return store.openDialog('importCsv');
    if (command === 'export') return store.openDialog('export');
  }

  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.runner.dispose();
    for (const runner of Object.values(this.analyses)) runner.dispose();
  }
}
