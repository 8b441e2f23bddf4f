import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ForecastModel } from '../shared/model/schema.ts';
import { validateModel } from '../shared/model/validate.ts';
import { fail, formatProblems, ok, type Result } from '../shared/result.ts';
import { documentVersion } from '../shared/workspace/migrations.ts';
import {
  readWorkspaceText,
  WORKSPACE_EXTENSION,
  WORKSPACE_ID_PATTERN,
  WORKSPACE_VERSION,
  workspaceIdFor,
  workspaceText,
  type OpenedWorkspace,
  type WorkspaceSummary,
} from '../shared/workspace/document.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { BACKUP_MIN_SPACING_MS, backupName, backupsToPrune, parseBackupName } from './backups.ts';

/**
 * Workspace documents on disk, written by the main process only:
 *   <root>/<id>.forecast.json              the workspace
 *   <root>/backups/<id>/rolling-<t>.json    rolling backups while the user works
 *   <root>/backups/<id>/pre-migration-<t>.json   a copy made before any migration
 *   <root>/damaged/<id>-<t>.forecast.json   unreadable files, moved aside, never deleted
 * A damaged workspace is moved aside and its newest good backup restored; the user is told.
 */
export class WorkspaceStore {
  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
  ) {}

  private file(id: string): string {
    return join(this.root, `${id}${WORKSPACE_EXTENSION}`);
  }

  private backupFolder(id: string): string {
    return join(this.root, 'backups', id);
  }

  async list(): Promise<WorkspaceSummary[]> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const names = (await readdir(this.root)).filter((n) => n.endsWith(WORKSPACE_EXTENSION));
    const summaries: WorkspaceSummary[] = [];
    for (const name of names) {
      const id = name.slice(0, -WORKSPACE_EXTENSION.length);
      if (!WORKSPACE_ID_PATTERN.test(id)) continue;
      const path = join(this.root, name);
      const info = await stat(path);
      let displayName = id;
      try {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as { name?: unknown };
        if (typeof parsed.name === 'string' && parsed.name.trim()) displayName = parsed.name;
      } catch {
        displayName = `${id} (damaged: will be restored from a backup when opened)`;
      }
      summaries.push({ id, name: displayName, updatedAt: info.mtime.toISOString() });
    }
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async create(name: string, document: unknown): Promise<Result<WorkspaceSummary>> {
    const valid = validateModel(typeof document === 'object' && document !== null ? { ...document, name } : document);
    if (!valid.ok) return valid;
    const id = workspaceIdFor(name, randomBytes(3).toString('hex'));
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file(id), workspaceText(valid.value));
    return ok({ id, name, updatedAt: new Date(this.now()).toISOString() });
  }

  async save(id: string, document: unknown): Promise<Result<WorkspaceSummary>> {
    const valid = validateModel(document);
    if (!valid.ok) return valid;
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await this.rollingBackup(id);
    await writeFileAtomic(this.file(id), workspaceText(valid.value));
    return ok({ id, name: valid.value.name ?? id, updatedAt: new Date(this.now()).toISOString() });
  }

  async delete(id: string): Promise<Result<null>> {
    // Deleting keeps the backups, so a mistaken delete can still be recovered by hand.
    await rm(this.file(id), { force: true });
    return ok(null);
  }

  async open(id: string): Promise<Result<OpenedWorkspace>> {
    const path = this.file(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail([{ path: id, message: 'there is no workspace with this id' }]);
      return this.recover(id, `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const version = safeVersion(text);
    if (version !== null && version > WORKSPACE_VERSION) {
      // A newer app's file: leave it exactly as it is.
      return readWorkspaceText(text) as Result<never>;
    }
    const read = readWorkspaceText(text);
    if (!read.ok) return this.recover(id, formatProblems(read.problems));
    if (read.value.migrated.length > 0) {
      await this.backup(id, 'pre-migration', text);
      await writeFileAtomic(path, workspaceText(read.value.document));
    }
    const info = await stat(path);
    return ok({ id, document: read.value.document, updatedAt: info.mtime.toISOString(), recovery: null, migrated: read.value.migrated });
  }

  /** Reads a model file the user picked (Open…) into a new workspace; the original is not changed. */
  async importText(text: string, fallbackName: string): Promise<Result<WorkspaceSummary>> {
    const read = readWorkspaceText(text);
    if (!read.ok) return read;
    return this.create(read.value.document.name ?? fallbackName, read.value.document);
  }

  async exportText(id: string): Promise<Result<string>> {
    const opened = await this.open(id);
    return opened.ok ? ok(workspaceText(opened.value.document)) : opened;
  }

  private async recover(id: string, reason: string): Promise<Result<OpenedWorkspace>> {
    const damagedFolder = join(this.root, 'damaged');
    await mkdir(damagedFolder, { recursive: true, mode: 0o700 });
    const movedAsideTo = join(damagedFolder, `${id}-${this.now()}${WORKSPACE_EXTENSION}`);
    await rename(this.file(id), movedAsideTo);
    for (const backup of await this.backupsNewestFirst(id)) {
      const text = await readFile(join(this.backupFolder(id), backup), 'utf8').catch(() => '');
      const read = readWorkspaceText(text);
      if (!read.ok) continue;
      await writeFileAtomic(this.file(id), workspaceText(read.value.document));
      const info = await stat(this.file(id));
      return ok({
        id,
        document: read.value.document,
        updatedAt: info.mtime.toISOString(),
        recovery: { reason, restoredFrom: backup, movedAsideTo },
        migrated: read.value.migrated,
      });
    }
    return fail([{ path: id, message: `the workspace file was damaged (${reason}) and no good backup was found. The damaged file was kept at ${movedAsideTo}.` }]);
  }

  private async backupsNewestFirst(id: string): Promise<string[]> {
    const names = await readdir(this.backupFolder(id)).catch(() => [] as string[]);
    return names
      .map(parseBackupName)
      .filter((e) => e !== null)
      .sort((a, b) => b.time - a.time)
      .map((e) => e.name);
  }

  /** Copies the current file into the rolling set, at most every few minutes, then prunes the set. */
  private async rollingBackup(id: string): Promise<void> {
    const current = await readFile(this.file(id), 'utf8').catch(() => null);
    if (current === null || !readWorkspaceText(current).ok) return;
    const newest = (await this.backupsNewestFirst(id)).map(parseBackupName).find((e) => e?.kind === 'rolling');
    if (newest && this.now() - newest.time < BACKUP_MIN_SPACING_MS) return;
    await this.backup(id, 'rolling', current);
  }

  private async backup(id: string, kind: 'rolling' | 'pre-migration', text: string): Promise<void> {
    const folder = this.backupFolder(id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(folder, backupName(kind, this.now())), text);
    const entries = (await readdir(folder)).map(parseBackupName).filter((e) => e !== null);
    for (const entry of backupsToPrune(entries, this.now())) await rm(join(folder, entry.name), { force: true });
  }
}

function safeVersion(text: string): number | null {
  try {
    return documentVersion(JSON.parse(text));
  } catch {
    return null;
  }
}

export type { ForecastModel };
