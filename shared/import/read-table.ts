import Papa from 'papaparse';
import { unneutralizeFormula } from '../csv/formula.ts';
import { count } from '../format/numbers.ts';

/** A row of a file that is not used, with its line (the header is line 1) and a plain reason. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface CsvTable {
  headers: string[];
  /** Data rows with the file line each starts on (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  /**
   * Data rows that could not be read as a row of the table (an unclosed quote, too many or too few
   * cells, a report footer). With `rows`, every non-blank line of data is accounted for.
   */
  unreadable: LineProblem[];
  delimiter: string;
  /** What the reader did to the file that the user should know (mixed line endings, removed characters). */
  notes: string[];
}

/**
 * Characters that are never part of CRM text but change how it reads: C0 controls other than tab
 * and line feed, DEL, and the bidirectional overrides that can make "evil.exe" display as
 * "exe.live" (Trojan Source). They are removed, and the preview says how many cells held them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/**
 * A cell spanning lines with this many separators (or a row's worth, if more) is a quote that opened
 * in one row and closed in another; a note with line breaks rarely holds that many.
 */
const MIN_SWALLOWED_CELLS = 6;
/** "Total", "Grand Totals (64 records)": a report's total line, not a deal. */
const TOTALS_ROW = /^(grand )?totals?( \(\d+ records?\))?:?$/i;

/**
 * Reads CSV text (`,`, `;` or tab delimited, detected), keeping each row's line number for messages.
 * Line endings are made uniform first: papaparse takes the first line ending it sees for the whole
 * file, so a file mixing CRLF, LF and CR would otherwise be read as a few very long rows.
 */
export function readCsvTable(text: string): CsvTable {
  const raw = text.replace(/^\uFEFF/, '');
  const notes: string[] = [];
  const endings = [/\r\n/.test(raw), /(^|[^\r])\n/.test(raw), /\r(?!\n)/.test(raw)].filter(Boolean).length;
  if (endings > 1) notes.push('The file mixes line endings (Windows, Unix and old Mac); each was read as a line break.');
  const body = raw.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(body);
  const records = parseRecords(body, delimiter);
  let cleaned = 0;
  const clean = (cell: string) => {
    const visible = cell.replace(HIDDEN_CONTROLS, '');
    if (visible !== cell) cleaned++;
    // Only what an exporter added comes off: spaces, tabs and apostrophes of the text itself stay.
    return unneutralize(visible);
  };

  const unreadable: LineProblem[] = [];
  const rows: CsvTable['rows'] = [];
  let headers: string[] | null = null;
  for (const record of records) {
    if (record.problem) {
      unreadable.push({ line: record.line, message: record.problem });
      continue;
    }
    const cells = record.cells.map(clean);
    if (cells.every((c) => c.trim() === '')) continue; // a blank line, or a row of bare delimiters
    if (!headers) {
      headers = cells.map((h) => h.trim());
      continue;
    }
    const problem = shapeProblem(cells, headers.length);
    if (problem) unreadable.push({ line: record.line, message: problem });
    else rows.push({ line: record.line, cells: cells.slice(0, headers.length) });
  }
  if (cleaned > 0) notes.push(`${count(cleaned, 'cell')} held invisible control or text-direction characters; they were removed.`);
  return { headers: headers ?? [], rows, unreadable, delimiter, notes };
}

/** Why a data row does not fit the header, or null when it does. */
function shapeProblem(cells: string[], width: number): string | null {
  const filled = lastFilled(cells) + 1;
  const first = cells.find((c) => c.trim() !== '')?.trim() ?? '';
  if (TOTALS_ROW.test(first)) return `a totals line ("${shorten(first)}"), not a deal`;
  if (filled === 1 && width > 1) return `a single cell ("${shorten(first)}"), not a row of the table: a report footer or note`;
  if (filled > width) return `has ${count(filled, 'cell')} where the header has ${width} (a separator inside an unquoted value?)`;
  if (cells.length < width) return `has ${count(cells.length, 'cell')} where the header has ${width}`;
  return null;
}

const lastFilled = (cells: readonly string[]): number => {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]?.trim()) return i;
  return -1;
};

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The separator is the one the header line uses most (outside quotes). The header is the one line a
 * CRM writes itself, so names with commas or semicolons in the data cannot sway the choice.
 */
function detectDelimiter(body: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of body.replace(/^\n+/, '')) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

interface RawRecord {
  line: number;
  cells: string[];
  /** Set when the row cannot be read (its quotes do not close properly). */
  problem?: string;
}

/**
 * Every record of the file with the line it starts on. A row whose quotes do not close is reported
 * on its own line and reading restarts on the next line, so one stray quote cannot swallow the rest
 * of the file into a single cell. A quote that opens in one row and happens to close in a later one
 * is valid CSV to papaparse; a cell that spans lines and holds a row's worth of separators is that
 * case (a note with line breaks has a few at most), and is treated the same way.
 */
function parseRecords(body: string, delimiter: string): RawRecord[] {
  const records: RawRecord[] = [];
  let offset = 0;
  let line = 1;
  let width = 0;
  while (offset < body.length) {
    const chunk = body.slice(offset);
    let restartAt = -1;
    let previousCursor = 0;
    Papa.parse<string[]>(chunk, {
      delimiter,
      newline: '\n',
      skipEmptyLines: false,
      step: (result, parser) => {
        const start = previousCursor;
        const rowText = chunk.slice(start, result.meta.cursor);
        // Count the line breaks before this row starts (quoted cells may hold line breaks of their own).
        const leading = /^\n*/.exec(rowText)?.[0].length ?? 0;
        line += leading;
        const swallowed = result.data.some((cell) => cell.includes('\n') && cell.split(delimiter).length >= Math.max(width, MIN_SWALLOWED_CELLS));
        if (swallowed || result.errors.some((e) => e.type === 'Quotes')) {
          records.push({ line, cells: [], problem: 'a quoted value on this line is not closed properly, so the row cannot be read' });
          const lineEnd = chunk.indexOf('\n', start + leading);
          restartAt = lineEnd === -1 ? body.length : offset + lineEnd + 1;
          line += 1;
          parser.abort();
          return;
        }
        if (width === 0 && result.data.some((c) => c.trim() !== '')) width = result.data.length;
        records.push({ line, cells: result.data });
        line += (rowText.slice(leading).match(/\n/g) ?? []).length;
        previousCursor = result.meta.cursor;
      },
    });
    if (restartAt < 0) break;
    offset = restartAt;
  }
  return records;
}

/**
 * Undoes the apostrophe that CSV exports (ours included) put before text a spreadsheet would run as a
 * formula, so an exported deals file imports back with the names it came from.
 */
export const unneutralize = unneutralizeFormula;
