/**
 * Number formats a sales leader reads at a glance, written once for the screen, the exported charts, the
 * scenario descriptions and the CLI report (US English, like the rest of the app's words).
 */
const cache = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** $4.1M, $350K */
export const compactMoney = (value: number, currency: string): string =>
  formatter(`c-${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 })).format(value);

/** $1,234,567 */
export const fullMoney = (value: number, currency: string): string =>
  formatter(`f-${currency}`, () => new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })).format(value);

/** 45% (with "<1%" and ">99%" for the ends, which round misleadingly) */
export function percent(value: number): string {
  if (value > 0 && value < 0.005) return '<1%';
  if (value < 1 && value > 0.995) return '>99%';
  return `${Math.round(value * 100)}%`;
}

/** 12.5%, 30%: a share to the tenth of a percent, for inputs a person typed (conversions, chances). */
export const finePercent = (value: number): string => `${formatter('p1', () => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })).format(value * 100)}%`;

/** 3.4 (fixed digits, with thousands separators) */
export const decimal = (value: number, digits = 1): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 12,000 */
export const whole = (value: number): string => formatter('w', () => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(value);

/** "deal" for 1, "deals" for any other count: the noun alone, for a count set apart (in bold, in its own cell). */
export const noun = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 deal", "2,500 deals": a count with its noun in the right number. */
export const count = (n: number, one: string, many = `${one}s`): string => `${whole(n)} ${noun(n, one, many)}`;
