/**
 * Writes tests/fixtures/hubspot-deal-stage-dates.csv: a HubSpot-style export (one row per deal, a
 * "Date entered" column per stage) of 400 deals simulated from known stage parameters, slower and
 * less likely to convert in the proof of concept than the sample workspace assumes.
 * Run with: npx tsx scripts/make-history-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { writeCsv } from '../shared/csv/write-csv.ts';
import { HUBSPOT_STAGE_COLUMNS, HUBSPOT_STAGE_NAMES } from '../tests/support/hubspot-stages.ts';
import { formatIsoDay, parseIsoDay } from '../shared/model/dates.ts';
import { validateModel } from '../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { syntheticHistory } from '../tests/support/synthetic-history.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const truth = {
  ...sample.value,
  stages: sample.value.stages.map((s) =>
    s.id === 'pilot' ? { ...s, conversion: 0.42, duration: { median: 70, p90: 160 } } : s.id === 'security' ? { ...s, duration: { median: 40, p90: 100 } } : s,
  ),
};
const HUBSPOT = HUBSPOT_STAGE_NAMES;
const columns = HUBSPOT_STAGE_COLUMNS;
const history = syntheticHistory(truth, { deals: 400, asOfDay: parseIsoDay(truth.asOf) ?? 0, years: 3, seed: 2026, amount: { median: 180_000, p90: 600_000 } });
const time = (day: number, i: number) => `${formatIsoDay(day)} ${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
const rows = history.deals.map((deal, i) => {
  const when = new Map(deal.events.map((e) => [e.target, e.day]));
  return [
    String(9_100_000 + i),
    `${['Northwind', 'Meridian', 'Atlas', 'Zenith', 'Orion', 'Cascade', 'Summit', 'Harbor'][i % 8]} ${['Bank', 'Health', 'Logistics', 'Energy', 'Retail', 'Insurance'][i % 6]} ${i + 1}`,
    deal.amount,
    deal.owner,
    deal.region,
    time(deal.createdDay, i),
    ...columns.map((c) => (when.has(c) ? time(when.get(c) as number, i) : '')),
  ];
});
const csv = writeCsv(['Record ID', 'Deal Name', 'Amount', 'Deal owner', 'Region', 'Create Date', ...columns.map((c) => `Date entered "${HUBSPOT[c]} (Sales Pipeline)"`)], rows);
writeFileSync(new URL('../tests/fixtures/hubspot-deal-stage-dates.csv', import.meta.url), csv);
process.stdout.write(`wrote ${rows.length} deals\n`);
