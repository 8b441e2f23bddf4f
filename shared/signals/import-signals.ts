import type { Signal } from '../model/schema.ts';
import { normalizeHeader } from '../import/columns.ts';
import { matchSignalValue } from './history-signals.ts';
import { count } from '../format/numbers.ts';

/** CRM fields that usually carry a starter signal (MEDDICC-style qualification fields among them). */
const SIGNAL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  pilot: ['pilot', 'pilot status', 'pilot result', 'poc result', 'poc status', 'proof of concept result', 'technical win', 'technical validation'],
  sponsor: ['economic buyer', 'economic buyer engaged', 'executive sponsor engaged', 'sponsor engaged', 'exec sponsor engaged'],
  usage: ['bottom up usage', 'product usage', 'free tier usage', 'pql', 'product qualified', 'active users'],
  'early-security': ['security review started', 'security review started early', 'infosec started'],
};

/**
 * Signal id → column of a pipeline export: a header that is the signal's name or id, else one of the
 * CRM's usual names for it ("Economic Buyer" for an engaged executive sponsor). A column may also feed
 * a deal field (the sponsor's role): reading it for a signal takes nothing away.
 */
export function guessImportSignalColumns(headers: readonly string[], signals: readonly Signal[]): Record<string, number> {
  const normalized = headers.map(normalizeHeader);
  const columns: Record<string, number> = {};
  for (const signal of signals) {
    const names = [normalizeHeader(signal.name), normalizeHeader(signal.id), ...(SIGNAL_ALIASES[signal.id] ?? [])];
    const index = names.map((name) => normalized.indexOf(name)).find((i) => i >= 0);
    if (index !== undefined) columns[signal.id] = index;
  }
  return columns;
}

/** Checkbox and picklist words for "no"; any other filled-in text (a name, "true", "x") means "yes". */
const NO = new Set(['no', 'n', 'false', '0', 'unchecked', 'none']);

/**
 * The signal value a CRM cell means: one of the signal's values in any case; for a yes/no signal also
 * a checkbox ("true", "1", "x") or, as MEDDICC fields hold it, a filled-in name (a champion or an
 * economic buyer named means "yes"). Null when it means none of them; "" for an empty cell (baseline).
 */
export function signalValueOfCell(signal: Signal, raw: string): string | null {
  const text = raw.trim();
  if (!text) return '';
  const exact = matchSignalValue(signal, text);
  if (exact !== null) return exact;
  const yes = signal.values.find((v) => normalizeHeader(v) === 'yes');
  const no = signal.values.find((v) => normalizeHeader(v) === 'no');
  if (yes === undefined || no === undefined) return null;
  const word = normalizeHeader(text);
  if (NO.has(word)) return no;
  return yes;
}

/**
 * Reads the signal columns of pipeline rows: each deal gets the values its cells name (an empty cell
 * leaves it at the baseline). Cells that name no value leave the deal at the baseline too, and are
 * counted per column and value for one note each, so the import still takes every row.
 */
export function readDealSignals(signals: readonly Signal[], columns: Readonly<Record<string, number>>, headers: readonly string[]) {
  const used = signals.filter((s) => columns[s.id] !== undefined);
  const unknown = new Map<string, { signal: Signal; column: string; value: string; rows: number }>();
  return {
    read(cells: readonly string[]): Record<string, string> | null {
      const values: Record<string, string> = {};
      for (const signal of used) {
        const column = columns[signal.id] as number;
        const raw = cells[column] ?? '';
        const value = signalValueOfCell(signal, raw);
        if (value === null) {
          const key = `${signal.id}\u0000${normalizeHeader(raw)}`;
          const entry = unknown.get(key) ?? { signal, column: headers[column] ?? '', value: raw.trim(), rows: 0 };
          entry.rows++;
          unknown.set(key, entry);
        } else if (value !== '') values[signal.id] = value;
      }
      return Object.keys(values).length > 0 ? values : null;
    },
    notes(): string[] {
      return [...unknown.values()].map(
        (u) => `Column "${u.column}": "${u.value}" (${count(u.rows, 'row')}) is none of the values of ${u.signal.name} (${u.signal.values.map((v) => `"${v}"`).join(', ')}); those deals are at "${u.signal.baseline}".`,
      );
    },
  };
}
