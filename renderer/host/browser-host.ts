import { zipSync } from 'fflate';
import { apiFromHandlers } from '../../shared/ipc/dispatch.ts';
import type { ForecastAppApi, IpcHandlers } from '../../shared/ipc/contract.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { fail, ok } from '../../shared/result.ts';
import { readWorkspaceText, WORKSPACE_EXTENSION, workspaceIdFor, workspaceText, type WorkspaceSummary } from '../../shared/workspace/document.ts';
import { openKeyValueDatabase, type KeyValueDatabase } from './idb.ts';

/** What the browser offers instead of native dialogs. */
export interface BrowserFiles {
  /** Lets the user pick a file; null when cancelled. */
  pickFile(accept: string): Promise<{ name: string; text: string } | null>;
  /** Hands a file to the browser as a download. */
  download(name: string, data: string | Uint8Array): void;
}

interface StoredWorkspace {
  id: string;
  document: unknown;
  updatedAt: string;
}

const WORKSPACES = 'workspaces';
const META = 'meta';

/**
 * The same `forecastApp` interface in a plain browser: workspaces in IndexedDB, files through the
 * file picker and downloads. Every call goes through the same argument validation as Electron's IPC.
 */
export async function createBrowserHost(factory: IDBFactory, files: BrowserFiles, databaseName = 'topdown-forecast'): Promise<ForecastAppApi> {
  const db = await openKeyValueDatabase(factory, databaseName, [WORKSPACES, META]);
  return apiFromHandlers(browserHandlers(db, files), 'browser');
}

function browserHandlers(db: KeyValueDatabase, files: BrowserFiles): IpcHandlers {
  let counter = 0;
  const summary = (stored: StoredWorkspace): WorkspaceSummary => {
    const name = (stored.document as { name?: unknown }).name;
    return { id: stored.id, name: typeof name === 'string' && name ? name : stored.id, updatedAt: stored.updatedAt };
  };
  const create = async (name: string, document: unknown) => {
    const valid = validateModel(typeof document === 'object' && document !== null ? { ...document, name } : document);
    if (!valid.ok) return valid;
    const id = workspaceIdFor(name, `${Date.now().toString(36)}${(counter++).toString(36)}`);
    const stored = { id, document: valid.value, updatedAt: new Date().toISOString() };
    await db.put(WORKSPACES, id, stored);
    return ok(summary(stored));
  };
  return {
    getStartupState: async () => ok({ lastWorkspaceId: (await db.get<string>(META, 'lastWorkspaceId')) ?? null, notices: [] }),
    listWorkspaces: async () => ok((await db.getAll<StoredWorkspace>(WORKSPACES)).map(summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
    openWorkspace: async (id) => {
      const stored = await db.get<StoredWorkspace>(WORKSPACES, id);
      if (!stored) return fail([{ path: id, message: 'there is no workspace with this id' }]);
      const read = readWorkspaceText(JSON.stringify(stored.document));
      if (!read.ok) return read;
      await db.put(META, 'lastWorkspaceId', id);
      return ok({ id, document: read.value.document, updatedAt: stored.updatedAt, recovery: null, migrated: read.value.migrated });
    },
    createWorkspace: async ({ name, document }) => create(name, document),
    saveWorkspace: async (id, document) => {
      const valid = validateModel(document);
      if (!valid.ok) return valid;
      const stored = { id, document: valid.value, updatedAt: new Date().toISOString() };
      await db.put(WORKSPACES, id, stored);
      return ok(summary(stored));
    },
    deleteWorkspace: async (id) => {
      await db.delete(WORKSPACES, id);
      if ((await db.get<string>(META, 'lastWorkspaceId')) === id) await db.delete(META, 'lastWorkspaceId');
      return ok(null);
    },
    importModelFile: async () => {
      const picked = await files.pickFile('.json,application/json');
      if (!picked) return ok(null);
      const read = readWorkspaceText(picked.text);
      if (!read.ok) return fail(read.problems.map((p) => ({ path: p.path ? `${picked.name}: ${p.path}` : picked.name, message: p.message })));
      return create(read.value.document.name ?? picked.name.replace(/\.forecast\.json$|\.json$/i, ''), read.value.document);
    },
    exportModelFile: async (id) => {
      const stored = await db.get<StoredWorkspace>(WORKSPACES, id);
      if (!stored) return fail([{ path: id, message: 'there is no workspace with this id' }]);
      const valid = validateModel(stored.document);
      if (!valid.ok) return valid;
      const name = `${id}${WORKSPACE_EXTENSION}`;
      files.download(name, workspaceText(valid.value));
      return ok({ location: name });
    },
    saveExport: async ({ suggestedName, data }) => {
      files.download(suggestedName, data);
      return ok({ location: suggestedName });
    },
    saveExportFolder: async ({ folderName, files: exports }) => {
      // A browser cannot write a folder; one zip download holds the same files.
      const encoder = new TextEncoder();
      const entries = Object.fromEntries(exports.map((f) => [`${folderName}/${f.suggestedName}`, typeof f.data === 'string' ? encoder.encode(f.data) : f.data]));
      const name = `${folderName}.zip`;
      files.download(name, zipSync(entries, { level: 6 }));
      return ok({ location: name });
    },
  };
}
