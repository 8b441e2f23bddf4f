import { describe, expect, it } from 'vitest';
import { validModel } from '../../tests/support/test-models.ts';
import { buildHistory, guessHistorySettings } from '../history/history-import.ts';
import { readCsvTable } from '../import/read-table.ts';
import { historyFromKept, keepHistory } from '../history/kept-history.ts';
import { guessSignalColumns, withHistorySignals } from './history-signals.ts';
import { starterSignals } from './starter-signals.ts';

const model = validModel({
  version: 1,
  asOf: '2026-11-23',
  stages: [
    { id: 'exec', name: 'Executive presentation', conversion: 0.6, duration: { median: 20, p90: 50 } },
    { id: 'pilot', name: 'Proof of concept', conversion: 0.5, duration: { median: 45, p90: 110 } },
  ],
  deals: [],
  signals: starterSignals([{ id: 'exec', name: 'Executive presentation' }, { id: 'pilot', name: 'Proof of concept' }]),
});

describe('signal columns of a history file', () => {
  it('matches columns by signal name or id and values in any case; lists values it cannot map', () => {
    const csv = [
      'Deal ID;Stage;Stage Entered Date;Amount;PRACTITIONER PILOT;sponsor',
      'A;exec;2026-01-05;100000;Passed;YES',
      'A;closedwon;2026-03-01;100000;passed;yes',
      'B;exec;2026-02-05;90000;  failed ;',
      'B;closedlost;2026-03-01;90000;in progress;No',
      'C;exec;2026-02-07;90000;;',
    ].join('\r\n');
    const table = readCsvTable(csv);
    const { settings } = guessHistorySettings(table, model);
    const preview = buildHistory(table, settings, model);
    const columns = guessSignalColumns(table.headers, model.signals ?? []);
    expect(columns).toEqual({ pilot: 4, sponsor: 5 });
    const { history, unmapped } = withHistorySignals(preview.history, table, settings.columns.id, model.signals ?? [], columns);
    expect(Object.fromEntries(history.deals.map((d) => [d.id, d.signals]))).toEqual({ A: { pilot: 'passed', sponsor: 'yes' }, B: { pilot: 'failed', sponsor: 'no' }, C: {} });
    expect(unmapped).toEqual([{ signalId: 'pilot', column: 'PRACTITIONER PILOT', value: 'in progress', rows: 1 }]);
    // A history kept with the workspace keeps its signal values, and the workspace stays valid.
    const kept = keepHistory(history, 'history.csv');
    expect(historyFromKept(kept).deals.map((d) => d.signals ?? {})).toEqual(history.deals.map((d) => d.signals));
    expect(validModel({ ...model, calibration: { history: kept } }).calibration?.history?.deals[0]?.signals).toEqual({ pilot: 'passed', sponsor: 'yes' });
  });
});
