/** Deleted workspaces stay in the trash this long, restorable, before they are removed for good. */
export const TRASH_KEEP_DAYS = 30;
export const TRASH_KEEP_MS = TRASH_KEEP_DAYS * 24 * 60 * 60 * 1000;

export interface TrashEntry {
  /** Names this deleted copy: the workspace id and when it was deleted, e.g. "q1-plan-3f9a2c--1795424400000". */
  trashId: string;
  id: string;
  name: string;
  /** ISO timestamps. */
  deletedAt: string;
  removedAfter: string;
}

export const TRASH_ID_PATTERN = /^([a-z0-9][a-z0-9-]{0,63})--(\d{13})$/;

export const trashIdFor = (id: string, deletedAtMs: number): string => `${id}--${String(Math.floor(deletedAtMs)).padStart(13, '0')}`;

/** The workspace id and deletion time in a trash id, or null when it is not one. */
export function parseTrashId(trashId: string): { id: string; deletedAtMs: number } | null {
  const match = TRASH_ID_PATTERN.exec(trashId);
  return match?.[1] && match[2] ? { id: match[1], deletedAtMs: Number(match[2]) } : null;
}

export const isExpired = (deletedAtMs: number, now: number): boolean => now - deletedAtMs > TRASH_KEEP_MS;

export function trashEntry(trashId: string, name: string): TrashEntry | null {
  const parsed = parseTrashId(trashId);
  if (!parsed) return null;
  return { trashId, id: parsed.id, name, deletedAt: new Date(parsed.deletedAtMs).toISOString(), removedAfter: new Date(parsed.deletedAtMs + TRASH_KEEP_MS).toISOString() };
}
