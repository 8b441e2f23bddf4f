import { parseIsoDay } from '../model/dates.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import { parseCrmDate, type DateOrder } from './dates.ts';

/**
 * A row's values checked against the model's limits, so that whatever the preview accepts makes a
 * valid, saveable workspace. Each reader returns the value, or a plain reason it cannot be used.
 */
export type Checked<T> = { value: T } | { reason: string };

const fmtLimit = (n: number) => n.toLocaleString('en-US');

/** Text that fits the model (names, ids, owners); `what` names it in the reason. */
export function checkText(text: string, what: string): Checked<string> {
  if (text.length > MODEL_LIMITS.maxTextLength) return { reason: `the ${what} is ${fmtLimit(text.length)} characters long (at most ${fmtLimit(MODEL_LIMITS.maxTextLength)})` };
  return { value: text };
}

/** An amount within the model's bounds (above zero, at most 1e12). */
export function checkAmount(amount: number, text: string): Checked<number> {
  if (amount <= 0) return { reason: `the amount ${text} is not above zero` };
  if (amount > MODEL_LIMITS.maxAmount) return { reason: `the amount ${text} is above the largest amount a deal can have (${fmtLimit(MODEL_LIMITS.maxAmount)})` };
  return { value: amount };
}

/** A CRM date as an ISO day within the supported years; empty text is null (no date). */
export function checkDate(text: string, order: DateOrder, what: string): Checked<string | null> {
  if (text === '') return { value: null };
  const iso = parseCrmDate(text, order);
  if (iso === null || parseIsoDay(iso) === null) return { reason: `the ${what} "${text}" is not a date` };
  const year = Number(iso.slice(0, 4));
  if (year < MODEL_LIMITS.minYear || year > MODEL_LIMITS.maxYear) return { reason: `the ${what} ${iso} is outside the years ${MODEL_LIMITS.minYear}–${MODEL_LIMITS.maxYear}` };
  return { value: iso };
}

/** Whether a probability column is written in percent ("40%", "40") rather than as a share (0.4). */
export const probabilityInPercent = (values: readonly string[]): boolean => values.some((v) => v.includes('%') || Number(v.replace(',', '.')) > 1);

/** The CRM's probability as a share 0–1; empty text is null. */
export function checkProbability(text: string, inPercent: boolean): Checked<number | null> {
  if (text === '') return { value: null };
  const value = Number(text.replace('%', '').replace(',', '.').trim());
  const share = inPercent ? value / 100 : value;
  if (!Number.isFinite(share) || share < 0 || share > 1) return { reason: `the probability "${text}" is not from 0 to 100%` };
  return { value: share };
}
