import type { ForecastModel } from '../../../shared/model/schema.ts';
import { validateModel } from '../../../shared/model/validate.ts';

/**
 * Checks a candidate model for one field: the message a user sees beside the field is exactly what the
 * file validation would say for that path, so the editor and the saved file can never disagree.
 */
export function problemAt(candidate: ForecastModel, path: string): string | null {
  const result = validateModel(candidate);
  if (result.ok) return null;
  const problem = result.problems.find((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  return problem ? problem.message : null;
}

/** Parses what a user types as a number: "1,200", " 45 ", "60%" (as 60). Null when it is not a number. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s%$€£]/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
