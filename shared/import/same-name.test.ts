import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../renderer/features/import/decode-bytes.ts';
import { validModel } from '../../tests/support/test-models.ts';
import type { ForecastModel } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { firstGuess } from './first-guess.ts';
import { applyImport, buildImport, type ImportPreview } from './pipeline-import.ts';
import { readCsvTable } from './read-table.ts';
import { findSameNameDeals, matchByName, nameKey } from './same-name.ts';

const sample = validModel(SAMPLE_WORKSPACE);

/** The preview of a CSV text, with the stages the guess leaves open mapped as the user would. */
function previewOf(csv: string, model: ForecastModel, stageMapping: Record<string, string> = {}): { preview: ImportPreview; mapping: Record<string, string> } {
  const table = readCsvTable(csv);
  const guess = firstGuess(table, model);
  const mapping = { ...guess.settings.stageMapping, ...stageMapping };
  return { preview: buildImport(table, { ...guess.settings, stageMapping: mapping }, model), mapping };
}

const hubspot = () =>
  previewOf(decodeCsvBytes(new Uint8Array(readFileSync(new URL('../../tests/fixtures/hubspot-deals.csv', import.meta.url)))).text, sample, {
    'Appointment Scheduled': 'discovery',
    'Decision Maker Bought-In': 'security',
  });

const namesOf = (review: ReturnType<typeof findSameNameDeals>) => review.pairs.map((p) => [p.imported.deal.id, p.existing.deal.id, p.imported.kind, p.existing.kind]);

