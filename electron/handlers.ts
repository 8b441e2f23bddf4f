import { basename, join } from 'node:path';
import type { IpcHandlers } from '../shared/ipc/contract.ts';
import { fail, ok } from '../shared/result.ts';
import { WORKSPACE_EXTENSION } from '../shared/workspace/document.ts';
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

export interface HandlerDependencies {
  store: WorkspaceStore;
  preferences: Preferences;
  dialogs: Dialogs;
  files: FileAccess;
  /** Messages for the user gathered at start-up (e.g. preferences reset). */
  startupNotices: string[];
}

/** The main process's side of the IPC contract. Arguments arrive already validated. */
export function createHandlers(deps: HandlerDependencies): IpcHandlers {
  const { store, preferences, dialogs, files } = deps;
  return {
    getStartupState: async () => ok({ lastWorkspaceId: preferences.lastWorkspaceId, notices: deps.startupNotices.splice(0) }),
    listWorkspaces: async () => ok(await store.list()),
    openWorkspace: async (id) => {
      const opened = await store.open(id);
      if (opened.ok) preferences.lastWorkspaceId = id;
      return opened;
    },
    createWorkspace: async ({ name, document }) => store.create(name, document),
    saveWorkspace: async (id, document) => store.save(id, document),
    deleteWorkspace: async (id) => {
      if (preferences.lastWorkspaceId === id) preferences.lastWorkspaceId = null;
      return store.delete(id);
    },
    importModelFile: async () => {
      const path = await dialogs.chooseFileToOpen();
      if (!path) return ok(null);
      let text: string;
      try {
        text = await files.readText(path);
      } catch (error) {
        return fail([{ path, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
      }
      const imported = await store.importText(text, basename(path).replace(/\.forecast\.json$|\.json$/i, ''));
      if (!imported.ok) return fail(imported.problems.map((p) => ({ path: p.path ? `${basename(path)}: ${p.path}` : basename(path), message: p.message })));
      preferences.addRecentFile(path);
      return imported;
    },
    exportModelFile: async (id) => {
      const text = await store.exportText(id);
      if (!text.ok) return text;
      const path = await dialogs.chooseSaveLocation(`${id}${WORKSPACE_EXTENSION}`);
      if (!path) return ok(null);
      await files.write(path, text.value);
      preferences.addRecentFile(path);
      return ok({ location: path });
    },
    saveExport: async ({ suggestedName, data }) => {
      const path = await dialogs.chooseSaveLocation(suggestedName);
      if (!path) return ok(null);
      await files.write(path, data);
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
