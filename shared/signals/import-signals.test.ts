import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { firstGuess } from '../import/first-guess.ts';
import { applyImport, buildImport } from '../import/pipeline-import.ts';
import { readCsvTable } from '../import/read-table.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { starterSignals } from './starter-signals.ts';

const stages = (SAMPLE_WORKSPACE.stages ?? []).map((s) => ({ id: s.id, name: s.name }));
const checked = validateModel({ ...SAMPLE_WORKSPACE, signals: starterSignals(stages) });
if (!checked.ok) throw new Error('sample with signals');
const model = checked.value;

describe('signal columns of a pipeline import', () => {
  it('maps MEDDICC-style fields to signals, reads checkboxes and filled-in names, and notes values it cannot map', () => {
    const decoded = decodeCsvBytes(new Uint8Array(readFileSync(new URL('../../tests/fixtures/salesforce-meddicc-signals.csv', import.meta.url))));
    const table = readCsvTable(decoded.text);
    const guess = firstGuess(table, model);
    // "Economic Buyer" is the engaged executive sponsor, "Pilot Status" the practitioner pilot; "Champion" maps to no signal.
    expect(guess.settings.signalColumns).toEqual({ sponsor: 8, pilot: 10 });
    const preview = buildImport(table, guess.settings, model);
    expect(preview.deals.length + preview.booked.length + preview.problems.length + preview.skipped.length).toBe(preview.dataRows);
    expect(preview.deals.map((d) => d.signals ?? null)).toEqual([
      { sponsor: 'yes' },
      { pilot: 'not run' },
      { sponsor: 'yes' },
      { sponsor: 'yes', pilot: 'passed' },
      { sponsor: 'yes', pilot: 'passed' },
      { sponsor: 'no', pilot: 'failed' },
      { sponsor: 'no', pilot: 'mixed' },
      null,
    ]);
    expect(preview.notes).toEqual(
      expect.arrayContaining([
        'Column "Pilot Status": "Not started" (1 row) is none of the values of Practitioner pilot ("not run", "passed", "mixed", "failed"); those deals are at "not run".',
        'Column "Pilot Status": "In progress" (1 row) is none of the values of Practitioner pilot ("not run", "passed", "mixed", "failed"); those deals are at "not run".',
      ]),
    );
    const imported = validateModel(applyImport(model, preview, 'replace', guess.settings.stageMapping));
    expect(imported.ok).toBe(true);
  });

  it('takes no signal column when the model declares no signals', () => {
    const decoded = decodeCsvBytes(new Uint8Array(readFileSync(new URL('../../tests/fixtures/salesforce-meddicc-signals.csv', import.meta.url))));
    const plain = validateModel({ ...SAMPLE_WORKSPACE, signals: [] });
    if (!plain.ok) throw new Error('sample');
    const table = readCsvTable(decoded.text);
    const guess = firstGuess(table, plain.value);
    expect(guess.settings.signalColumns).toBeUndefined();
    expect(buildImport(table, guess.settings, plain.value).deals.every((d) => d.signals === undefined)).toBe(true);
  });
});
