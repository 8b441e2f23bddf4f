import type { ForecastModel } from '../../../shared/model/schema.ts';
import { validateModel } from '../../../shared/model/validate.ts';
import type { Problem } from '../../../shared/result.ts';
import { describeProblem } from '../problem-text.ts';

const problemKey = (p: Problem) => `${p.path}\u0000${p.message}`;

/** The whole model's problems, once per document: documents are immutable, so identity is the key. */
const problemsOfDocument = new WeakMap<ForecastModel, ReadonlySet<string>>();
function knownProblems(model: ForecastModel): ReadonlySet<string> {
  let known = problemsOfDocument.get(model);
  if (!known) {
    const result = validateModel(model);
    known = new Set(result.ok ? [] : result.problems.map(problemKey));
    problemsOfDocument.set(model, known);
  }
  return known;
}

const isAt = (p: Problem, path: string) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`);

/**
 * Checks a candidate model for one field: the message a user sees beside the field is exactly what the
 * file validation would say for that path, so the editor and the saved file can never disagree. A
 * change that would break the model elsewhere (an earlier as-of date puts deals' stage dates in the
 * future) is refused too, with a plain sentence saying where. Problems the model already had before
 * this edit never block it: a workspace with a problem stays editable everywhere.
 */
export function problemAt(current: ForecastModel, candidate: ForecastModel, path: string): string | null {
  const result = validateModel(candidate);
  if (result.ok) return null;
  const own = result.problems.find((p) => isAt(p, path));
  if (own) return own.message;
  const before = knownProblems(current);
  const other = result.problems.find((p) => !before.has(problemKey(p)));
  return other ? `would break another part of the model: ${describeProblem(candidate, other).text}` : null;
}

/** Parses what a user types as a number: "1,200", " 45 ", "60%" (as 60). Null when it is not a number. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s%$€£]/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
