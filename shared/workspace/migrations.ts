import { fail, ok, type Result } from '../result.ts';

/**
 * Workspace files carry their format version. Migrations are pure functions from one version's
 * document to the next one's; the app applies them in order when it opens an older file (after
 * backing the file up), and refuses files from a newer app instead of damaging them.
 */
export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate: (document: Record<string, unknown>) => Record<string, unknown>;
}

/** The real migrations, in order. Format 1 is the first format; none are needed yet. */
export const MIGRATIONS: readonly Migration[] = [];

export interface Migrated {
  document: Record<string, unknown>;
  fromVersion: number;
  applied: string[];
}

export function documentVersion(document: unknown): number | null {
  if (typeof document !== 'object' || document === null) return null;
  const version = (document as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}

/** Brings a document up to `currentVersion`. Running it on an up-to-date document changes nothing. */
export function migrateDocument(document: unknown, currentVersion: number, migrations: readonly Migration[] = MIGRATIONS): Result<Migrated> {
  const version = documentVersion(document);
  if (version === null) return fail([{ path: 'version', message: 'is missing or not a whole number of 1 or more: this is not a forecast workspace file' }]);
  if (version > currentVersion) {
    return fail([{ path: 'version', message: `this file was saved by a newer version of the app (format ${version}; this app reads up to ${currentVersion}). Update the app to open it; the file was not changed.` }]);
  }
  // Documents come from JSON, so a JSON round trip is a faithful deep copy (and keeps this pure).
  let current = JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
  const applied: string[] = [];
  for (let v = version; v < currentVersion; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step || step.to !== v + 1) return fail([{ path: 'version', message: `no migration from format ${v} to ${v + 1}` }]);
    current = { ...step.migrate(current), version: step.to };
    applied.push(step.describe);
  }
  return ok({ document: current, fromVersion: version, applied });
}
