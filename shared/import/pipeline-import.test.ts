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
const fixture = (name: string) => decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url))));

function importOf(name: string) {
  const decoded = fixture(name);
  const table = readCsvTable(decoded.text);
  const guess = firstGuess(table, model);
  return { decoded, table, guess, preview: buildImport(table, guess.settings, model) };
}

describe('pipeline import', () => {
  it('reads a Salesforce opportunity report: quoted US amounts, month-first dates, closed won booked, closed lost left out', () => {
    const { decoded, table, guess, preview } = importOf('salesforce-opportunities.csv');
    expect(decoded.encoding).toBe('utf-8');
    expect(table.delimiter).toBe(',');
    expect(guess.settings.columns).toMatchObject({ id: 0, name: 1, amount: 3, stage: 4, closeDate: 5, createdOn: 6, stageEnteredOn: 7, owner: 8 });
    expect(guess.settings.stageMapping).toEqual({
      Qualification: 'discovery',
      'Executive Briefing': 'exec-presentation',
      'Proof of Concept': 'pilot',
      'Security Review': 'security',
      'Negotiation/Review': 'procurement',
      'Closed Won': '#won',
      'Closed Lost': '',
    });
    expect(preview.problems).toEqual([]);
    expect(preview.skipped).toEqual([{ line: 9, message: 'stage "Closed Lost" is not an open stage' }]);
    expect(preview.booked).toEqual([{ id: '006A000007', name: 'Orbit Air - Closed', account: 'Orbit Air', amount: 90_000, closedOn: '2026-11-10', createdOn: '2026-04-01', owner: 'Sam Okafor' }]);
    expect(preview.deals).toHaveLength(6);
    expect(preview.deals[4]).toMatchObject({ id: '006A000005', name: 'Zenith Financial - Renewal + Expansion', amount: 1_200_000, stage: 'procurement', stageEnteredOn: '2026-10-28', crmCloseDate: '2026-12-15', owner: 'Jon Alvarez' });
    expect(preview.deals[3]?.name).toBe('Atlas Re, "Global" rollout');
  });

  it('reads a HubSpot export with a byte order mark and leaves unknown stages for the user to map', () => {
    const { decoded, guess, preview } = importOf('hubspot-deals.csv');
    expect(decoded.text.startsWith('Record ID')).toBe(true);
    expect(guess.settings.stageMapping).toEqual({ 'Qualified To Buy': 'discovery', 'Presentation Scheduled': 'exec-presentation', 'Contract Sent': 'procurement', 'Closed Won': '#won' });
    expect(preview.notes).toEqual(['No stage date column: the created date is used as the day each deal entered its stage.']);
    expect(preview.problems).toEqual([
      { line: 2, message: 'stage "Appointment Scheduled" is not mapped to a stage of the model' },
      { line: 5, message: 'stage "Decision Maker Bought-In" is not mapped to a stage of the model' },
    ]);
    expect(preview.deals.find((d) => d.id === '9006')).toMatchObject({ name: 'Évora Saúde', stageEnteredOn: '2026-09-14' });
  });

  it('reads a European, semicolon-delimited UTF-16 file with decimal commas and day-first dates', () => {
    const { decoded, table, guess, preview } = importOf('european-pipeline.csv');
    expect(decoded.encoding).toBe('utf-16le');
    expect(table.delimiter).toBe(';');
    expect(guess.settings.amountStyle).toBe('comma-decimal');
    expect(guess.settings.dateOrder).toBe('day-first');
    expect(preview.problems).toEqual([]);
    expect(preview.deals.map((d) => [d.name, d.amount, d.stage, d.stageEnteredOn])).toEqual([
      ['Müller Maschinenbau', 1_200_000, 'pilot', '2026-10-02'],
      ['Société Générale Énergie', 350_000.5, 'security', '2026-10-21'],
      ['Nordisk Logistik', 98_500, 'discovery', '2026-11-13'],
      ['Banca Ligure', 640_000, 'procurement', '2026-10-28'],
    ]);
  });

  it('lists every bad row with its line number and reason', () => {
    const { preview } = importOf('bad-rows.csv');
    expect(preview.problems).toEqual([
      { line: 3, message: 'the name is empty' },
      { line: 4, message: 'the amount is empty' },
      { line: 5, message: 'the amount "twelve thousand" is not a number in the chosen format' },
      { line: 6, message: 'the amount -$5,000.00 is not above zero' },
      { line: 7, message: 'stage "Stage Zero" is not mapped to a stage of the model' },
      { line: 8, message: 'the date entered current stage 2026-12-25 is after the as-of date 2026-11-23' },
      { line: 9, message: 'the date entered current stage "next week" is not a date' },
      { line: 10, message: 'deal id "B-1" is also on line 2' },
    ]);
    expect(preview.deals.map((d) => d.id)).toEqual(['B-1', 'B-9']);
    expect(preview.deals[1]?.name).toBe('Multi\nline name');
  });

  it('replaces the pipeline or merges by deal id, and remembers the stage mapping', () => {
    const { guess, preview } = importOf('salesforce-opportunities.csv');
    const replaced = applyImport(model, preview, 'replace', guess.settings.stageMapping);
    expect(replaced.deals).toHaveLength(6);
    expect(replaced.closedWon?.map((d) => d.id)).toEqual(['006A000007']);
    expect(replaced.crmStageMapping?.['Negotiation/Review']).toBe('procurement');
    expect(validateModel(replaced).ok).toBe(true);
    const merged = applyImport(model, preview, 'merge', guess.settings.stageMapping);
    expect(merged.deals).toHaveLength(40 + 6);
    const again = applyImport(merged, { ...preview, deals: preview.deals.map((d) => ({ ...d, amount: 1 })) }, 'merge', {});
    expect(again.deals).toHaveLength(46);
    expect(again.deals.find((d) => d.id === '006A000001')?.amount).toBe(1);
    // Remembered: a second import of the same CRM maps its stages the same way without guessing.
    const remembered = firstGuess(readCsvTable('Opportunity Name,Amount,Stage\nX,1,Negotiation/Review\n'), { ...model, crmStageMapping: { 'Negotiation/Review': 'security' } });
    expect(remembered.settings.stageMapping).toEqual({ 'Negotiation/Review': 'security' });
  });
});
