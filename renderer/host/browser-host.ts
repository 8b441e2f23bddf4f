import { zipSync } from 'fflate';
import { apiFromHandlers } from '../../shared/ipc/dispatch.ts';
import type { ForecastAppApi, IpcHandlers } from '../../shared/ipc/contract.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import {
  conflictMessage,
  copyFileName,
  readValidWorkspaceText,
  readWorkspaceText,
  workspaceIdFor,
  workspaceText,
  type ReadWorkspace,
  type SaveOutcome,
  type WorkspaceSummary,
} from '../../shared/workspace/document.ts';
import { valueDepthExceeds } from '../../shared/workspace/nesting.ts';
import { readableModel } from '../../shared/workspace/readable-model.ts';
import { isExpired, parseTrashId, trashEntry, trashIdFor } from '../../shared/workspace/trash.ts';
import { openKeyValueDatabase, type KeyValueDatabase } from './idb.ts';

/** What the browser offers instead of native dialogs. */
export interface BrowserFiles {
  /** Lets the user pick a file; null when cancelled. */
  pickFile(accept: string): Promise<{ name: string; text: string } | null>;
  /** Hands a file to the browser as a download. */
  download(name: string, data: string | Uint8Array): void;
  /** Opens the browser's print dialog (where "Save as PDF" is one of the printers). */
  print(): void;
}

interface StoredWorkspace {
  id: string;
  document: unknown;
  updatedAt: string;
  /** Counts saves; a save based on an older revision is refused (another tab saved meanwhile). */
  revision?: number;
}

interface TrashedWorkspace extends StoredWorkspace {
  trashId: string;
}

const WORKSPACES = 'workspaces';
const META = 'meta';
const TRASH = 'trash';

/**
 * The same `forecastApp` interface in a plain browser: workspaces in IndexedDB, files through the
 * file picker and downloads. Every call goes through the same argument validation as Electron's IPC.
 */
export async function createBrowserHost(factory: IDBFactory, files: BrowserFiles, databaseName = 'topdown-forecast', now: () => number = Date.now): Promise<ForecastAppApi> {
  const db = await openKeyValueDatabase(factory, databaseName, [WORKSPACES, META, TRASH]);
  return apiFromHandlers(browserHandlers(db, files, now), 'browser');
}

