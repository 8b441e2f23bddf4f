import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, formatProblems, ok, type Result } from '../shared/result.ts';
import {
  conflictMessage,
  readValidWorkspaceText,
  readWorkspaceText,
  versionOfText,
  WORKSPACE_EXTENSION,
  WORKSPACE_ID_PATTERN,
  WORKSPACE_VERSION,
  workspaceIdFor,
  workspaceText,
  type OpenedWorkspace,
  type SaveOutcome,
  type WorkspaceSummary,
} from '../shared/workspace/document.ts';
import { valueDepthExceeds, MAX_NESTING_DEPTH } from '../shared/workspace/nesting.ts';
import { readableModel } from '../shared/workspace/readable-model.ts';
import { isExpired, parseTrashId, trashEntry, trashIdFor, type TrashEntry } from '../shared/workspace/trash.ts';
import type { ForecastModel } from '../shared/model/schema.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { BACKUP_MIN_SPACING_MS, backupName, backupsToPrune, parseBackupName, type BackupEntry } from './backups.ts';
import { errorCode, writeFailure } from './disk-errors.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { readRegularFile } from './safe-read.ts';

/** The file operations the store writes through; tests swap in one that fails like a full disk. */
export interface StoreWrites {
  writeAtomic(path: string, data: string): Promise<void>;
}

/** What the store last wrote or read for a workspace, so a save needs no read when nothing changed on disk. */
interface KnownFile {
  revision: number;
  mtimeMs: number;
  size: number;
  ino: number;
}

const TEMPORARY_FILE = /^\..+\.tmp$/;

/**
 * Workspace documents on disk, written by the main process only:
 *   <root>/<id>.forecast.json                  the workspace (with its revision number)
 *   <root>/backups/<id>/rolling-<t>.json        rolling backups while the user works
 *   <root>/backups/<id>/pre-migration-<t>.json  a copy made before any migration
 *   <root>/backups/<id>/overwritten-<t>.json    a file that was not readable when a save replaced it
 *   <root>/damaged/<id>-<t>.forecast.json       unreadable files, moved aside, never deleted
 *   <root>/trash/<id>--<t>.forecast.json        deleted workspaces, restorable for 30 days
 * Every change of one workspace runs in its queue, one at a time, in the order asked.
 */
