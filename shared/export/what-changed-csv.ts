import type { WhatChanged } from '../analysis/what-changed.ts';
import { CAUSES, CAUSE_LABELS } from '../analysis/what-changed-steps.ts';
import { DEFAULT_CSV_OPTIONS, writeCsv, type CsvCell, type CsvOptions } from '../csv/write-csv.ts';

const money = (value: number): CsvCell => Math.round(value * 100) / 100;

/**
 * Per deal and shared quarter: expected bookings before and after (amount × chance to close in the
 * quarter, or the booked amount), the change, and the change split by cause (the causes add up to it).
 */
export function whatChangedCsv(changed: WhatChanged, currency: string, options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  const rows: CsvCell[][] = [];
  for (const deal of changed.deals) {
    changed.quarters.forEach((quarter, q) => {
      rows.push([
        deal.id,
        deal.name,
        deal.change,
        quarter.label,
        quarter.start,
        money(deal.expectedBefore[q] ?? 0),
        money(deal.expectedAfter[q] ?? 0),
        money(deal.expectedChangeByQuarter[q] ?? 0),
        ...CAUSES.map((cause) => money(deal.expectedChangeByCause[cause][q] ?? 0)),
        deal.closeDatePushes,
      ]);
    });
  }
  const c = currency;
  return writeCsv(
    ['Deal id', 'Deal', 'What happened', 'Quarter', 'Quarter start', `Expected bookings before (${c})`, `Expected bookings after (${c})`, `Change (${c})`, ...CAUSES.map((cause) => `${CAUSE_LABELS[cause]} (${c})`), 'CRM close-date pushes'],
    rows,
    options,
  );
}
