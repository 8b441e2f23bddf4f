import { validateModel } from '../model/validate.ts';
import { modelSchema, type ForecastModel } from '../model/schema.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';

/**
 * Problems of these kinds mean the document does not have the model's shape (a number where a list
 * should be, a missing stage list, an unknown field): the app cannot show it, so it counts as damaged.
 * Every other problem (a value out of range, a target on a day that starts no quarter, a stage date
 * after the as-of date) is something the user can see and fix in the app: the document is kept as
 * it is, with its problems, and only the forecast waits for them to be fixed.
 */
const STRUCTURAL = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element']);

export interface ReadableModel {
  document: ForecastModel;
  /** Empty when the model can be forecast. */
  problems: Problem[];
}

/** Accepts a model that has the right shape, valid or not; refuses one the app could not display. */
export function readableModel(input: unknown): Result<ReadableModel> {
  const valid = validateModel(input);
  if (valid.ok) return ok({ document: valid.value, problems: [] });
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success && parsed.error.issues.some((issue) => STRUCTURAL.has(issue.code))) return valid;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(valid.problems);
  return ok({ document: withDefaults(input as Record<string, unknown>), problems: valid.problems });
}

/**
 * The schema's defaults, applied by hand because the schema's own parse failed on some value. The shape
 * was checked above (no structural problem), so the result has the model's types; only values may be
 * out of range, which the problems list says.
 */
function withDefaults(input: Record<string, unknown>): ForecastModel {
  const stages = (input.stages as Record<string, unknown>[]).map((s) => ({ costPerDay: 0, entryCost: 0, ...s }));
  // The cast is justified by the structural check above: every field present has the schema's type.
  return { fiscalYearStartMonth: 1, horizonQuarters: 4, currency: 'USD', ...input, stages } as unknown as ForecastModel;
}
