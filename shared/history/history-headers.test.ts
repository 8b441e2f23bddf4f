import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { readCsvTable } from '../import/read-table.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { buildHistory, columnsByHeader, guessHistorySettings, stageOfDateHeader, withRememberedColumns } from './history-import.ts';
import { WON } from './history-types.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const model = sample.value;
const headerTable = (header: string) => readCsvTable(`Opportunity ID,Amount,Stage,${header}\n006A1,"$1,000.00",Qualification,10/2/2026\n`);

describe('history import headers', () => {
  it('takes the common names of the stage-change date as the date of each row', () => {
    for (const header of ['Stage Entered', 'Entered Stage Date', 'Date Entered', 'Stage Start Date', 'Stage Change Date', 'Edit Date', 'Last Modified', 'Last Modified Date']) {
      const { settings } = guessHistorySettings(headerTable(header), model);
      expect({ header, layout: settings.layout, date: settings.columns.date }).toEqual({ header, layout: 'stage-changes', date: 3 });
    }
  });

  it('reads a stage duration report with a "Stage Entered" column', () => {
    const table = readCsvTable(decodeCsvBytes(new Uint8Array(readFileSync(new URL('../../tests/fixtures/salesforce-stage-history.csv', import.meta.url)))).text);
    const { settings } = guessHistorySettings(table, model);
    expect(settings.columns).toMatchObject({ id: 0, name: 1, amount: 2, stage: 3, date: 4 });
    expect(settings.stageMapping['Closed Won']).toBe(WON);
    const preview = buildHistory(table, settings, model);
    expect(preview.problems).toEqual([]);
    expect(preview.deals).toBe(24);
    expect(preview.history.deals.filter((d) => d.events.some((e) => e.target === WON))).toHaveLength(8);
  });

  it('names the stage of HubSpot’s per-stage date columns, and not of a general "Stage Entered"', () => {
    expect(stageOfDateHeader('Date entered "Contract Sent (Sales Pipeline)"')).toBe('Contract Sent');
    expect(stageOfDateHeader('Became a Customer date')).toBe('Customer');
    expect(stageOfDateHeader('Became an Opportunity date')).toBe('Opportunity');
    expect(stageOfDateHeader('Stage Entered')).toBeNull();
    expect(stageOfDateHeader('Entered Stage Date')).toBeNull();
    expect(stageOfDateHeader('Stage Start Date')).toBeNull();
  });

  it('applies the columns chosen by hand for an earlier file with the same headers', () => {
    const table = readCsvTable('Opp,Value,Step,When,Rep\n006A1,1000,Qualification,10/2/2026,Maya\n');
    const { settings } = guessHistorySettings(table, model);
    expect(settings.columns.id).toBeUndefined();
    const chosen = { ...settings.columns, id: 0, amount: 1, stage: 2, date: 3, owner: 4 };
    const remembered = columnsByHeader(table.headers, chosen);
    expect(remembered).toMatchObject({ id: 'Opp', amount: 'Value', stage: 'Step', date: 'When', owner: 'Rep' });
    const next = readCsvTable('Rep,Opp,Step,When,Value\nMaya,006A1,Qualification,10/2/2026,1000\n');
    const again = withRememberedColumns(next.headers, guessHistorySettings(next, model).settings, remembered);
    expect(again.columns).toMatchObject({ owner: 0, id: 1, stage: 2, date: 3, amount: 4 });
  });
});
