import type { ForecastModel } from '../../../shared/model/schema.ts';
import { validateModel } from '../../../shared/model/validate.ts';

/**
 * Checks a candidate model for one field: the message a user sees beside the field is exactly what the
 * file validation would say for that path, so the editor and the saved file can never disagree.
 */
export function problemAt(candidate: ForecastModel, path: string): string | null {
  const result = validateModel(candidate);
  if (result.ok) return null;
  const own = result.problems.find((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  if (own) return own.message;
  // A change can break the model elsewhere (an earlier as-of date puts deals' stage dates in the
  // future): refuse it too, and say where, so an edit can never leave the workspace unsaveable.
  const other = result.problems[0];
  return other ? `would make ${other.path} invalid: ${other.message}` : null;
}

/** Parses what a user types as a number: "1,200", " 45 ", "60%" (as 60). Null when it is not a number. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s%$€£]/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
