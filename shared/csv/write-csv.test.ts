import fc from 'fast-check';
import { unneutralize } from '../import/read-table.ts';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './formula.ts';
import { writeCsv } from './write-csv.ts';

describe('writeCsv', () => {
  it('writes RFC 4180 with CRLF, a BOM and quoting where needed', () => {
    const text = writeCsv(['Name', 'Amount'], [['Acme, Inc.', 1200000.5], ['Say "hi"', 3], ['two\nlines', null]]);
    expect(text).toBe('\uFEFFName,Amount\r\n"Acme, Inc.",1200000.5\r\n"Say ""hi""",3\r\n"two\nlines",\r\n');
  });

  it('neutralizes formulas in text but never changes numbers', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","click")')).toBe('\'=HYPERLINK("http://x","click")');
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) expect(neutralizeFormula(`${start}1`).startsWith("'")).toBe(true);
    expect(neutralizeFormula('Deal\n=1+1')).toBe("Deal\n'=1+1");
    expect(neutralizeFormula('Acme')).toBe('Acme');
    expect(writeCsv(['n'], [[-5], [-0.25]], { delimiter: ',', byteOrderMark: false })).toBe('n\r\n-5\r\n-0.25\r\n');
  });

  it('writes decimal commas with the European delimiter', () => {
    expect(writeCsv(['a', 'b'], [[1234.5, 'x;y']], { delimiter: ';', byteOrderMark: false })).toBe('a;b\r\n1234,5;"x;y"\r\n');
  });

  it('round-trips: what it writes parses back to the same table', () => {
    const safeText = fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => neutralizeFormula(s) === s);
    const cell = fc.oneof(safeText, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }));
    fc.assert(
      fc.property(fc.constantFrom<',' | ';'>(',', ';'), fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (delimiter, rows) => {
        const text = writeCsv(['a', 'b'], rows, { delimiter, byteOrderMark: true });
        const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: false });
        const data = parsed.data.slice(0, -1); // the final CRLF leaves one empty row
        expect(data[0]).toEqual(['a', 'b']);
        data.slice(1).forEach((row, i) =>
          row.forEach((value, j) => {
            const original = rows[i]?.[j];
            if (typeof original === 'number') expect(Number(delimiter === ';' ? value.replace(',', '.') : value)).toBe(original === 0 ? 0 : original);
            else expect(value).toBe(original);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('neutralizes the starts spreadsheets skip to: spaces, no-break and zero-width spaces, a BOM, full-width signs', () => {
    for (const lead of ['', ' ', '  ', '\u00A0', '\u200B', '\uFEFF', '\u2060', ' \u200B'])
      for (const sign of ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) expect(neutralizeFormula(`${lead}${sign}1+1`)).toBe(`'${lead}${sign}1+1`);
    expect(neutralizeFormula('Deal\n \uFF1Dcmd')).toBe("Deal\n' \uFF1Dcmd");
    // Text that looks neutralized already gets one more apostrophe, so the importer can remove exactly one.
    expect(neutralizeFormula("'=x")).toBe("''=x");
    expect(neutralizeFormula("It's fine")).toBe("It's fine");
    expect(neutralizeFormula('Acme = best')).toBe('Acme = best');
  });

  it('round-trips any text through the importer, which removes exactly the apostrophes the exporter added', () => {
    const tricky = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u00A0', '\u200B', '\uFEFF', '\uFF1D', '\uFF20', 'a', ',', '"');
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: tricky, maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (cells) => {
        const text = writeCsv(['name'], cells.map((c) => [c]));
        // The delimiter given, as the importer detects its own: left to guess, Papa takes a one-column
        // file whose cells hold tabs for a tab-separated one.
        const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', delimiter: ',', skipEmptyLines: false }).data.slice(1, -1);
        expect(parsed.map((row) => unneutralize(row[0] ?? ''))).toEqual(cells);
        for (const row of parsed) expect(row[0] ?? '').not.toMatch(/^[ \u00A0\u200B\uFEFF]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/);
      }),
      { numRuns: 1000 },
    );
  });
});
