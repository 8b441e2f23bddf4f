import type { HistoryField } from '../../../shared/history/history-import.ts';

/**
 * The history columns a user chose by hand, per workspace, kept in the app's local storage: they are a
 * preference about the CRM's report, not part of the model (the model file stays the forecast's input).
 */
type Remembered = Partial<Record<HistoryField, string>>;
const key = (workspaceId: string) => `history-columns:${workspaceId}`;

export function rememberedHistoryColumns(workspaceId: string | null): Remembered {
  if (!workspaceId) return {};
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(workspaceId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {}; // unreadable or unavailable storage: guess the columns afresh
  }
}

export function rememberHistoryColumns(workspaceId: string | null, columns: Remembered): void {
  if (!workspaceId) return;
  try {
    localStorage.setItem(key(workspaceId), JSON.stringify(columns));
  } catch {
    // Storage full or disabled: the columns are guessed next time, nothing else is lost.
  }
}