const nameOf = (document: unknown, fallback: string): string => {
  const name = (document as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name : fallback;
};
const asOfOf = (document: unknown): string | null => {
  const asOf = (document as { asOf?: unknown } | null)?.asOf;
  return typeof asOf === 'string' ? asOf : null;
};

function browserHandlers(db: KeyValueDatabase, files: BrowserFiles, now: () => number): IpcHandlers {
  let counter = 0;
  const summary = (stored: StoredWorkspace): WorkspaceSummary => ({ id: stored.id, name: nameOf(stored.document, stored.id), asOf: asOfOf(stored.document), updatedAt: stored.updatedAt });
  const create = async (name: string, document: unknown): Promise<Result<WorkspaceSummary>> => {
    if (valueDepthExceeds(document)) return fail([{ path: '', message: 'the workspace is nested too deeply to be saved' }]);
    const readable = readableModel(typeof document === 'object' && document !== null ? { ...document, name } : document);
    if (!readable.ok) return readable;
    const id = workspaceIdFor(name, `${now().toString(36)}${(counter++).toString(36)}`);
    const { revision: _drop, ...model } = readable.value.document;
    const stored: StoredWorkspace = { id, document: model, updatedAt: new Date(now()).toISOString(), revision: 0 };
    await db.put(WORKSPACES, id, stored);
    return ok(summary(stored));
  };
  const openStored = async (id: string) => {
    const stored = await db.get<StoredWorkspace>(WORKSPACES, id);
    if (!stored) return fail<{ stored: StoredWorkspace; read: ReadWorkspace }>([{ path: id, message: 'there is no workspace with this id' }]);
    const read = readWorkspaceText(JSON.stringify(stored.document));
    return read.ok ? ok({ stored, read: read.value }) : read;
  };
  const trashEntries = async (): Promise<TrashedWorkspace[]> => {
    const all = await db.getAll<TrashedWorkspace>(TRASH);
    const kept: TrashedWorkspace[] = [];
    for (const entry of all) {
      const parsed = parseTrashId(entry.trashId);
      if (parsed && isExpired(parsed.deletedAtMs, now())) await db.delete(TRASH, entry.trashId);
      else kept.push(entry);
    }
    return kept;
  };
  return {
    getStartupState: async () => ok({ lastWorkspaceId: (await db.get<string>(META, 'lastWorkspaceId')) ?? null, notices: [] }),
    listWorkspaces: async () => ok((await db.getAll<StoredWorkspace>(WORKSPACES)).map(summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
    openWorkspace: async (id) => {
      const opened = await openStored(id);
      if (!opened.ok) return opened;
      await db.put(META, 'lastWorkspaceId', id);
      const { stored, read } = opened.value;
      return ok({ id, document: read.document, problems: read.problems, revision: stored.revision ?? 0, updatedAt: stored.updatedAt, recovery: null, migrated: read.migrated });
    },
    createWorkspace: async ({ name, document }) => create(name, document),
    saveWorkspace: async (id, document, baseRevision) => {
      if (valueDepthExceeds(document)) return fail([{ path: id, message: 'the workspace is nested too deeply to be saved' }]);
      const readable = readableModel(document);
      if (!readable.ok) return readable;
      const { revision: _drop, ...model } = readable.value.document;
      const updatedAt = new Date(now()).toISOString();
      const outcome = await db.update<StoredWorkspace, SaveOutcome>(WORKSPACES, id, (current) => {
        const revision = current?.revision ?? 0;
        if (current && revision !== baseRevision) return { value: undefined, result: { status: 'conflict', revision, message: conflictMessage(nameOf(model, id)) } };
        return { value: { id, document: model, updatedAt, revision: baseRevision + 1 }, result: { status: 'saved', revision: baseRevision + 1, updatedAt } };
      });
      return ok(outcome);
    },
    renameWorkspace: async (id, name) => {
      const stored = await db.get<StoredWorkspace>(WORKSPACES, id);
      if (!stored) return fail([{ path: id, message: 'there is no workspace with this id' }]);
      const renamed: StoredWorkspace = { ...stored, document: { ...(stored.document as object), name }, updatedAt: new Date(now()).toISOString(), revision: (stored.revision ?? 0) + 1 };
      await db.put(WORKSPACES, id, renamed);
      return ok(summary(renamed));
    },
    duplicateWorkspace: async (id) => {
      const opened = await openStored(id);
      if (!opened.ok) return opened;
      return create(`Copy of ${nameOf(opened.value.stored.document, id)}`, opened.value.read.document);
    },
    deleteWorkspace: async (id) => {
      const stored = await db.get<StoredWorkspace>(WORKSPACES, id);
      if (!stored) return fail([{ path: id, message: 'there is no workspace with this id' }]);
      const trashId = trashIdFor(id, now());
      await db.put(TRASH, trashId, { ...stored, trashId } satisfies TrashedWorkspace);
      await db.delete(WORKSPACES, id);
      if ((await db.get<string>(META, 'lastWorkspaceId')) === id) await db.delete(META, 'lastWorkspaceId');
      const entry = trashEntry(trashId, nameOf(stored.document, id));
      return entry ? ok(entry) : fail([{ path: id, message: 'is not a workspace id' }]);
    },
    listTrash: async () =>
      ok(
        (await trashEntries())
          .map((t) => trashEntry(t.trashId, nameOf(t.document, t.id)))
          .filter((e) => e !== null)
          .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)),
      ),
    restoreWorkspace: async (trashId) => {
      const trashed = await db.get<TrashedWorkspace>(TRASH, trashId);
      if (!trashed) return fail([{ path: trashId, message: 'is no longer in the trash' }]);
      const taken = (await db.get<StoredWorkspace>(WORKSPACES, trashed.id)) !== undefined;
      const id = taken ? workspaceIdFor(nameOf(trashed.document, trashed.id), `${now().toString(36)}${(counter++).toString(36)}`) : trashed.id;
      const { trashId: _drop, ...stored } = trashed;
      const restored: StoredWorkspace = { ...stored, id };
      await db.put(WORKSPACES, id, restored);
      await db.delete(TRASH, trashId);
      return ok(summary(restored));
    },
    importModelFile: async () => {
      const picked = await files.pickFile('.json,application/json');
      if (!picked) return ok(null);
      const read = readValidWorkspaceText(picked.text);
      if (!read.ok) return fail(read.problems.map((p) => ({ path: p.path ? `${picked.name}: ${p.path}` : picked.name, message: p.message })));
      return create(picked.name.replace(/\.forecast\.json$|\.json$/i, '') || 'Opened file', read.value.document);
    },
    exportModelFile: async (document) => {
      const valid = validateModel(document);
      if (!valid.ok) return valid;
      const name = copyFileName(valid.value.name);
      files.download(name, workspaceText(valid.value));
      return ok({ location: name });
    },
    saveExport: async ({ suggestedName, data }) => {
      files.download(suggestedName, data);
      return ok({ location: suggestedName });
    },
    // A page cannot write a PDF itself: the print dialog, with the print stylesheet, offers "Save as PDF".
    printSummaryPdf: async () => {
      files.print();
      return ok({ location: 'print dialog' });
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