describe('deals with the same name under another id', () => {
  it('compares names whatever their case and spacing', () => {
    expect(nameKey('  Orion\u00a0 SPACE\tSystems ')).toBe(nameKey('Orion Space Systems'));
    expect(nameKey('Évora Saúde')).toBe(nameKey('E\u0301vora Sau\u0301de'));
    expect(nameKey('Orion Space')).not.toBe(nameKey('Orion Space Systems'));
  });

  it('pairs each HubSpot deal with the sample deal of its name, a closed-won one with the open deal it was', () => {
    const { preview } = hubspot();
    const review = findSameNameDeals(sample, preview);
    expect(namesOf(review)).toEqual([
      ['9001', 'D-1002', 'open', 'open'],
      ['9002', 'D-1003', 'open', 'open'],
      ['9003', 'D-1015', 'open', 'open'],
      ['9004', 'D-1032', 'open', 'open'],
      ['9005', 'D-1038', 'open', 'open'],
      ['9007', 'D-1040', 'booked', 'open'],
    ]);
    expect(review.shared).toEqual([]);
  });

  it('by default a merge updates the existing deal under its id: no deal is in the pipeline twice', () => {
    const { preview, mapping } = hubspot();
    const merged = validModel(applyImport(sample, preview, 'merge', mapping));
    // 40 deals, Évora Saúde added, Lighthouse Media now booked instead of open.
    expect(merged.deals).toHaveLength(40);
    const orions = merged.deals.filter((d) => nameKey(d.name) === nameKey('Orion Space Systems'));
    expect(orions).toEqual([expect.objectContaining({ id: 'D-1032', amount: 890_000, stage: 'security', stageEnteredOn: '2026-09-01', owner: 'Lena Fischer', sponsorRole: 'VP Engineering', crmCloseDate: '2027-02-28' })]);
    expect(merged.deals.some((d) => d.name === 'Lighthouse Media')).toBe(false);
    expect(merged.closedWon).toEqual([expect.objectContaining({ id: 'D-1040', name: 'Lighthouse Media', amount: 150_000, closedOn: '2026-11-15' })]);
    expect(merged.deals.find((d) => d.name === 'Évora Saúde')?.id).toBe('9006');
  });

  it('keeps both when the user asks, as a merge by id alone did', () => {
    const { preview, mapping } = hubspot();
    const merged = validModel(applyImport(sample, preview, 'merge', mapping, 'keep-both'));
    expect(merged.deals).toHaveLength(46);
    expect(merged.deals.filter((d) => d.name === 'Orion Space Systems').map((d) => d.id)).toEqual(['D-1032', '9004']);
  });

  it('matches nothing by name when the ids already meet, on either side', () => {
    const csv = ['Record ID,Deal Name,Deal Stage,Amount', 'D-1032,Orion Space Systems (renamed),Contract Sent,900000', '9004,Orion Space Systems,Contract Sent,890000'].join('\n');
    const { preview } = previewOf(csv, sample);
    // D-1032 is merged by id; the other Orion is then a new deal, not a second copy of D-1032.
    expect(findSameNameDeals(sample, preview)).toEqual({ pairs: [], shared: [] });
    const again = previewOf(['Record ID,Deal Name,Deal Stage,Amount', 'D-1001,Orion Space Systems,Contract Sent,1'].join('\n'), sample).preview;
    expect(findSameNameDeals(sample, again)).toEqual({ pairs: [], shared: [] });
  });

  it('names a shared name instead of guessing which deal is which, and keeps them all', () => {
    const twoAcmes = validModel({ ...SAMPLE_WORKSPACE, deals: [...sample.deals, { id: 'D-2000', name: 'acme corp', amount: 90_000, stage: 'discovery', stageEnteredOn: '2026-11-01' }] });
    const { preview, mapping } = previewOf(['Record ID,Deal Name,Deal Stage,Amount', '9100,Acme Corp,Contract Sent,250000', '9101,Quantum Payments,Contract Sent,510000', '9102,QUANTUM PAYMENTS,Contract Sent,90000'].join('\n'), twoAcmes);
    const review = findSameNameDeals(twoAcmes, preview);
    expect(review.pairs).toEqual([]);
    expect(review.shared).toEqual([
      { name: 'Acme Corp', inWorkspace: 2, inFile: 1 },
      { name: 'Quantum Payments', inWorkspace: 1, inFile: 2 },
    ]);
    expect(validModel(applyImport(twoAcmes, preview, 'merge', mapping)).deals).toHaveLength(41 + 3);
  });

  it('adds an open deal named like a booked one (a renewal or an expansion after the win)', () => {
    const withBooked = validModel({ ...SAMPLE_WORKSPACE, closedWon: [{ id: 'W-1', name: 'Globex', amount: 100_000, closedOn: '2026-11-10' }] });
    const { preview } = previewOf(['Record ID,Deal Name,Deal Stage,Amount,Close Date', '9200,Globex,Contract Sent,50000,2027-01-31', '9201,Globex,Closed Won,100000,2026-11-10'].join('\n'), withBooked);
    // The open one is not a candidate for the booked deal; the booked one and the open one share the name in the file.
    expect(findSameNameDeals(withBooked, preview)).toEqual({ pairs: [], shared: [{ name: 'Globex', inWorkspace: 1, inFile: 2 }] });
    const onlyOpen = previewOf(['Record ID,Deal Name,Deal Stage,Amount', '9200,Globex,Contract Sent,50000'].join('\n'), withBooked).preview;
    expect(findSameNameDeals(withBooked, onlyOpen)).toEqual({ pairs: [], shared: [] });
  });

  it('closes the open deal of the name of a closed-lost row under another id, as lost', () => {
    const { preview, mapping } = previewOf(['Record ID,Deal Name,Deal Stage,Amount,Close Date', '9300,helios  energy,Closed Lost,420000,2026-11-20'].join('\n'), sample);
    expect(namesOf(findSameNameDeals(sample, preview))).toEqual([['9300', 'D-1002', 'lost', 'open']]);
    const merged = validModel(applyImport(sample, preview, 'merge', mapping));
    expect(merged.deals.some((d) => d.id === 'D-1002')).toBe(false);
    expect(merged.closedLost).toEqual([expect.objectContaining({ id: 'D-1002', name: 'helios  energy', closedOn: '2026-11-20' })]);
    // Kept apart, the open deal stays open and nothing is marked lost: the row is still listed as left out.
    const apart = validModel(applyImport(sample, preview, 'merge', mapping, 'keep-both'));
    expect(apart.deals.some((d) => d.id === 'D-1002')).toBe(true);
    expect(apart.closedLost ?? []).toEqual([]);
    expect(preview.skipped).toHaveLength(1);
  });

  it('moves only ids: every imported row stays imported, once', () => {
    const { preview } = hubspot();
    const matched = matchByName(preview, findSameNameDeals(sample, preview).pairs);
    expect(matched.deals.map((d) => d.id)).toEqual(['D-1002', 'D-1003', 'D-1015', 'D-1032', 'D-1038', '9006']);
    expect(matched.booked.map((d) => d.id)).toEqual(['D-1040']);
    expect(matched.deals.map(({ id: _id, ...rest }) => rest)).toEqual(preview.deals.map(({ id: _id, ...rest }) => rest));
    expect(matched.deals.length + matched.booked.length + matched.problems.length + matched.skipped.length).toBe(preview.dataRows);
  });
});
