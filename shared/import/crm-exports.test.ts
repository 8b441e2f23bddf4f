import { readFileSync } from 'node:fs';
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

function importOf(name: string) {
  const table = readCsvTable(decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url)))).text);
  const guess = firstGuess(table, model);
  const preview = buildImport(table, guess.settings, model);
  const accounted = preview.deals.length + preview.booked.length + preview.problems.length + preview.skipped.length;
  expect(accounted).toBe(preview.dataRows);
  return { table, guess, preview };
}

describe('a Salesforce opportunity report without an id column', () => {
  const { guess, preview } = importOf('salesforce-report-no-id.csv');

  it('imports every open opportunity, however often account and opportunity names repeat', () => {
    expect(guess.settings.columns).toMatchObject({ name: 2, account: 1, owner: 0 });
    expect(preview.idSource).toBe('content');
    expect(preview.deals).toHaveLength(64);
    expect(new Set(preview.deals.map((d) => d.id)).size).toBe(64);
    expect(preview.deals.filter((d) => d.name === 'Platform Expansion').map((d) => d.account)).toEqual(['Meridian Bank', 'Tidewater Shipping']);
    expect(preview.deals.filter((d) => d.account === 'Tidewater Shipping')).toHaveLength(3);
    // Two lines share account, name and created date (a true repeat): both count, the second numbered.
    const repeats = preview.deals.filter((d) => d.name === 'Redwood Pharmaceuticals - Global Rollout');
    expect(repeats.map((d) => d.amount)).toEqual([750_000, 95_000]);
    expect(repeats[1]?.id).toBe(`${repeats[0]?.id}-2`);
    expect(preview.notes.some((n) => n.includes('no deal id column'))).toBe(true);
  });

  it('keeps the CRM’s fields and a formula in a name as plain text', () => {
    expect(preview.deals[0]).toMatchObject({ name: 'Platform Expansion', account: 'Meridian Bank', amount: 750_000, stage: 'discovery', stageEnteredOn: '2026-10-15', createdOn: '2026-09-28', crmCloseDate: '2027-01-20', crmProbability: 0.1, crmForecastCategory: 'Pipeline', owner: 'Maya Chen' });
    expect(preview.deals.some((d) => d.name === '=HYPERLINK("http://example.com","Acme - Renewal")')).toBe(true);
  });

  it('books this quarter’s closed-won rows and lists the rest and the footer with their lines', () => {
    expect(preview.booked.map((d) => [d.name, d.amount, d.closedOn])).toEqual([
      ['Meridian Bank - Renewal', 640_000, '2026-11-12'],
      ['Polaris Media - Platform', 210_000, '2026-11-04'],
    ]);
    expect(preview.skipped).toEqual([
      { line: 54, message: 'closed won on 2026-09-30, before the current quarter (FY2027 Q4 starts 2026-11-01)' },
      { line: 55, message: 'stage "Closed Lost" is not an open stage' },
      { line: 56, message: 'stage "Closed Lost" is not an open stage' },
    ]);
    expect(preview.problems.map((p) => p.line)).toEqual([72, 74, 75, 76, 77]);
    expect(preview.problems[0]?.message).toBe('a totals line ("Total"), not a deal');
    expect(preview.problems[2]?.message).toBe('a single cell ("Confidential Information - Do Not Distribute"), not a row of the table: a report footer or note');
  });

  it('tallies rows and amounts per CRM stage, for reconciling with the report', () => {
    const tally = new Map(preview.stageTallies.map((t) => [t.crmStage, t]));
    expect(tally.get('Closed Won')).toEqual({ crmStage: 'Closed Won', rows: 3, amount: 1_180_000, imported: 2, importedAmount: 850_000 });
    const open = preview.stageTallies.filter((t) => !t.crmStage.startsWith('Closed'));
    expect(open.reduce((n, t) => n + t.rows, 0)).toBe(64);
    expect(open.every((t) => t.imported === t.rows && t.importedAmount === t.amount)).toBe(true);
  });

  it('gives the same ids to the same rows next week, so a merge updates instead of adding', () => {
    const first = applyImport(model, preview, 'replace', guess.settings.stageMapping);
    const again = applyImport(first, preview, 'merge', guess.settings.stageMapping);
    expect(again.deals).toHaveLength(64);
    expect(again.closedWon).toHaveLength(2);
    expect(validateModel(again).ok).toBe(true);
  });
});

