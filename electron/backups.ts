/**
 * Which rolling backups to keep: every backup from the last hour (at most HOURLY_LIMIT), the newest
 * one of each of the last DAILY_DAYS days of use, and the newest PRE_MIGRATION_LIMIT pre-migration
 * copies, and the newest OVERWRITTEN_LIMIT copies of files that were replaced while unreadable or
 * in an unknown state (kept so nothing is overwritten without a copy). Pure, so the policy is tested on its own.
 */
export const BACKUP_MIN_SPACING_MS = 5 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const HOURLY_LIMIT = 12;
const DAILY_DAYS = 14;
const PRE_MIGRATION_LIMIT = 5;
const OVERWRITTEN_LIMIT = 5;

export interface BackupEntry {
  name: string;
  /** Milliseconds since the epoch, from the name. */
  time: number;
  kind: 'rolling' | 'pre-migration' | 'overwritten';
}

const NAME = /^(rolling|pre-migration|overwritten)-(\d{13})\.json$/;

export function backupName(kind: BackupEntry['kind'], time: number): string {
  return `${kind}-${String(Math.floor(time)).padStart(13, '0')}.json`;
}

export function parseBackupName(name: string): BackupEntry | null {
  const match = NAME.exec(name);
  if (!match) return null;
  return { name, kind: match[1] as BackupEntry['kind'], time: Number(match[2]) };
}

/** The backups to delete so the set follows the policy. */
export function backupsToPrune(entries: readonly BackupEntry[], now: number): BackupEntry[] {
  const keep = new Set<string>();
  const newestFirst = [...entries].sort((a, b) => b.time - a.time);
  const rolling = newestFirst.filter((e) => e.kind === 'rolling');
  rolling.filter((e) => now - e.time <= HOUR_MS).slice(0, HOURLY_LIMIT).forEach((e) => keep.add(e.name));
  const days = new Set<string>();
  for (const e of rolling) {
    const day = new Date(e.time).toISOString().slice(0, 10);
    if (days.has(day)) continue;
    days.add(day);
    if (days.size <= DAILY_DAYS) keep.add(e.name);
  }
  newestFirst.filter((e) => e.kind === 'pre-migration').slice(0, PRE_MIGRATION_LIMIT).forEach((e) => keep.add(e.name));
  newestFirst.filter((e) => e.kind === 'overwritten').slice(0, OVERWRITTEN_LIMIT).forEach((e) => keep.add(e.name));
  return entries.filter((e) => !keep.has(e.name));
}
