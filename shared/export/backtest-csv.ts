import { DEFAULT_CSV_OPTIONS, writeCsv, type CsvOptions } from '../csv/write-csv.ts';
import type { Backtest } from '../history/backtest.ts';

const money = (v: number) => Math.round(v * 100) / 100;
const share = (v: number) => Math.round(v * 10_000) / 10_000;

/** The backtest per quarter, then the deal-level calibration, as two tables of one CSV each. */
export function backtestCsvFiles(result: Backtest, currency: string, options: CsvOptions = DEFAULT_CSV_OPTIONS): { quarters: string; calibration: string } {
  const c = currency;
  return {
    quarters: writeCsv(
      [
        'Quarter',
        'Start',
        'End',
        `Actual bookings (${c})`,
        `P10 forecast (${c})`,
        `P50 forecast (${c})`,
        `P90 forecast (${c})`,
        'Actual inside P10-P90',
        'Scored',
        'Why not scored',
        `Weighted pipeline (${c})`,
        `Last quarter's actual (${c})`,
        `Same quarter last year (${c})`,
        `Mean pinball loss (${c})`,
        `CRPS (${c})`,
        'Share of outcomes below actual (PIT)',
        'Open deals at quarter start',
      ],
      result.quarters.map((q) => [q.label, q.start, q.end, money(q.actual), money(q.p10), money(q.p50), money(q.p90), q.inside ? 'yes' : 'no', q.scored ? 'yes' : 'no', q.reason ?? '', money(q.weighted), money(q.lastQuarter), money(q.sameQuarterLastYear), money(q.pinball), money(q.crps), share(q.pit), q.openDeals]),
      options,
    ),
    calibration: writeCsv(
      ['Predicted chance from', 'Predicted chance to', 'Deals', 'Average predicted chance', 'Share that closed won in the quarter'],
      result.calibration.map((b) => [share(b.from), share(b.to), b.deals, share(b.predicted), share(b.observed)]),
      options,
    ),
  };
}