export class WorkspaceStore {
  private readonly queue = new KeyedQueue();
  private readonly known = new Map<string, KnownFile>();

  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
    private readonly writes: StoreWrites = { writeAtomic: (path, data) => writeFileAtomic(path, data) },
  ) {}

  private file(id: string): string {
    return join(this.root, `${id}${WORKSPACE_EXTENSION}`);
  }

  private backupFolder(id: string): string {
    return join(this.root, 'backups', id);
  }

  private trashFile(trashId: string): string {
    return join(this.root, 'trash', `${trashId}${WORKSPACE_EXTENSION}`);
  }

  private async ensureRoot(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
  }

  /** Every workspace file, newest first. A bad entry (a link to nowhere, a loop, a FIFO, a folder) is skipped, never waited on. */
  async list(): Promise<Result<WorkspaceSummary[]>> {
    try {
      await this.ensureRoot();
    } catch (error) {
      return fail(writeFailure(error));
    }
    const summaries: WorkspaceSummary[] = [];
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      if (!name.endsWith(WORKSPACE_EXTENSION)) continue;
      const id = name.slice(0, -WORKSPACE_EXTENSION.length);
      if (!WORKSPACE_ID_PATTERN.test(id)) continue;
      const summary = await this.summaryOf(id, this.file(id));
      if (summary) summaries.push(summary);
    }
    return ok(summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
  }

  private async summaryOf(id: string, path: string): Promise<WorkspaceSummary | null> {
    const kind = await lstat(path).catch(() => null);
    if (!kind || !(kind.isFile() || kind.isSymbolicLink())) return null;
    const read = await readRegularFile(path);
    if (!read.ok) return read.reason === 'permission' ? { id, name: `${id} (cannot be read: permission denied)`, asOf: null, updatedAt: kind.mtime.toISOString(), damaged: true } : null;
    const parsed = readWorkspaceText(read.text);
    const updatedAt = read.mtime.toISOString();
    if (!parsed.ok) {
      const newer = (versionOfText(read.text) ?? 0) > WORKSPACE_VERSION;
      return { id, name: newer ? `${id} (saved by a newer version of the app)` : `${id} (damaged: will be restored from a backup when opened)`, asOf: null, updatedAt, damaged: true };
    }
    const document = parsed.value.document;
    return { id, name: document.name?.trim() ? document.name : id, asOf: document.asOf, updatedAt };
  }

  async create(name: string, document: unknown): Promise<Result<WorkspaceSummary>> {
    const readable = this.checkedDocument(typeof document === 'object' && document !== null ? { ...document, name } : document);
    if (!readable.ok) return readable;
    const id = workspaceIdFor(name, randomBytes(3).toString('hex'));
    return this.queue.run(id, async () => {
      try {
        await this.ensureRoot();
        await this.writeWorkspace(id, readable.value, 0);
      } catch (error) {
        return fail(writeFailure(error));
      }
      return ok({ id, name, asOf: readable.value.asOf, updatedAt: new Date(this.now()).toISOString() });
    });
  }

  /** A document from the renderer is kept as the user sees it, problems included, if it has the model's shape. */
  private checkedDocument(document: unknown): Result<ForecastModel> {
    if (valueDepthExceeds(document)) return fail([{ path: '', message: `the workspace is nested more than ${MAX_NESTING_DEPTH} levels deep and cannot be saved` }]);
    const readable = readableModel(document);
    return readable.ok ? ok(readable.value.document) : readable;
  }

  /**
   * Saves the document as the user sees it (problems included) as the next revision, unless the file
   * moved on since `baseRevision` (another window saved it): then nothing is written and the outcome
   * says so. Files this app cannot read are backed up before they are replaced; a newer format is never replaced.
   */
  save(id: string, document: unknown, baseRevision: number): Promise<Result<SaveOutcome>> {
    const checked = this.checkedDocument(document);
    if (!checked.ok) return Promise.resolve(checked);
    return this.queue.run(id, async () => {
      try {
        await this.ensureRoot();
        const current = await this.currentFile(id);
        if (current.kind === 'refuse') return fail([{ path: id, message: current.message }]);
        if (current.kind === 'known' && current.revision !== baseRevision) {
          return ok({ status: 'conflict' as const, revision: current.revision, message: conflictMessage(checked.value.name ?? id) });
        }
        if (current.kind === 'unknown') await this.backup(id, 'overwritten', current.text);
        else if (current.kind === 'known') await this.rollingBackupIfDue(id, current.text);
        const revision = baseRevision + 1;
        await this.writeWorkspace(id, checked.value, revision);
        return ok({ status: 'saved' as const, revision, updatedAt: new Date(this.now()).toISOString() });
      } catch (error) {
        return fail(writeFailure(error, id));
      }
    });
  }

  /**
   * The file as it is now. When it is exactly the file this store last wrote or read (same inode, size
   * and time), its revision is known without reading it; the text is then read only if a backup is due.
   */
  private async currentFile(id: string): Promise<
    | { kind: 'missing' }
    | { kind: 'known'; revision: number; text: (() => Promise<string | null>) }
    | { kind: 'unknown'; text: string }
    | { kind: 'refuse'; message: string }
  > {
    const path = this.file(id);
    const info = await stat(path).catch(() => null);
    const cached = this.known.get(id);
    if (info && cached && info.isFile() && info.ino === cached.ino && info.size === cached.size && info.mtimeMs === cached.mtimeMs) {
      return { kind: 'known', revision: cached.revision, text: async () => { const r = await readRegularFile(path); return r.ok ? r.text : null; } };
    }
    const read = await readRegularFile(path);
    if (!read.ok) {
      if (read.reason === 'missing') return { kind: 'missing' };
      if (read.reason === 'permission') return { kind: 'refuse', message: 'the workspace file cannot be read (permission denied), so it was not replaced; check its permissions' };
      if (read.reason === 'not-a-file') return { kind: 'refuse', message: 'the workspace path is not a regular file, so nothing was written over it' };
      return { kind: 'refuse', message: `the workspace file cannot be read (${read.code ?? 'unknown error'}), so it was not replaced` };
    }
    if ((versionOfText(read.text) ?? 0) > WORKSPACE_VERSION) {
      return { kind: 'refuse', message: 'this workspace was saved by a newer version of the app; update the app to change it (the file was not changed)' };
    }
    const parsed = readWorkspaceText(read.text);
    if (!parsed.ok) return { kind: 'unknown', text: read.text };
    this.known.set(id, { revision: parsed.value.revision, mtimeMs: read.mtime.getTime(), size: read.size, ino: read.ino });
    const text = read.text;
    return { kind: 'known', revision: parsed.value.revision, text: async () => text };
  }

  private async writeWorkspace(id: string, document: ForecastModel, revision: number): Promise<void> {
    const path = this.file(id);
    await this.writes.writeAtomic(path, workspaceText(document, revision));
    const info = await stat(path);
    this.known.set(id, { revision, mtimeMs: info.mtimeMs, size: info.size, ino: info.ino });
  }

  async open(id: string): Promise<Result<OpenedWorkspace>> {
    return this.queue.run(id, () => this.openNow(id));
  }

  private async openNow(id: string): Promise<Result<OpenedWorkspace>> {
    const path = this.file(id);
    const read = await readRegularFile(path);
    if (!read.ok) {
      if (read.reason === 'missing') return fail([{ path: id, message: 'there is no workspace with this id' }]);
      // Never replace a file just because this app may not read it: the user can fix the permissions.
      if (read.reason === 'permission') return fail([{ path: id, message: `the workspace file cannot be read: permission denied. It was left as it is at ${path}; check its permissions.` }]);
      if (read.reason === 'not-a-file') return fail([{ path: id, message: `${path} is not a regular file, so it cannot be opened as a workspace; it was left as it is.` }]);
      return fail([{ path: id, message: `the workspace file cannot be read (${read.code ?? 'unknown error'}); it was left as it is at ${path}.` }]);
    }
    if ((versionOfText(read.text) ?? 0) > WORKSPACE_VERSION) {
      return fail([{ path: 'version', message: 'this file was saved by a newer version of the app. Update the app to open it; the file was not changed.' }]);
    }
    const parsed = readWorkspaceText(read.text);
    if (!parsed.ok) return this.recover(id, formatProblems(parsed.problems));
    let { revision } = parsed.value;
    try {
      if (parsed.value.migrated.length > 0) {
        await this.backup(id, 'pre-migration', read.text);
        revision += 1;
        await this.writeWorkspace(id, parsed.value.document, revision);
      } else {
        this.known.set(id, { revision, mtimeMs: read.mtime.getTime(), size: read.size, ino: read.ino });
      }
    } catch (error) {
      return fail(writeFailure(error, id));
    }
    const { document, problems, migrated } = parsed.value;
    return ok({ id, document, problems, revision, updatedAt: read.mtime.toISOString(), recovery: null, migrated });
  }

  /**
   * A damaged file: the newest good backup is written in its place first (an atomic replace), and
   * only then is the damaged file's entry moved into `damaged/`, so a failure at any step (a full
   * disk) leaves the workspace where it was. Without a good backup the damaged file is moved aside and the user told where.
   */
  private async recover(id: string, reason: string): Promise<Result<OpenedWorkspace>> {
    const path = this.file(id);
    const damagedFolder = join(this.root, 'damaged');
    const movedAsideTo = join(damagedFolder, `${id}-${this.now()}${WORKSPACE_EXTENSION}`);
    try {
      await mkdir(damagedFolder, { recursive: true, mode: 0o700 });
      for (const backup of await this.backupsNewestFirst(id)) {
        const backupRead = await readRegularFile(join(this.backupFolder(id), backup));
        const read = backupRead.ok ? readWorkspaceText(backupRead.text) : null;
        if (!read?.ok) continue;
        // Keep the damaged bytes first (a second name for the same file costs no space), then replace.
        await keepCopy(path, movedAsideTo);
        const revision = read.value.revision + 1;
        try {
          await this.writeWorkspace(id, read.value.document, revision);
        } catch (error) {
          await rm(movedAsideTo, { force: true });
          throw error;
        }
        return ok({ id, document: read.value.document, problems: read.value.problems, revision, updatedAt: new Date(this.now()).toISOString(), recovery: { reason, restoredFrom: backup, movedAsideTo }, migrated: read.value.migrated });
      }
      await rename(path, movedAsideTo);
    } catch (error) {
      return fail([{ path: id, message: `the workspace file is damaged (${reason}) and could not be repaired now: ${writeFailure(error)[0]?.message ?? ''} The file was left where it was; try again.` }]);
    }
    return fail([{ path: id, message: `the workspace file was damaged (${reason}) and no good backup was found. The damaged file was kept at ${movedAsideTo}.` }]);
  }

  /** Reads a model file the user picked (Open…) into a new workspace named after the file; the original is not changed. */
  async importText(text: string, fileName: string): Promise<Result<WorkspaceSummary>> {
    const read = readValidWorkspaceText(text);
    if (!read.ok) return read;
    return this.create(fileName, read.value.document);
  }

  async rename(id: string, name: string): Promise<Result<WorkspaceSummary>> {
    const opened = await this.open(id);
    if (!opened.ok) return opened;
    const saved = await this.save(id, { ...opened.value.document, name }, opened.value.revision);
    if (!saved.ok) return saved;
    if (saved.value.status === 'conflict') return fail([{ path: id, message: saved.value.message }]);
    return ok({ id, name, asOf: opened.value.document.asOf, updatedAt: saved.value.updatedAt });
  }

  async duplicate(id: string, name: string): Promise<Result<WorkspaceSummary>> {
    const opened = await this.open(id);
    if (!opened.ok) return opened;
    return this.create(name, opened.value.document);
  }

  /** Moves the workspace to the trash (its backups stay), where it can be restored for 30 days. */
  delete(id: string): Promise<Result<TrashEntry>> {
    return this.queue.run(id, async () => {
      const trashId = trashIdFor(id, this.now());
      const summary = await this.summaryOf(id, this.file(id));
      try {
        await mkdir(join(this.root, 'trash'), { recursive: true, mode: 0o700 });
        await rename(this.file(id), this.trashFile(trashId));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return fail([{ path: id, message: 'there is no workspace with this id' }]);
        return fail(writeFailure(error, id));
      }
      this.known.delete(id);
      const entry = trashEntry(trashId, summary?.name ?? id);
      return entry ? ok(entry) : fail([{ path: id, message: 'is not a workspace id' }]);
    });
  }

  /** The trash, newest first; entries older than 30 days are removed for good here. */
  async listTrash(): Promise<Result<TrashEntry[]>> {
    const folder = join(this.root, 'trash');
    const entries: TrashEntry[] = [];
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const trashId = name.endsWith(WORKSPACE_EXTENSION) ? name.slice(0, -WORKSPACE_EXTENSION.length) : '';
      const parsed = parseTrashId(trashId);
      if (!parsed) continue;
      if (isExpired(parsed.deletedAtMs, this.now())) {
        await rm(join(folder, name), { force: true }).catch(() => undefined);
        continue;
      }
      const summary = await this.summaryOf(parsed.id, join(folder, name));
      const entry = summary ? trashEntry(trashId, summary.name) : null;
      if (entry) entries.push(entry);
    }
    return ok(entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)));
  }

  /** Puts a deleted workspace back under its id (or a new id if that one is taken again). */
  async restore(trashId: string): Promise<Result<WorkspaceSummary>> {
    const parsed = parseTrashId(trashId);
    if (!parsed) return fail([{ path: trashId, message: 'is not in the trash' }]);
    const taken = await lstat(this.file(parsed.id)).then(() => true, () => false);
    const id = taken ? workspaceIdFor(parsed.id.replace(/-[0-9a-f]{6}$/, ''), randomBytes(3).toString('hex')) : parsed.id;
    return this.queue.run(id, async () => {
      try {
        await this.ensureRoot();
        await rename(this.trashFile(trashId), this.file(id));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return fail([{ path: trashId, message: 'is no longer in the trash' }]);
        return fail(writeFailure(error, id));
      }
      const summary = await this.summaryOf(id, this.file(id));
      return summary ? ok(summary) : fail([{ path: id, message: 'was restored but cannot be read' }]);
    });
  }

  /** Removes temporary files that an interrupted write (a crash, a power cut) left behind. Run at start. */
  async cleanTemporaryFiles(): Promise<number> {
    const folders = [this.root, join(this.root, 'trash'), join(this.root, 'damaged')];
    for (const id of await readdir(join(this.root, 'backups')).catch(() => [] as string[])) folders.push(this.backupFolder(id));
    let removed = 0;
    for (const folder of folders) {
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!TEMPORARY_FILE.test(name)) continue;
        await rm(join(folder, name), { force: true }).then(() => removed++, () => undefined);
      }
    }
    return removed;
  }

  private async backupsNewestFirst(id: string): Promise<string[]> {
    const names = await readdir(this.backupFolder(id)).catch(() => [] as string[]);
    return names
      .map(parseBackupName)
      .filter((e) => e !== null)
      .sort((a, b) => b.time - a.time)
      .map((e) => e.name);
  }

  /** Decides from the backups' names whether a rolling copy is due; only then reads the current file. */
  private async rollingBackupIfDue(id: string, currentText: () => Promise<string | null>): Promise<void> {
    const newest = (await this.backupsNewestFirst(id)).map(parseBackupName).find((e) => e?.kind === 'rolling');
    if (newest && this.now() - newest.time < BACKUP_MIN_SPACING_MS) return;
    const text = await currentText();
    if (text !== null) await this.backup(id, 'rolling', text);
  }

  private async backup(id: string, kind: BackupEntry['kind'], text: string): Promise<void> {
    const folder = this.backupFolder(id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await this.writes.writeAtomic(join(folder, backupName(kind, this.now())), text);
    const entries = (await readdir(folder)).map(parseBackupName).filter((e) => e !== null);
    for (const entry of backupsToPrune(entries, this.now())) await rm(join(folder, entry.name), { force: true });
  }
}

/** A second name for a file (no space needed), or a copy where the file system has no hard links. */
async function keepCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw error;
    await copyFile(from, to);
  }
}
