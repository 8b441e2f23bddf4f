/** Number formats a sales leader reads at a glance. */
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

export const decimal = (value: number, digits = 1): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** "Mar 18, 2027" from an ISO day. */
export const friendlyDate = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`));
