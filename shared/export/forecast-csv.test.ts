import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { EUROPEAN_CSV_OPTIONS } from '../csv/write-csv.ts';
import { runForecast } from '../engine/run.ts';
import { firstGuess } from '../import/first-guess.ts';
import { applyImport, buildImport } from '../import/pipeline-import.ts';
import { readCsvTable } from '../import/read-table.ts';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { exportFileName, forecastCsvFiles } from './forecast-csv.ts';

const INJECTED = '=HYPERLINK("http://evil.example","Click me")';
const checked = validateModel({
  ...SAMPLE_WORKSPACE,
  deals: SAMPLE_WORKSPACE.deals.map((d, i) => (i === 0 ? { ...d, name: INJECTED } : i === 1 ? { ...d, name: 'Müller, "Nord" GmbH' } : d)),
});
if (!checked.ok) throw new Error('model');
const model = checked.value;
const run500 = runForecast(model, { trials: 500, seed: 7 });
if (!run500.ok) throw new Error('run');
const result = run500.value;
const run = { appVersion: '1.2.3', modelFileName: 'plan.forecast.json' };

describe('forecast CSV exports', () => {
  it('names files by first quarter and as-of date', () => {
    expect(exportFileName(result, 'quarters', 'csv')).toBe(`forecast-${result.quarters[0]?.label.replace(' ', '-')}-${model.asOf}-quarters.csv`);
    expect(exportFileName(result, 'Bookings per quarter', 'png')).toMatch(/^forecast-FY\d{4}-Q\d-\d{4}-\d{2}-\d{2}-Bookings-per-quarter\.png$/);
  });

  it('writes a header row first, numbers as numbers and the run metadata apart', () => {
    const files = forecastCsvFiles(model, result, run);
    const quarters = files.quarters.replace(/^\uFEFF/, '').split('\r\n');
    expect(quarters[0]).toBe(
      'Quarter,Start,End,Target (USD),Mean bookings (USD),P10 bookings (USD),P50 bookings (USD),P90 bookings (USD),Probability of reaching target,Expected wins,Booked so far (USD),Expected spend (USD)',
    );
    const first = quarters[1]?.split(',') ?? [];
    expect(Number(first[6])).toBeCloseTo(result.quarters[0]?.p50 ?? NaN, 1);
    expect(files.metadata).toContain('Trials,500\r\n');
    expect(files.metadata).toContain('Model file,plan.forecast.json\r\n');
  });

  it('neutralizes an injected formula in a deal name and the deals file imports back unchanged', () => {
    for (const options of [undefined, EUROPEAN_CSV_OPTIONS]) {
      const { deals } = forecastCsvFiles(model, result, run, options);
      expect(deals).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
      const table = readCsvTable(decodeCsvBytes(new TextEncoder().encode(deals)).text);
      const guess = firstGuess(table, model);
      const preview = buildImport(table, guess.settings, model);
      expect(preview.problems).toEqual([]);
      const reimported = applyImport(model, preview, 'replace', guess.settings.stageMapping);
      const pick = (d: (typeof model.deals)[number]) => ({ id: d.id, name: d.name, amount: d.amount, stage: d.stage, stageEnteredOn: d.stageEnteredOn, owner: d['owner'] });
      expect(reimported.deals.map(pick)).toEqual(model.deals.map(pick));
    }
  });
});

describe('deals CSV round trip', () => {
  it('writes stage names in the Stage column and stage ids beside them', () => {
    const { deals } = forecastCsvFiles(model, result, run);
    const [header, first] = deals.replace(/^\uFEFF/, '').split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['Deal id', 'Deal name', 'Stage', 'Stage id']);
    const deal = model.deals.find((d) => first?.startsWith(`${d.id},`));
    const stage = model.stages.find((s) => s.id === deal?.stage);
    expect(first).toContain(`,${stage?.name},${stage?.id},`);
  });

  it('brings every name back exactly as it was, spaces, tabs, apostrophes and formula starts included', () => {
    const names = ['\t=1+1', "'=x", "''=x", ' leading and trailing ', '+1 555', '\u00A0=SUM(A1)', '\uFF1Dfull', 'line\n=two', '@home', 'plain'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ maxLength: 12 }), (start, rest) => {
        const name = `${start}${rest}`;
        if (name.trim() === '') return;
        const withName = { ...model, deals: model.deals.slice(0, 3).map((d, i) => (i === 0 ? { ...d, name } : d)) };
        const ran = runForecast(withName, { trials: 10, seed: 1 });
        if (!ran.ok) throw new Error('run');
        for (const options of [undefined, EUROPEAN_CSV_OPTIONS]) {
          const { deals } = forecastCsvFiles(withName, ran.value, run, options);
          const table = readCsvTable(decodeCsvBytes(new TextEncoder().encode(deals)).text);
          const guess = firstGuess(table, withName);
          const preview = buildImport(table, guess.settings, withName);
          expect(preview.deals.find((d) => d.id === withName.deals[0]?.id)?.name).toBe(name);
        }
      }),
      { numRuns: 60 },
    );
  });
});
