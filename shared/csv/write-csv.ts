/**
 * CSV writing for spreadsheets (RFC 4180): CRLF line ends, quotes doubled, fields with the delimiter,
 * quotes or line breaks quoted. Text that a spreadsheet would run as a formula is neutralized; numbers
 * are written as plain numbers and never altered.
 */
import { neutralizeFormula } from './formula.ts';

export type CsvCell = string | number | null;

export interface CsvOptions {
  /** ',' (default) or ';' for European spreadsheets, which also read decimal commas. */
  delimiter: ',' | ';';
  /** Start with a UTF-8 byte order mark so Excel shows accents correctly. */
  byteOrderMark: boolean;
}

export const DEFAULT_CSV_OPTIONS: CsvOptions = { delimiter: ',', byteOrderMark: true };
/** For spreadsheets set to a European locale, where ',' is the decimal separator. */
export const EUROPEAN_CSV_OPTIONS: CsvOptions = { delimiter: ';', byteOrderMark: true };

export function formatCsvNumber(value: number, delimiter: CsvOptions['delimiter']): string {
  if (!Number.isFinite(value)) return '';
  // String() is exact and round-trips; spreadsheets read its rare exponent form (1e-7) as a number.
  const text = String(value);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

function formatCell(cell: CsvCell, options: CsvOptions): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell, options.delimiter);
  const text = neutralizeFormula(cell);
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a header row and data rows; no preamble lines, which spreadsheet imports choke on. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => formatCell(cell, options)).join(options.delimiter));
  return (options.byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
