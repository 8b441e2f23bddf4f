import { validateModel } from '../model/validate.ts';
import { fail, ok, type Result } from '../result.ts';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from './constants.ts';
import { planForecast, type ForecastPlan, type RunOptions } from './prepare.ts';
import type { ForecastResult } from './result-types.ts';
import { simulateComplete } from './simulate-complete.ts';
import { summarize } from './summarize.ts';

export interface ForecastOptions {
  trials?: number;
  seed?: number;
  /** A millisecond clock for `meta.computeMs` (shared/ has no `performance`; hosts pass theirs). */
  clock?: () => number;
}

/** Checks run options; like the model, bad options are problems with a path, not exceptions. */
export function validateRunOptions(options: ForecastOptions): Result<RunOptions> {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const problems = [];
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    problems.push({ path: 'trials', message: `must be a whole number from 1 to ${MAX_TRIALS}` });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    problems.push({ path: 'seed', message: `must be a whole number from 0 to ${MAX_SEED}` });
  }
  return problems.length > 0 ? fail(problems) : ok({ trials, seed });
}

/** Validates and plans a run. */
export function prepareForecast(input: unknown, options: ForecastOptions = {}): Result<ForecastPlan> {
  const model = validateModel(input);
  const runOptions = validateRunOptions(options);
  if (!model.ok || !runOptions.ok) {
    return fail([...(model.ok ? [] : model.problems), ...(runOptions.ok ? [] : runOptions.problems)]);
  }
  return ok(planForecast(model.value, runOptions.value));
}

/** Runs a whole forecast in the calling thread (tests, small models). Hosts with workers use the block API. */
export function runForecast(input: unknown, options: ForecastOptions = {}): Result<ForecastResult> {
  const plan = prepareForecast(input, options);
  if (!plan.ok) return plan;
  const clock = options.clock ?? Date.now;
  const started = clock();
  const acc = simulateComplete(plan.value.prepared);
  return ok(summarize(plan.value, acc, clock() - started));
}