describe('the same report with an 18-character id column', () => {
  it('uses the CRM’s ids and matches them with 15-character ids when merging', () => {
    const { preview, guess } = importOf('salesforce-report-18-char-ids.csv');
    expect(preview.idSource).toBe('column');
    expect(preview.deals).toHaveLength(64);
    expect(preview.deals.every((d) => /^006[A-Za-z0-9]{15}$/.test(d.id))).toBe(true);
    const first = preview.deals[0];
    if (!first) throw new Error('no deal');
    const workspace = { ...model, deals: [{ ...first, id: first.id.slice(0, 15), amount: 1 }] };
    const merged = applyImport(workspace, preview, 'merge', guess.settings.stageMapping);
    expect(merged.deals).toHaveLength(64);
    expect(merged.deals[0]).toMatchObject({ id: first.id, amount: first.amount });
  });
});

describe('a HubSpot deals export', () => {
  it('reads the record id, associated company, probability as a share and forecast category; closed won is booked', () => {
    const { preview } = importOf('hubspot-deals-export.csv');
    expect(preview.deals.map((d) => [d.id, d.name, d.account, d.crmProbability, d.crmForecastCategory])).toEqual([
      ['15550001', 'Platform Expansion', 'Helios Energy', 0.2, 'Pipeline'],
      ['15550002', 'Platform Expansion', 'Bluefin Insurance', 0.9, 'Commit'],
      ['15550003', 'Security Suite', 'Quantum Payments', 0.1, 'Pipeline'],
    ]);
    expect(preview.booked).toMatchObject([{ id: '15550004', name: 'Renewal', amount: 430_000, closedOn: '2026-11-18' }]);
    expect(preview.skipped).toEqual([{ line: 6, message: 'stage "Closed Lost" is not an open stage' }]);
  });
});

describe('hostile files', () => {
  it('reads a file that mixes CRLF, LF and CR line endings row by row', () => {
    const { preview } = importOf('hostile-mixed-line-endings.csv');
    expect(preview.deals.map((d) => d.id)).toEqual(['M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6']);
    expect(preview.deals[2]?.name).toBe('Gamma\nHoldings');
    expect(preview.notes[0]).toContain('mixes line endings');
  });

  it('loses only the row with an unclosed quote, and reads the rows after it', () => {
    const { preview } = importOf('hostile-open-quote.csv');
    expect(preview.deals.map((d) => d.id)).toEqual(['Q-1', 'Q-3', 'Q-4']);
    expect(preview.problems).toEqual([{ line: 3, message: 'a quoted value on this line is not closed properly, so the row cannot be read' }]);
  });

  it('checks every value against the model’s limits in the preview', () => {
    const { preview } = importOf('hostile-over-limits.csv');
    expect(preview.problems).toEqual([
      { line: 2, message: 'the name is 5,000 characters long (at most 500)' },
      { line: 3, message: 'the deal id is 5,000 characters long (at most 500)' },
      { line: 4, message: 'the amount 1000000000000000000 is above the largest amount a deal can have (1,000,000,000,000)' },
      { line: 5, message: 'the date entered current stage 1066-10-14 is outside the years 1900–2200' },
    ]);
    expect(preview.deals.map((d) => d.id)).toEqual(['L-5']);
  });

  it('lists repeated ids, rows repeated cell for cell, and rows that do not fit the header', () => {
    const { preview } = importOf('hostile-duplicates-and-shapes.csv');
    expect(preview.deals.map((d) => d.id)).toEqual(['D-1', 'D-2', 'D-7']);
    expect(preview.problems).toEqual([
      { line: 4, message: 'deal id "D-1" is also on line 2' },
      { line: 6, message: 'has 6 cells where the header has 5 (a separator inside an unquoted value?)' },
      { line: 7, message: 'has 3 cells where the header has 5' },
    ]);
    expect(preview.skipped).toEqual([{ line: 5, message: 'the same as line 3 (every cell equal), imported once' }]);
  });

  it('reads a European file with a byte order mark, semicolons, decimal commas and percent probabilities', () => {
    const { table, preview } = importOf('hostile-european-bom.csv');
    expect(table.delimiter).toBe(';');
    expect(preview.deals.map((d) => [d.id, d.amount, d.stageEnteredOn, d.crmCloseDate, d.crmProbability])).toEqual([
      ['E-1', 1_250_000, '2026-10-23', '2027-03-31', 0.4],
      ['E-2', 350_000.5, '2026-11-02', '2027-02-15', 0.6],
      ['E-3', 98_500, '2026-11-13', '2027-06-30', 0.1],
    ]);
  });

  it('removes control and text-direction override characters, and says so', () => {
    const { preview } = importOf('hostile-control-characters.csv');
    expect(preview.deals.map((d) => d.name)).toEqual(['Acme exe.tnemyap Corp', 'Bell Labs', 'Plain Name']);
    expect(preview.notes).toContain('2 cells held invisible control or text-direction characters; they were removed.');
  });
});
