import type { ScenarioRun } from '../analysis/compare.ts';
import { DEFAULT_CSV_OPTIONS, writeCsv, type CsvCell, type CsvOptions } from '../csv/write-csv.ts';

const money = (value: number | null | undefined): CsvCell => (value == null ? null : Math.round(value * 100) / 100);
const probability = (value: number | null | undefined): CsvCell => (value == null ? null : Math.round(value * 10_000) / 10_000);

/** Compared scenarios, one row per scenario and quarter, for finance. */
export function scenarioComparisonCsv(runs: readonly ScenarioRun[], currency: string, options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  const c = currency;
  const rows: CsvCell[][] = [];
  for (const run of runs) {
    if (!run.result) continue;
    for (const q of run.result.quarters) {
      rows.push([run.name, q.label, q.start, q.end, money(q.target), money(q.mean), money(q.p10), money(q.p50), money(q.p90), probability(q.pTarget), Math.round(q.expectedWins * 1000) / 1000, money(run.result.cac.costPerWin)]);
    }
  }
  return writeCsv(
    ['Scenario', 'Quarter', 'Start', 'End', `Target (${c})`, `Mean bookings (${c})`, `P10 bookings (${c})`, `P50 bookings (${c})`, `P90 bookings (${c})`, 'Probability of reaching target', 'Expected wins', `Remaining cost per expected win, all quarters (${c})`],
    rows,
    options,
  );
}
