import { rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Preferences live in electron-store; workspace data does not (it has its own versioned files). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const MAX_RECENT_FILES = 10;

/** Owner-only, like the workspaces: recent files name the company's documents. */
export const PREFERENCES_FILE_MODE = 0o600;

/**
 * Typed preferences over a key-value store; values that fail their schema read as defaults. A write
 * that fails (a read-only or full disk) never fails the action that caused it (opening a workspace):
 * the value is kept in memory for this session and the user is told once.
 */
export class Preferences {
  private readonly unsaved = new Map<string, unknown>();
  private writeProblems: string[] = [];
  private toldAboutWrites = false;

  constructor(private readonly store: KeyValueStore) {}

  private get(key: string): unknown {
    return this.unsaved.has(key) ? this.unsaved.get(key) : this.store.get(key);
  }

  private set(key: string, value: unknown): void {
    try {
      this.store.set(key, value);
      this.unsaved.delete(key);
    } catch (error) {
      this.unsaved.set(key, value);
      if (this.toldAboutWrites) return;
      this.toldAboutWrites = true;
      const code = (error as NodeJS.ErrnoException).code;
      this.writeProblems.push(`Your preferences (window size, last workspace, recent files) cannot be saved${code ? ` (${code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'the disk is read-only' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})` : ''}. They are kept until you quit; your workspaces are saved as usual.`);
    }
  }

  /** Problems with writing preferences not yet shown to the user. */
  takeWriteProblems(): string[] {
    return this.writeProblems.splice(0);
  }

  get windowState(): WindowState | null {
    const parsed = windowStateSchema.safeParse(this.get('windowState'));
    return parsed.success ? parsed.data : null;
  }
  set windowState(state: WindowState | null) {
    this.set('windowState', state);
  }

  get lastWorkspaceId(): string | null {
    const value = this.get('lastWorkspaceId');
    return typeof value === 'string' ? value : null;
  }
  set lastWorkspaceId(id: string | null) {
    this.set('lastWorkspaceId', id);
  }

  get recentFiles(): string[] {
    const parsed = z.array(z.string()).safeParse(this.get('recentFiles'));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
  }
  /** Remembers a file opened or saved, and the workspace it was added as (so reopening it shows that workspace). */
  addRecentFile(path: string, workspaceId?: string): void {
    const recent = [path, ...this.recentFiles.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
    this.set('recentFiles', recent);
    if (workspaceId) this.set('recentWorkspaces', { ...Object.fromEntries(Object.entries(this.recentWorkspaces).filter(([p]) => recent.includes(p))), [path]: workspaceId });
  }
  private get recentWorkspaces(): Record<string, string> {
    const parsed = z.record(z.string(), z.string()).safeParse(this.get('recentWorkspaces'));
    return parsed.success ? parsed.data : {};
  }
  workspaceForFile(path: string): string | null {
    return this.recentWorkspaces[path] ?? null;
  }
}

export interface OpenedPreferences {
  preferences: Preferences;
  /** Set when the preferences file was unreadable and was reset; the user is told. */
  notice: string | null;
}

/**
 * Opens the preferences store. electron-store throws on a corrupt file (its clearInvalidConfig stays
 * off, so it never silently wipes anything); here the bad file is moved aside, preferences start from
 * defaults, and the user gets a notice. Workspaces are separate files and are not affected.
 */
export async function openPreferences(create: () => KeyValueStore, filePath: string, now: () => number = Date.now): Promise<OpenedPreferences> {
  try {
    return { preferences: new Preferences(create()), notice: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    try {
      const asideTo = `${filePath}.unreadable-${now()}`;
      if (existsSync(filePath)) await rename(filePath, asideTo);
      return {
        preferences: new Preferences(create()),
        notice: `Your preferences could not be read (${detail}) and were reset to defaults. Your workspaces are not affected. The old file was kept as ${asideTo}.`,
      };
    } catch {
      // The folder itself cannot be written: preferences live in memory for this session.
      return { preferences: new Preferences(memoryStore(filePath)), notice: `Your preferences could not be read or reset (${detail}); they are kept until you quit. Your workspaces are not affected.` };
    }
  }
}

/** Preferences kept in memory only, when their file can be neither read nor written. */
export function memoryStore(path: string): KeyValueStore {
  const values = new Map<string, unknown>();
  return { path, get: (key) => values.get(key), set: (key, value) => void values.set(key, value) };
}
