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

/** Typed preferences over a key-value store; values that fail their schema read as defaults. */
export class Preferences {
  constructor(private readonly store: KeyValueStore) {}

  get windowState(): WindowState | null {
    const parsed = windowStateSchema.safeParse(this.store.get('windowState'));
    return parsed.success ? parsed.data : null;
  }
  set windowState(state: WindowState | null) {
    this.store.set('windowState', state);
  }

  get lastWorkspaceId(): string | null {
    const value = this.store.get('lastWorkspaceId');
    return typeof value === 'string' ? value : null;
  }
  set lastWorkspaceId(id: string | null) {
    this.store.set('lastWorkspaceId', id);
  }

  get recentFiles(): string[] {
    const parsed = z.array(z.string()).safeParse(this.store.get('recentFiles'));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
  }
  addRecentFile(path: string): void {
    this.store.set('recentFiles', [path, ...this.recentFiles.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES));
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
    const asideTo = `${filePath}.unreadable-${now()}`;
    if (existsSync(filePath)) await rename(filePath, asideTo);
    const preferences = new Preferences(create());
    const detail = error instanceof Error ? error.message : String(error);
    return {
      preferences,
      notice: `Your preferences could not be read (${detail}) and were reset to defaults. Your workspaces are not affected. The old file was kept as ${asideTo}.`,
    };
  }
}
