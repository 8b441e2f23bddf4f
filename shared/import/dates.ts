import { formatIsoDay, parseIsoDay } from '../model/dates.ts';

/**
 * Dates as CRM exports write them: ISO (2026-10-02), US (10/2/2026), European (02.10.2026 or
 * 2/10/2026), with or without a time. Slash dates are ambiguous until a day above 12 shows up, so the
 * order is decided for the whole column, and the user is asked when the file cannot tell.
 */
export type DateOrder = 'month-first' | 'day-first';

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;
const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/;

export interface DateOrderGuess {
  order: DateOrder | null;
  /** True when every slashed date in the column could be read either way. */
  ambiguous: boolean;
}

export function detectDateOrder(values: readonly string[]): DateOrderGuess {
  let monthFirst = false;
  let dayFirst = false;
  let slashed = 0;
  for (const raw of values) {
    const match = SLASHED.exec(raw.trim());
    if (!match) continue;
    slashed++;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (raw.includes('.')) dayFirst = true; // 02.10.2026 is day-first everywhere it is used
    if (a > 12) dayFirst = true;
    if (b > 12) monthFirst = true;
  }
  if (monthFirst && !dayFirst) return { order: 'month-first', ambiguous: false };
  if (dayFirst && !monthFirst) return { order: 'day-first', ambiguous: false };
  return { order: null, ambiguous: slashed > 0 && !monthFirst && !dayFirst };
}

/** The ISO day, or null when the text is not a date (in that order). */
export function parseCrmDate(raw: string, order: DateOrder): string | null {
  const text = raw.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = SLASHED.exec(text);
  if (!slashed) return null;
  const a = Number(slashed[1]);
  const b = Number(slashed[2]);
  let year = Number(slashed[3]);
  if (slashed[3]?.length === 2) year += year < 70 ? 2000 : 1900;
  const dayFirst = order === 'day-first' || text.includes('.');
  return dayFirst ? checked(year, b, a) : checked(year, a, b);
}

function checked(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dayNumber = parseIsoDay(text);
  return dayNumber === null ? null : formatIsoDay(dayNumber);
}
