/**
 * Calendar days as integers (days since 1970-01-01, UTC). Every date in a model is a plain ISO day
 * ("2026-11-23"): no time zones, so a forecast made in Berlin and one made in San Francisco agree.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date, or null when the text is not a real calendar day. */
export function parseIsoDay(text: string): number | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null; // e.g. 2026-02-30 rolls over into March
  }
  return Math.round(ms / MS_PER_DAY);
}

export function formatIsoDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of the first day of a month; `monthIndex` counts months from year 0 (year*12 + month0). */
export function dayOfMonthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  const month0 = monthIndex - year * 12;
  return Math.round(Date.UTC(year, month0, 1) / MS_PER_DAY);
}

/** year*12 + zero-based month of a day number. */
export function monthIndexOfDay(dayNumber: number): number {
  const date = new Date(dayNumber * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
