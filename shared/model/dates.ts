/**
 * Calendar days as integers (days since 1970-01-01, UTC). Every date in a model is a plain ISO day
 * ("2026-11-23"): no time zones, so a forecast made in Berlin and one made in San Francisco agree.
 * The conversions are the proleptic Gregorian calendar's own arithmetic (H. Hinnant's days_from_civil),
 * not `Date.UTC`, which reads the years 0–99 as 1900–1999.
 */
import { MODEL_LIMITS } from './limits.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a year, month (1–12) and day. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Year, month (1–12) and day of a day number. */
function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const daysInMonth = (year: number, month: number) => daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);

/** The day number of an ISO date, or null when the text is not a real calendar day. */
export function parseIsoDay(text: string): number | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null; // e.g. 2026-02-30
  return daysFromCivil(year, month, day);
}

/** Whether a year is one a model may use (see MODEL_LIMITS): the calendar code is exact far beyond it. */
export function isSupportedYear(year: number): boolean {
  return year >= MODEL_LIMITS.minYear && year <= MODEL_LIMITS.maxYear;
}

/** YYYY-MM-DD. Valid models only reach years 1900–2200 plus a forecast's horizon, well inside 0000–9999. */
export function formatIsoDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of the first day of a month; `monthIndex` counts months from year 0 (year*12 + month0). */
export function dayOfMonthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return daysFromCivil(year, monthIndex - year * 12 + 1, 1);
}

/** year*12 + zero-based month of a day number. */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = civilFromDays(dayNumber);
  return year * 12 + month - 1;
}
