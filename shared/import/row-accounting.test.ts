import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { firstGuess } from './first-guess.ts';
import { applyImport, buildImport } from './pipeline-import.ts';
import { readCsvTable } from './read-table.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const model = sample.value;

/** Cell text as CRMs write it, hostile parts included: separators, quotes, line breaks, controls, RTL overrides. */
const piece = fc.constantFrom('Acme', 'Müller', 'Évora', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', "'=SUM(A1)", '=1+2', '\u202e', '\u0007', 'N'.repeat(600), '—', '東京');
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const amount = fc.constantFrom('$1,250,000.00', '1.250.000,00', '250000', '', 'twelve', '-5', '1000000000000000000', '(300.00)', '98.500');
const stage = fc.constantFrom('Qualification', 'Proof of Concept', 'Negotiation/Review', 'Closed Won', 'Closed Lost', 'Stage Zero');
const date = fc.constantFrom('10/2/2026', '2/10/2026', '2026-10-02', '23.10.2026', '11/20/2026', '12/25/2026', '10/14/1066', 'soon', '');
const record = fc.tuple(text, text, text, amount, stage, date, date).map(([id, name, account, a, s, entered, closed]) => [id, name, account, a, s, entered, closed]);

interface FileShape {
  withId: boolean;
  delimiter: string;
  quoteAll: boolean;
  ending: 'crlf' | 'lf' | 'cr' | 'mixed';
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le';
  /** Index of a record written with a quote that never closes (-1: none). */
  openQuoteAt: number;
  /** Index of a record written with an extra cell (-1: none). */
  extraCellAt: number;
}

const shape: fc.Arbitrary<FileShape> = fc.record({
  withId: fc.boolean(),
  delimiter: fc.constantFrom(',', ';', '\t'),
  quoteAll: fc.boolean(),
  ending: fc.constantFrom('crlf', 'lf', 'cr', 'mixed'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le'),
  openQuoteAt: fc.integer({ min: -1, max: 30 }),
  extraCellAt: fc.integer({ min: -1, max: 30 }),
});

const HEADER = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Amount', 'Stage', 'Last Stage Change Date', 'Close Date'];

function writeFile(records: string[][], s: FileShape): Uint8Array {
  const endings = { crlf: ['\r\n'], lf: ['\n'], cr: ['\r'], mixed: ['\r\n', '\n', '\r'] }[s.ending];
  const quote = (cell: string) => (s.quoteAll || /["\r\n]/.test(cell) || cell.includes(s.delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const columns = (cells: string[]) => (s.withId ? cells : cells.slice(1));
  const lines = [columns(HEADER).map(quote).join(s.delimiter)];
  records.forEach((cells, i) => {
    let row = columns(cells).map(quote);
    // A quote that never closes, on a record that fits one line so the rest of the file stays readable.
    if (i === s.openQuoteAt && !cells.some((c) => /[\r\n]/.test(c))) row = [`"${cells[1] ?? ''}`.replace(/"(?=.)/g, '"x'), ...row.slice(1)];
    if (i === s.extraCellAt) row = [...row, 'extra'];
    lines.push(row.join(s.delimiter));
  });
  const body = lines.map((line, i) => line + (endings[i % endings.length] as string)).join('');
  if (s.encoding === 'utf-16le') {
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      const code = body.charCodeAt(i);
      bytes[2 + 2 * i] = code & 0xff;
      bytes[3 + 2 * i] = code >> 8;
    }
    return bytes;
  }
  return new TextEncoder().encode((s.encoding === 'utf-8-bom' ? '\ufeff' : '') + body);
}

describe('every row of a CRM file is accounted for', () => {
  it('imported + booked + listed = data rows, for every delimiter, line ending, quoting and encoding, and the result is a valid model', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), shape, (records, s) => {
        const table = readCsvTable(decodeCsvBytes(writeFile(records, s)).text);
        const guess = firstGuess(table, model);
        const preview = buildImport(table, guess.settings, model);
        const listed = [...preview.problems, ...preview.skipped];
        expect(preview.dataRows).toBe(records.length);
        expect(preview.deals.length + preview.booked.length + listed.length).toBe(records.length);
        expect(new Set(listed.map((p) => p.line)).size).toBe(listed.length);
        for (const p of listed) expect(p.message.length).toBeGreaterThan(0);
        const imported = applyImport(model, preview, 'replace', guess.settings.stageMapping);
        const valid = validateModel(imported);
        expect(valid.ok ? [] : valid.problems).toEqual([]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
