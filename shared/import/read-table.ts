import Papa from 'papaparse';
import { unneutralizeFormula } from '../csv/formula.ts';

export interface CsvTable {
  headers: string[];
  /** Data rows with the file line each starts on (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

/** Reads CSV text (`,`, `;` or tab delimited, detected), keeping each row's line number for messages. */
export function readCsvTable(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let delimiter = ',';
  let previousCursor = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
    step: (result) => {
      delimiter = result.meta.delimiter;
      const start = previousCursor;
      const cursor = result.meta.cursor;
      // Count the line breaks before this row starts (quoted cells may hold line breaks of their own).
      const rowText = body.slice(start, cursor);
      const leading = /^(\r\n|\n|\r)*/.exec(rowText)?.[0] ?? '';
      line += (leading.match(/\r\n|\n|\r/g) ?? []).length;
      const cells = result.data.map((c) => unneutralize(c.trim()));
      if (cells.some((c) => c !== '')) rows.push({ line, cells });
      line += (rowText.slice(leading.length).match(/\r\n|\n|\r/g) ?? []).length;
      previousCursor = cursor;
    },
  });
  const [header, ...data] = rows;
  return { headers: header?.cells ?? [], rows: data, delimiter };
}

/**
 * Undoes the apostrophe that CSV exports (ours included) put before text a spreadsheet would run as a
 * formula, so an exported deals file imports back with the names it came from.
 */
export const unneutralize = unneutralizeFormula;
