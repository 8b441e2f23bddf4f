import { MODEL_VERSION } from '../model/limits.ts';
import type { ForecastModel } from '../model/schema.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';
import { documentVersion, migrateDocument } from './migrations.ts';
import { jsonTextDepthExceeds, MAX_NESTING_DEPTH } from './nesting.ts';
import { readableModel } from './readable-model.ts';
import { isSnapshotStore, snapshotStoreProblem } from '../snapshots/snapshot-check.ts';

/** The current workspace file format: the forecast model file, with the workspace's name in it. */
export const WORKSPACE_VERSION = MODEL_VERSION;
export const WORKSPACE_EXTENSION = '.forecast.json';

export interface WorkspaceSummary {
  id: string;
  name: string;
  /** The pipeline's as-of date, or null when the file could not be read. */
  asOf: string | null;
  /** ISO timestamp of the last save. */
  updatedAt: string;
  /** True when the file is damaged (it is restored from a backup when opened). */
  damaged?: boolean;
}

export interface OpenedWorkspace {
  id: string;
  document: ForecastModel;
  /** What stops the forecast, kept with the document (empty when it can run). */
  problems: Problem[];
  /** The file's revision: a save must name it, so two windows never overwrite each other. */
  revision: number;
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

export interface ReadWorkspace {
  document: ForecastModel;
  problems: Problem[];
  migrated: string[];
  revision: number;
}

/** Text as saved, without the byte-order mark some editors add (it is not part of the JSON). */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Parses JSON text after the checks that keep parsing safe (empty, too deeply nested). */
export function parseDocumentText(text: string): Result<unknown> {
  const clean = withoutBom(text);
  if (clean.trim() === '') return fail([{ path: '', message: 'the file is empty' }]);
  if (jsonTextDepthExceeds(clean)) return fail([{ path: '', message: `the file is nested more than ${MAX_NESTING_DEPTH} levels deep, which no forecast workspace is; it was not read` }]);
  try {
    return ok(JSON.parse(clean));
  } catch (error) {
    return fail([{ path: '', message: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
}

/** The format version written in a file's text, or null when there is none to read. */
export function versionOfText(text: string): number | null {
  const parsed = parseDocumentText(text);
  return parsed.ok ? documentVersion(parsed.value) : null;
}

/** The file's revision: a whole number of saves, 0 for files written before revisions existed. */
function revisionOf(raw: unknown): number {
  const value = typeof raw === 'object' && raw !== null ? (raw as { revision?: unknown }).revision : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * Reads a workspace document of any supported version: parse, migrate, check. A document with the
 * model's shape is read even when it has problems (they come back with it); one without is refused.
 */
export function readWorkspaceText(text: string): Result<ReadWorkspace> {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) return parsed;
  // The snapshot history (most of a big file) is checked on its own, quickly, instead of being copied
  // by the migrations and walked by the model's schema.
  const { snapshots, ...rest } = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : { snapshots: undefined };
  const migrated = migrateDocument(typeof parsed.value === 'object' && parsed.value !== null ? rest : parsed.value, WORKSPACE_VERSION);
  if (!migrated.ok) return migrated;
  const { revision: _revision, ...model } = migrated.value.document;
  const readable = readableModel(model);
  if (!readable.ok) return readable;
  const read = { ...readable.value, migrated: migrated.value.applied, revision: revisionOf(parsed.value) };
  if (snapshots === undefined) return ok(read);
  if (!isSnapshotStore(snapshots)) return ok({ ...read, problems: [...read.problems, { path: 'snapshots', message: `the snapshot history ${snapshotStoreProblem(snapshots) ?? ''}; it was left out` }] });
  return ok({ ...read, document: { ...read.document, snapshots } });
}

/** Like readWorkspaceText, but only a model that can be forecast as it is (a file the user hands in). */
export function readValidWorkspaceText(text: string): Result<ReadWorkspace> {
  const read = readWorkspaceText(text);
  if (read.ok && read.value.problems.length > 0) return fail(read.value.problems);
  return read;
}

/** Canonical text of a workspace document, as written to disk; the revision goes in the workspace's own file only. */
export function workspaceText(document: ForecastModel, revision?: number): string {
  const { revision: _drop, snapshots, ...model } = document;
  const text = JSON.stringify(revision === undefined ? model : { ...model, revision }, null, 2);
  // The snapshot history goes last and on one line: indenting it would double a big file's size.
  return snapshots === undefined ? `${text}\n` : `${text.slice(0, -2)},\n  "snapshots": ${JSON.stringify(snapshots)}\n}\n`;
}

/** The file name a copy of a workspace is offered under: its name, without characters file systems refuse. */
export function copyFileName(name: string | undefined): string {
  const safe = (name ?? '').replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${safe || 'forecast'}${WORKSPACE_EXTENSION}`;
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

/** What a save did: written as the next revision, or refused because the file moved on meanwhile. */
export type SaveOutcome =
  | { status: 'saved'; revision: number; updatedAt: string }
  | { status: 'conflict'; revision: number; message: string };

export const conflictMessage = (name: string): string =>
  `“${name}” was changed in another window since you opened it, so your latest changes were not saved over it. Reload it to see the other window's version, or save yours as a copy.`;
