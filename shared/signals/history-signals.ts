import type { Signal } from '../model/schema.ts';
import { normalizeHeader } from '../import/columns.ts';
import type { CsvTable } from '../import/read-table.ts';
import type { History } from '../history/history-types.ts';
import { count } from '../format/numbers.ts';

/** A value in the file that names none of its signal's values: its deals count at the baseline. */
export interface UnmappedSignalValue {
  signalId: string;
  column: string;
  value: string;
  rows: number;
}

/** Signal id → column index: a column whose header is the signal's name or id, in any case. */
export function guessSignalColumns(headers: readonly string[], signals: readonly Signal[]): Record<string, number> {
  const normalized = headers.map(normalizeHeader);
  const columns: Record<string, number> = {};
  for (const signal of signals) {
    const index = normalized.findIndex((h) => h === normalizeHeader(signal.name) || h === normalizeHeader(signal.id));
    if (index >= 0) columns[signal.id] = index;
  }
  return columns;
}

/** The signal's value that `raw` names, in any case and spacing; null when it names none. */
export function matchSignalValue(signal: Signal, raw: string): string | null {
  const text = normalizeHeader(raw);
  return signal.values.find((value) => normalizeHeader(value) === text) ?? null;
}

/**
 * The history with each deal's signal values read from the file's signal columns (by the deal id
 * column; the last filled cell of a deal wins, which in a CRM export is today's value anyway). An
 * empty cell leaves the deal at the baseline; a value that names none of the signal's values is
 * listed, and its deals count at the baseline too.
 */
export function withHistorySignals(
  history: History,
  table: CsvTable,
  idColumn: number | undefined,
  signals: readonly Signal[],
  columns: Readonly<Record<string, number>>,
): { history: History; unmapped: UnmappedSignalValue[] } {
  const byDeal = new Map<string, Record<string, string>>();
  const unmapped = new Map<string, UnmappedSignalValue>();
  if (idColumn === undefined) return { history, unmapped: [] };
  for (const { cells } of table.rows) {
    const id = (cells[idColumn] ?? '').trim();
    if (!id) continue;
    const values = byDeal.get(id) ?? {};
    for (const signal of signals) {
      const column = columns[signal.id];
      const raw = column === undefined ? '' : (cells[column] ?? '').trim();
      if (!raw || column === undefined) continue;
      const value = matchSignalValue(signal, raw);
      if (value !== null) {
        values[signal.id] = value;
        continue;
      }
      const key = `${signal.id}\u0000${normalizeHeader(raw)}`;
      const entry = unmapped.get(key) ?? { signalId: signal.id, column: table.headers[column] ?? '', value: raw, rows: 0 };
      entry.rows++;
      unmapped.set(key, entry);
    }
    byDeal.set(id, values);
  }
  return { history: { ...history, deals: history.deals.map((deal) => ({ ...deal, signals: byDeal.get(deal.id) ?? {} })) }, unmapped: [...unmapped.values()] };
}

/** Plain notes for a history preview: which column feeds each signal, and values that name none. */
export function signalColumnNotes(signals: readonly Signal[], headers: readonly string[], columns: Readonly<Record<string, number>>, unmapped: readonly UnmappedSignalValue[]): string[] {
  const found = signals.filter((s) => columns[s.id] !== undefined);
  if (found.length === 0) return signals.length > 0 ? ['No column is named like one of the workspace’s signals, so no signal is fitted.'] : [];
  return [
    `Signal columns: ${found.map((s) => `${s.name} from “${headers[columns[s.id] as number] ?? ''}”`).join(', ')}.`,
    ...unmapped.map((u) => `Column “${u.column}”: “${u.value}” (${count(u.rows, 'row')}) is none of the signal’s values; those deals count at its baseline.`),
  ];
}
