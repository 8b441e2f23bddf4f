/**
 * Money as CRM exports write it: "$1,200,000.00", "1.200.000,00", "1 200 000,50 €", "USD 250000".
 * Which of "," and "." is the decimal mark is decided for the whole column (a file uses one style).
 */
export type AmountStyle = 'dot-decimal' | 'comma-decimal';

const CURRENCY_NOISE = /[\s\u00a0\u202f$€£¥]|[A-Z]{3}/g;

/** Guesses the column's style from values that can only be read one way; null if none can. */
export function detectAmountStyle(values: readonly string[]): AmountStyle | null {
  let dot = 0;
  let comma = 0;
  for (const raw of values) {
    const text = raw.replace(CURRENCY_NOISE, '');
    if (/,\d{1,2}$/.test(text) || /\.\d{3},/.test(text) || /\.\d{3}\./.test(text)) comma++;
    else if (/\.\d{1,2}$/.test(text) || /,\d{3}\./.test(text) || /,\d{3},/.test(text)) dot++;
  }
  if (dot === comma) return null;
  return dot > comma ? 'dot-decimal' : 'comma-decimal';
}

/** The amount, or null when the text is not an amount in that style. */
export function parseAmount(raw: string, style: AmountStyle): number | null {
  let text = raw.trim();
  const negative = /^\(.*\)$/.test(text) || text.includes('-');
  text = text.replace(/[()-]/g, '').replace(CURRENCY_NOISE, '');
  if (text === '') return null;
  const [group, decimal] = style === 'dot-decimal' ? [',', '.'] : ['.', ','];
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^\\d+(\\${decimal}\\d+)?$`);
  if (!grouped.test(text) && !plain.test(text)) return null;
  const value = Number(text.split(group).join('').replace(decimal, '.'));
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
