/**
 * Writes tests/fixtures/hubspot-deals-with-signals.csv: a HubSpot-style deals export (one row per deal,
 * a "Date entered" column per stage) of 600 deals over the sample's stages, with two signal columns
 * as a CRM holds them (mixed case, blanks, a value the model does not know). The true odds ratios:
 * practitioner pilot passed ×3, mixed ×0.9, failed ×0.3 (from the security review on), executive
 * sponsor engaged ×2 (from the first stage on).
 * Run with: npx tsx scripts/make-signal-history-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { writeCsv } from '../shared/csv/write-csv.ts';
import { HUBSPOT_STAGE_COLUMNS, HUBSPOT_STAGE_NAMES } from '../tests/support/hubspot-stages.ts';
import { formatIsoDay, parseIsoDay } from '../shared/model/dates.ts';
import { validateModel } from '../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { starterSignals } from '../shared/signals/starter-signals.ts';
import { syntheticSignalHistory } from '../tests/support/synthetic-signal-history.ts';

const sample = validateModel(SAMPLE_WORKSPACE);
if (!sample.ok) throw new Error('sample');
const known: Record<string, Record<string, number>> = { pilot: { passed: 3, mixed: 0.9, failed: 0.3 }, sponsor: { yes: 2 } };
const truth = { ...sample.value, signals: starterSignals(sample.value.stages).map((s) => ({ ...s, oddsRatios: known[s.id] ?? {} })) };
const HUBSPOT = HUBSPOT_STAGE_NAMES;
const columns = HUBSPOT_STAGE_COLUMNS;
const history = syntheticSignalHistory(truth, { deals: 600, asOfDay: parseIsoDay(truth.asOf) ?? 0, years: 3, seed: 2027, shares: { pilot: { passed: 0.35, mixed: 0.15, failed: 0.15 }, sponsor: { yes: 0.45 } } });
// As typed into a CRM: capitalized, sometimes shouting, sometimes left blank at the baseline.
const asTyped = (value: string | undefined, i: number) => {
  if (value === undefined || (value === 'not run' && i % 2 === 0) || (value === 'no' && i % 3 === 0)) return '';
  if (i === 17 || i === 41) return 'In progress';
  return i % 5 === 0 ? value.toUpperCase() : value.charAt(0).toUpperCase() + value.slice(1);
};
const rows = history.deals.map((deal, i) => {
  const when = new Map(deal.events.map((e) => [e.target, e.day]));
  return [
    String(9_200_000 + i),
    `${['Northwind', 'Meridian', 'Atlas', 'Zenith', 'Orion', 'Cascade'][i % 6]} ${['Bank', 'Health', 'Logistics', 'Energy', 'Retail'][i % 5]} ${i + 1}`,
    150_000 + (i % 7) * 25_000,
    formatIsoDay(deal.createdDay),
    asTyped(deal.signals?.pilot, i),
    asTyped(deal.signals?.sponsor, i),
    ...columns.map((c) => (when.has(c) ? formatIsoDay(when.get(c) as number) : '')),
  ];
});
const csv = writeCsv(['Record ID', 'Deal Name', 'Amount', 'Create Date', 'Practitioner pilot', 'Executive sponsor engaged', ...columns.map((c) => `Date entered "${HUBSPOT[c]} (Sales Pipeline)"`)], rows);
writeFileSync(new URL('../tests/fixtures/hubspot-deals-with-signals.csv', import.meta.url), csv);
process.stdout.write(`wrote ${rows.length} deals\n`);
