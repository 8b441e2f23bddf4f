import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { readCsvTable } from '../import/read-table.ts';
import { parseIsoDay } from '../model/dates.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { dealPath } from './deal-path.ts';
import { fitHistory, NO_FILTERS } from './fit-history.ts';
import { buildHistory, guessHistorySettings, stageOfDateHeader } from './history-import.ts';
import { LOST, WON } from './history-types.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const model = sample.value;
const table = (name: string) => readCsvTable(decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url)))).text);
const day = (iso: string) => parseIsoDay(iso) ?? NaN;

describe('history import', () => {
  it('reads a Salesforce opportunity history report: one row per stage change, with its quirks', () => {
    const t = table('salesforce-opportunity-history.csv');
    const { settings } = guessHistorySettings(t, model);
    expect(settings.layout).toBe('stage-changes');
    expect(settings.columns).toMatchObject({ id: 0, name: 1, amount: 2, stage: 3, date: 4, owner: 5, created: 6 });
    expect(settings.stageMapping).toEqual({
      Qualification: 'discovery',
      'Executive Briefing': 'exec-presentation',
      'Proof of Concept': 'pilot',
      'Security Review': 'security',
      'Negotiation/Review': 'procurement',
      'Closed Won': WON,
      'Closed Lost': LOST,
    });
    const preview = buildHistory(t, settings, model);
    expect(preview.problems).toEqual([
      { line: 19, message: 'has no deal id' },
      { line: 20, message: 'date "13/40/2026" of stage "Proof of Concept" is not a date' },
    ]);
    expect(preview.deals).toBe(5);
    const byId = new Map(preview.history.deals.map((d) => [d.id, d]));
    const ids = model.stages.map((s) => s.id);
    const path = (id: string) => dealPath(byId.get(id) ?? { id, name: '', amount: 0, owner: null, region: null, createdDay: 0, events: [] }, ids, preview.history.asOfDay);
    expect(path('006B000001').outcome).toEqual({ kind: 'won', day: day('2026-06-19') });
    expect(path('006B000002').entered).toEqual([day('2026-02-02'), null, day('2026-03-16'), null, null]);
    expect(path('006B000003').backwardMoves).toBe(1);
    expect(path('006B000004').reopened).toBe(true);
    expect(byId.get('006B000004')).toMatchObject({ amount: 1_200_000, owner: 'Priya Nair', createdDay: day('2026-01-12') });
  });

  it('reads a HubSpot export with a "Date entered" column per stage and fits the stages', () => {
    const t = table('hubspot-deal-stage-dates.csv');
    const { settings } = guessHistorySettings(t, model);
    expect(settings.layout).toBe('stage-dates');
    expect(Object.values(settings.stageDateColumns)).toEqual(['Qualified To Buy', 'Presentation Scheduled', 'Technical Evaluation', 'Security Review', 'Contract Sent', 'Closed Won', 'Closed Lost']);
    expect(settings.stageMapping).toMatchObject({ 'Technical Evaluation': 'pilot', 'Closed Won': WON, 'Closed Lost': LOST });
    const preview = buildHistory(t, settings, model);
    expect(preview.problems).toEqual([]);
    expect(preview.deals).toBe(400);
    const fit = fitHistory(preview.history, model, { cutoffDay: preview.history.asOfDay, priorSampleSize: 10, filters: NO_FILTERS });
    const pilot = fit.stages.find((s) => s.stageId === 'pilot');
    // The file was simulated with a 42% pilot conversion and a 70-day median.
    expect(pilot?.conversion.proposed).toBeGreaterThan(0.34);
    expect(pilot?.conversion.proposed).toBeLessThan(0.52);
    expect(pilot?.duration.proposed?.median).toBeGreaterThan(55);
    expect(pilot?.duration.proposed?.median).toBeLessThan(88);
    const emea = fitHistory(preview.history, model, { cutoffDay: preview.history.asOfDay, priorSampleSize: 10, filters: { ...NO_FILTERS, region: 'EMEA' } });
    expect(emea.dealsUsed).toBeLessThan(fit.dealsUsed / 2);
  });

  it('reads stage names out of the usual date-entered headers', () => {
    expect(stageOfDateHeader('Date entered "Contract Sent (Sales Pipeline)"')).toBe('Contract Sent');
    expect(stageOfDateHeader('Date entered Discovery')).toBe('Discovery');
    expect(stageOfDateHeader('Pilot entered')).toBe('Pilot');
    expect(stageOfDateHeader('Amount')).toBeNull();
  });
});
