import { basename, join } from 'node:path';
import type { IpcHandlers } from '../shared/ipc/contract.ts';
import { validateModel } from '../shared/model/validate.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { copyFileName, workspaceText, type WorkspaceSummary } from '../shared/workspace/document.ts';
import { writeFailure } from './disk-errors.ts';
import type { Preferences } from './preferences.ts';
import type { WorkspaceStore } from './workspace-store.ts';

/** Native dialogs, passed in so the handlers run in plain Node tests. */
export interface Dialogs {
  /** A model file to open, or null if cancelled. */
  chooseFileToOpen(): Promise<string | null>;
  /** Where to save a file, or null if cancelled. */
  chooseSaveLocation(suggestedName: string): Promise<string | null>;
  /** A folder to export into, or null if cancelled. */
  chooseFolder(): Promise<string | null>;
}

export interface FileAccess {
  readText(path: string): Promise<string>;
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Creates a new, empty folder; false when something of that name already exists. */
  createFolder(path: string): Promise<boolean>;
  /** Removes a folder this app created, with what is in it. */
  removeFolder(path: string): Promise<void>;
}

/** The app's own page, printed with its print stylesheet (the one-page forecast summary). */
export interface PagePrinter {
  printToPdf(): Promise<Uint8Array>;
}

export interface HandlerDependencies {
  store: WorkspaceStore;
  preferences: Preferences;
  dialogs: Dialogs;
  files: FileAccess;
  page: PagePrinter;
  /** Messages for the user gathered at start-up (e.g. preferences reset). */
  startupNotices: string[];
}

/** The main process's side of the IPC contract. Arguments arrive already validated. */
export function createHandlers(deps: HandlerDependencies): IpcHandlers {
  const { store, preferences, dialogs, files } = deps;
  return {
    getStartupState: async () => ok({ lastWorkspaceId: preferences.lastWorkspaceId, notices: [...deps.startupNotices.splice(0), ...preferences.takeWriteProblems()] }),
    listWorkspaces: async () => store.list(),
    openWorkspace: async (id) => {
      const opened = await store.open(id);
      // Preferences that cannot be written never stop a workspace from opening (see Preferences).
      if (opened.ok) preferences.lastWorkspaceId = id;
      return opened;
    },
    createWorkspace: async ({ name, document }) => store.create(name, document),
    saveWorkspace: async (id, document, baseRevision) => store.save(id, document, baseRevision),
    renameWorkspace: async (id, name) => store.rename(id, name),
    duplicateWorkspace: async (id) => {
      const list = await store.list();
      const name = (list.ok ? list.value.find((w) => w.id === id)?.name : null) ?? id;
      return store.duplicate(id, `Copy of ${name}`);
    },
    deleteWorkspace: async (id) => {
      if (preferences.lastWorkspaceId === id) preferences.lastWorkspaceId = null;
      return store.delete(id);
    },
    listTrash: async () => store.listTrash(),
    restoreWorkspace: async (trashId) => store.restore(trashId),
    importModelFile: async () => {
      const path = await dialogs.chooseFileToOpen();
      if (!path) return ok(null);
      return importFile(deps, path);
    },
    exportModelFile: async (document) => {
      const valid = validateModel(document);
      if (!valid.ok) return fail(valid.problems);
      const path = await dialogs.chooseSaveLocation(copyFileName(valid.value.name));
      if (!path) return ok(null);
      try {
        await files.write(path, workspaceText(valid.value));
      } catch (error) {
        return fail(writeFailure(error, basename(path)));
      }
      preferences.addRecentFile(path);
      return ok({ location: path });
    },
    saveExport: async ({ suggestedName, data }) => {
      const path = await dialogs.chooseSaveLocation(suggestedName);
      if (!path) return ok(null);
      try {
        await files.write(path, data);
      } catch (error) {
        return fail(writeFailure(error, basename(path)));
      }
      return ok({ location: path });
    },
    printSummaryPdf: async ({ suggestedName }) => {
      // Printed first, so the PDF shows the page as it was when the user asked, not after the dialog.
      const pdf = await deps.page.printToPdf();
      const path = await dialogs.chooseSaveLocation(suggestedName);
      if (!path) return ok(null);
      try {
        await files.write(path, pdf);
      } catch (error) {
        return fail(writeFailure(error, basename(path)));
      }
      return ok({ location: path });
    },
    saveExportFolder: async ({ folderName, files: exports }) => {
      const parent = await dialogs.chooseFolder();
      if (!parent) return ok(null);
      // Never write into an existing folder: a board pack is always a new folder of its own.
      let folder: string | null = null;
      for (let n = 1; n <= 100 && !folder; n++) {
        const candidate = join(parent, n === 1 ? folderName : `${folderName} (${n})`);
        if (await files.createFolder(candidate)) folder = candidate;
      }
      if (!folder) return fail([{ path: parent, message: `already holds 100 folders named "${folderName}"; choose another folder` }]);
      try {
        for (const file of exports) await files.write(join(folder, file.suggestedName), file.data);
      } catch (error) {
        // All or nothing: a half-written pack would be mistaken for a whole one.
        await files.removeFolder(folder);
        return fail([{ path: folder, message: `could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was saved` }]);
      }
      return ok({ location: folder });
    },
  };
}

/** A workspace's name from the file it came from: "Q3 board.forecast.json" → "Q3 board". */
export const nameFromFile = (path: string) => basename(path).replace(/\.forecast\.json$|\.json$/i, '') || 'Opened file';

/** Adds a model file as a new workspace under the file's name, and remembers it among the recent files. */
async function importFile(deps: HandlerDependencies, path: string): Promise<Result<WorkspaceSummary>> {
  let text: string;
  try {
    text = await deps.files.readText(path);
  } catch (error) {
    return fail([{ path: basename(path), message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const imported = await deps.store.importText(text, nameFromFile(path));
  if (!imported.ok) return fail(imported.problems.map((p) => ({ path: p.path ? `${basename(path)}: ${p.path}` : basename(path), message: p.message })));
  deps.preferences.addRecentFile(path, imported.value.id);
  return imported;
}

/**
 * A recent file chosen from the File menu: the workspace it was added as, if that is still there,
 * else the file is added again. Returns the workspace id to show.
 */
export async function openRecentFile(deps: HandlerDependencies, path: string): Promise<Result<string>> {
  const known = deps.preferences.workspaceForFile(path);
  const list = await deps.store.list();
  if (known && list.ok && list.value.some((w) => w.id === known)) return ok(known);
  const imported = await importFile(deps, path);
  return imported.ok ? ok(imported.value.id) : imported;
}
