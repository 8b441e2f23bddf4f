import { dayOfMonthStart, formatIsoDay, monthIndexOfDay } from './dates.ts';

/** One fiscal quarter. `start` and `end` are ISO days, both inclusive. */
export interface FiscalQuarter {
  label: string;
  start: string;
  end: string;
  /** Day numbers: first day, and the first day after the quarter. */
  startDay: number;
  endDayExclusive: number;
}

/**
 * The `count` fiscal quarters starting with the one that contains `asOfDay`.
 * A fiscal year is named after the calendar year in which it ends: with a February start,
 * Feb 2026 – Jan 2027 is FY2027; with a January start, the fiscal year is the calendar year.
 */
export function fiscalQuarters(asOfDay: number, fiscalYearStartMonth: number, count: number): FiscalQuarter[] {
  const asOfMonth = monthIndexOfDay(asOfDay);
  const monthsIntoYear = (((asOfMonth % 12) - (fiscalYearStartMonth - 1)) % 12 + 12) % 12;
  const firstQuarterMonth = asOfMonth - (monthsIntoYear % 3);
  const quarters: FiscalQuarter[] = [];
  for (let i = 0; i < count; i++) {
    const startMonth = firstQuarterMonth + 3 * i;
    const startDay = dayOfMonthStart(startMonth);
    const endDayExclusive = dayOfMonthStart(startMonth + 3);
    quarters.push({
      label: fiscalQuarterLabel(startMonth, fiscalYearStartMonth),
      start: formatIsoDay(startDay),
      end: formatIsoDay(endDayExclusive - 1),
      startDay,
      endDayExclusive,
    });
  }
  return quarters;
}

function fiscalQuarterLabel(startMonthIndex: number, fiscalYearStartMonth: number): string {
  const monthsIntoYear = (((startMonthIndex % 12) - (fiscalYearStartMonth - 1)) % 12 + 12) % 12;
  const yearStartMonth = startMonthIndex - monthsIntoYear;
  const yearEndMonth = yearStartMonth + 11;
  const fiscalYear = Math.floor(yearEndMonth / 12);
  return `FY${fiscalYear} Q${Math.floor(monthsIntoYear / 3) + 1}`;
}
