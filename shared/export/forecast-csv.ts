import type { CsvCell, CsvOptions } from '../csv/write-csv.ts';
import { DEFAULT_CSV_OPTIONS, writeCsv } from '../csv/write-csv.ts';
import type { ForecastModel } from '../model/schema.ts';
import type { ForecastResult } from '../engine/result-types.ts';

/** What a run's export says about itself, written as the fourth file. */
export interface RunDescription {
  appVersion: string;
  modelFileName: string;
}

export interface ForecastCsvFiles {
  quarters: string;
  deals: string;
  cac: string;
  metadata: string;
}

const money = (value: number | null): CsvCell => (value === null ? null : Math.round(value * 100) / 100);
const probability = (value: number | null): CsvCell => (value === null ? null : Math.round(value * 10_000) / 10_000);
/** A CRM field kept on a deal (owner, sponsor role): text or nothing. */
const extraText = (value: unknown): CsvCell => (typeof value === 'string' ? value : null);
const count = (value: number): CsvCell => Math.round(value * 1000) / 1000;

/** The three forecast tables and the run's metadata as CSV text, for finance. */
export function forecastCsvFiles(
  model: ForecastModel,
  result: ForecastResult,
  run: RunDescription,
  options: CsvOptions = DEFAULT_CSV_OPTIONS,
): ForecastCsvFiles {
  const c = model.currency;
  const quarters = writeCsv(
    ['Quarter', 'Start', 'End', `Target (${c})`, `Mean bookings (${c})`, `P10 bookings (${c})`, `P50 bookings (${c})`, `P90 bookings (${c})`, 'Probability of reaching target', 'Expected wins', `Booked so far (${c})`, `Expected spend (${c})`],
    [
      ...result.quarters.map((q) => [q.label, q.start, q.end, money(q.target), money(q.mean), money(q.p10), money(q.p50), money(q.p90), probability(q.pTarget), count(q.expectedWins), money(q.booked), money(q.spend)]),
      ['Beyond horizon', null, null, null, money(result.beyondHorizon.mean), null, null, null, null, count(result.beyondHorizon.expectedWins), null, money(result.beyondHorizon.spend)],
    ],
    options,
  );
  // The deal's own fields come along so that the file imports back as a pipeline.
  const modelDeals = new Map(model.deals.map((d) => [d.id, d]));
  // Stage names for people; the ids beside them, since names can change and ids are what the model keys on.
  const stageNames = new Map(model.stages.map((s) => [s.id, s.name]));
  const deals = writeCsv(
    [
      'Deal id',
      'Deal name',
      'Stage',
      'Stage id',
      `Amount (${c})`,
      'Probability of winning',
      ...result.quarters.map((q) => `Probability of winning in ${q.label}`),
      'Close date if won P10',
      'Close date if won P50',
      'Close date if won P90',
      'Date entered current stage',
      'Owner',
      'Executive sponsor role',
    ],
    result.deals.map((d) => {
      const source = modelDeals.get(d.id);
      return [
        d.id,
        d.name,
        stageNames.get(d.stage) ?? d.stage,
        d.stage,
        money(d.amount),
        probability(d.pWin),
        ...d.pWinByQuarter.map(probability),
        d.closeDate?.p10 ?? null,
        d.closeDate?.p50 ?? null,
        d.closeDate?.p90 ?? null,
        source?.stageEnteredOn ?? null,
        extraText(source?.['owner']),
        extraText(source?.['sponsorRole']),
      ];
    }),
    options,
  );
  const full = result.cac.fullCycle;
  const cac = writeCsv(
    [
      'Stage id',
      'Stage',
      `CAC by stage, full cycle, per won customer (${c})`,
      `Of it on deals that end lost (${c})`,
      `Cost to work the current pipeline (${c})`,
      `Remaining cost per expected win (${c})`,
      `Remaining cost on deals that end lost (${c})`,
    ],
    [
      ...model.stages.map((s) => [
        s.id,
        s.name,
        money(full.costPerWinByStage[s.id] ?? null),
        money(full.lostCostPerWinByStage[s.id] ?? null),
        money(result.cac.costByStage[s.id] ?? 0),
        money(result.cac.costPerWinByStage[s.id] ?? null),
        money(result.cac.lostCostByStage[s.id] ?? 0),
      ]),
      [
        'total',
        'All stages',
        money(full.costPerWin),
        money(Object.values(full.lostCostPerWinByStage).reduce((a: number, b) => a + (b ?? 0), 0)),
        money(result.cac.totalCost),
        money(result.cac.costPerWin),
        money(Object.values(result.cac.lostCostByStage).reduce((a, b) => a + b, 0)),
      ],
    ],
    options,
  );
  const metadata = writeCsv(
    ['Field', 'Value'],
    [
      ['As-of date', result.meta.asOf],
      ['Currency', result.meta.currency],
      ['Trials', result.meta.trials],
      ['Seed', result.meta.seed],
      ['Engine version', result.meta.engineVersion],
      ['App version', run.appVersion],
      ['Model file', run.modelFileName],
      ['Expected wins (all deals, any time)', count(result.cac.expectedWins)],
      ['Note', 'Forecast, not actuals: Monte Carlo simulation of the open pipeline and new pipeline.'],
    ],
    options,
  );
  return { quarters, deals, cac, metadata };
}

export type ForecastTable = keyof ForecastCsvFiles;

/**
 * A file name that says what and when: forecast-FY2027-Q1-2026-11-23-quarters.csv (the first forecast
 * quarter and the as-of date), safe on every operating system.
 */
export function exportFileName(result: ForecastResult, what: string, extension: 'csv' | 'png' | 'svg' | 'zip' | 'pdf' | ''): string {
  const firstQuarter = result.quarters[0]?.label ?? 'forecast';
  const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const base = `forecast-${slug(firstQuarter)}-${result.meta.asOf}-${slug(what)}`;
  return extension ? `${base}.${extension}` : base;
}
