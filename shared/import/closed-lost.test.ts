import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { validModel } from '../../tests/support/test-models.ts';
import { whatChanged } from '../analysis/what-changed.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { firstGuess } from './first-guess.ts';
import { applyImport, buildImport } from './pipeline-import.ts';
import { readCsvTable } from './read-table.ts';
import type { ForecastModel } from '../model/schema.ts';

function imported(model: ForecastModel, name: string, mode: 'replace' | 'merge' = 'replace'): ForecastModel {
  const table = readCsvTable(decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url)))).text);
  const guess = firstGuess(table, model);
  const preview = buildImport(table, guess.settings, model);
  expect(preview.deals.length + preview.booked.length + preview.problems.length + preview.skipped.length).toBe(preview.dataRows);
  return validModel(applyImport(model, preview, mode, guess.settings.stageMapping));
}

describe('closed won and lost rows of a weekly import', () => {
  const lastWeek = imported(validModel(SAMPLE_WORKSPACE), 'salesforce-weekly-1.csv');
  const thisWeek = imported(lastWeek, 'salesforce-weekly-2.csv');

  it('mark a deal that was open as lost (kept in closedLost, the row still listed as left out) and one that was won as booked', () => {
    const helios = lastWeek.deals.find((d) => d.name === 'Helios Energy - Pilot');
    expect(thisWeek.closedLost).toEqual([{ id: helios?.id, name: 'Helios Energy - Pilot', amount: 350_000, closedOn: '2026-11-19' }]);
    expect(thisWeek.closedWon?.map((d) => d.name)).toEqual(['Zenith Financial - Renewal']);
    expect(thisWeek.deals.some((d) => d.name.startsWith('Helios'))).toBe(false);
  });

  it('a merge also takes a lost deal out of the open pipeline, and a closed-lost row of a deal never open marks nothing', () => {
    const merged = imported(lastWeek, 'salesforce-weekly-2.csv', 'merge');
    expect(merged.deals.some((d) => d.name.startsWith('Helios'))).toBe(false);
    expect(merged.closedLost?.map((d) => d.name)).toEqual(['Helios Energy - Pilot']);
    const fresh = imported(validModel(SAMPLE_WORKSPACE), 'salesforce-weekly-2.csv');
    expect(fresh.closedLost).toBeUndefined();
  });

  it('so the comparison of the two weeks says won and lost, not gone', async () => {
    const changed = await whatChanged(lastWeek, thisWeek, { trials: 500, seed: 2 });
    if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
    const kinds = Object.fromEntries(changed.value.deals.map((d) => [d.name, d.change]));
    expect(kinds).toMatchObject({ 'Helios Energy - Pilot': 'lost', 'Zenith Financial - Renewal': 'won', 'Atlas Reinsurance - Expansion': 'stage', 'Acme Corp - Security Suite': 'amount', 'Quantum Payments - Enterprise License': 'date', 'Fjord Analytics - Platform': 'added', 'Meridian Bank - Platform': 'unchanged' });
  });
});
