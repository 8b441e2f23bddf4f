import { MODEL_VERSION } from '../model/limits.ts';
import type { ForecastModel } from '../model/schema.ts';
import { validateModel } from '../model/validate.ts';
import { fail, ok, type Result } from '../result.ts';
import { migrateDocument } from './migrations.ts';

/** The current workspace file format: the forecast model file, with the workspace's name in it. */
export const WORKSPACE_VERSION = MODEL_VERSION;
export const WORKSPACE_EXTENSION = '.forecast.json';

export interface WorkspaceSummary {
  id: string;
  name: string;
  /** ISO timestamp of the last save. */
  updatedAt: string;
}

export interface OpenedWorkspace {
  id: string;
  document: ForecastModel;
  updatedAt: string;
  /** Set when the saved file was damaged and the app restored a backup instead. */
  recovery: WorkspaceRecovery | null;
  /** Migrations applied while opening (after a backup of the original was made). */
  migrated: string[];
}

export interface WorkspaceRecovery {
  reason: string;
  restoredFrom: string;
  movedAsideTo: string;
}

/** Reads a workspace document of any supported version: parse, migrate, validate. */
export function readWorkspaceText(text: string): Result<{ document: ForecastModel; migrated: string[] }> {
  if (text.trim() === '') return fail([{ path: '', message: 'the file is empty' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail([{ path: '', message: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const migrated = migrateDocument(raw, WORKSPACE_VERSION);
  if (!migrated.ok) return migrated;
  const valid = validateModel(migrated.value.document);
  if (!valid.ok) return valid;
  return ok({ document: valid.value, migrated: migrated.value.applied });
}

/** Canonical text of a workspace document, as written to disk. */
export function workspaceText(document: ForecastModel): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Workspace ids are file names too, so they are kept to a safe alphabet. */
export const WORKSPACE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A new workspace id from its name and a unique suffix, e.g. "q1-plan-3f9a2c". */
export function workspaceIdFor(name: string, uniqueSuffix: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${uniqueSuffix}`;
}
