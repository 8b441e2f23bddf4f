import type { ForecastModel } from '../../shared/model/schema.ts';
import { validateModel } from '../../shared/model/validate.ts';
import type { Problem } from '../../shared/result.ts';
import { describeProblem } from '../app/problem-text.ts';
import { duplicateDealId, scopeForField } from './field-scope.ts';

const problemKey = (p: Problem) => `${p.path}\u0000${p.message}`;

/** The whole model's problems, once per document: documents are immutable, so identity is the key. */
const problemsOfDocument = new WeakMap<ForecastModel, ReadonlySet<string>>();
export function knownProblems(model: ForecastModel): ReadonlySet<string> {
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
 * Checks a candidate model for one field while the user types: the field's own rules and the rules
 * across fields that it touches, on the part of the model those rules read (see scopeForField), so
 * the cost does not grow with the pipeline. The message is exactly what the file validation says for
 * that path, so the editor and the saved file never disagree. A change that would break the model
 * elsewhere (an earlier as-of date puts deals' stage dates in the future) is refused too, with a
 * plain sentence. Problems the model already had never block an edit: those come from the whole-model
 * check, which runs once per accepted edit, off the typing path (see warmKnownProblems).
 */
export function problemAt(current: ForecastModel, candidate: ForecastModel, path: string): string | null {
  const scope = scopeForField(candidate, path);
  const result = validateModel(scope.model);
  const problems = result.ok ? [] : result.problems.map((p) => ({ ...p, path: scope.toFullPath(p.path) }));
  const duplicate = duplicateDealId(candidate, path);
  if (duplicate) problems.push(duplicate);
  if (problems.length === 0) return null;
  const own = problems.find((p) => isAt(p, path));
  if (own) return own.message;
  const before = knownProblems(current);
  const other = problems.find((p) => !before.has(problemKey(p)));
  return other ? `would break another part of the model: ${describeProblem(candidate, other).text}` : null;
}

/** Runs the whole-model check of a new document when the browser is idle, so the first keystroke after an edit finds it done. */
export function warmKnownProblems(model: ForecastModel): void {
  const run = () => void knownProblems(model);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

/** Parses what a user types as a number: "1,200", " 45 ", "60%" (as 60). Null when it is not a number. */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s%$€£]/g, '');
  if (cleaned === '' || !/^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
