import { fail, ok, type Problem, type Result } from '../result.ts';
import { parseIsoDay } from './dates.ts';
import { fiscalQuarters } from './fiscal.ts';
import { MODEL_LIMITS, MODEL_VERSION } from './limits.ts';
import { formatPath } from './problem-path.ts';
import { problemsFromZod } from './schema-problems.ts';
import { modelSchema, type ForecastModel } from './schema.ts';
import { signalProblems } from './validate-signals.ts';

/**
 * Validates a forecast model (format v1). Never throws: every problem comes back with its path,
 * e.g. `deals[3].stage: unknown stage "pilott"`. Checks that span fields run even when some fields
 * are malformed, so a user sees all problems in one pass.
 */
export function validateModel(input: unknown): Result<ForecastModel> {
  const newer = newerFormat(input);
  if (newer) return fail([newer]);
  const parsed = modelSchema.safeParse(input);
  const problems = [...(parsed.success ? [] : problemsFromZod(parsed.error)), ...crossCheck(input)];
  if (!parsed.success || problems.length > 0) return fail(dedupe(problems));
  return ok(parsed.data);
}

/** A file from a newer app: its other fields may mean something this version does not know, so say only that. */
function newerFormat(input: unknown): Problem | null {
  const version = num(record(input)?.version);
  if (version === null || version <= MODEL_VERSION) return null;
  return { path: 'version', message: `made by a newer version of the app (format ${version}); update to open it` };
}

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Checks that span fields, which a per-field schema cannot express. Reads the raw input defensively. */
function crossCheck(input: unknown): Problem[] {
  const model = record(input);
  if (!model) return [];
  const problems: Problem[] = [];
  const asOf = text(model.asOf);
  const asOfDay = asOf === null ? null : parseIsoDay(asOf);

  const stageIds = new Set<string>();
  const stageNames = new Map<string, number>();
  list(model.stages).forEach((raw, i) => {
    const stage = record(raw);
    if (!stage) return;
    const id = text(stage.id);
    if (id !== null && stageIds.has(id)) problems.push({ path: `stages[${i}].id`, message: `duplicate stage id "${id}"` });
    if (id !== null) stageIds.add(id);
    // Two stages of one name cannot be told apart in a chart, a CSV or the import's stage choice.
    const name = text(stage.name)?.trim().toLowerCase();
    const sameName = name ? stageNames.get(name) : undefined;
    if (name && sameName !== undefined) problems.push({ path: `stages[${i}].name`, message: `is also the name of stage ${sameName + 1}; give each stage its own name` });
    else if (name) stageNames.set(name, i);
    for (const field of ['duration', 'lossDuration']) {
      const problem = spreadProblem(record(stage[field]), 'days', MODEL_LIMITS.minDurationDays);
      if (problem) problems.push({ path: `stages[${i}].${field}`, message: problem });
    }
  });

  const dealIds = new Map<string, number>();
  const stageList = [...stageIds].map((s) => `"${s}"`).join(', ');
  list(model.deals).forEach((raw, i) => {
    const deal = record(raw);
    if (!deal) return;
    const id = text(deal.id);
    if (id !== null) {
      const first = dealIds.get(id);
      if (first !== undefined) problems.push({ path: `deals[${i}].id`, message: `duplicate deal id "${id}" (also deals[${first}])` });
      else dealIds.set(id, i);
    }
    const stage = text(deal.stage);
    if (stage !== null && stageIds.size > 0 && !stageIds.has(stage)) {
      problems.push({ path: `deals[${i}].stage`, message: `unknown stage "${stage}" (the stages are ${stageList})` });
    }
    const window = record(deal.closeWindow);
    const from = text(window?.from);
    const to = text(window?.to);
    const fromDay = from === null ? null : parseIsoDay(from);
    const toDay = to === null ? null : parseIsoDay(to);
    if (fromDay !== null && toDay !== null && fromDay > toDay) problems.push({ path: `deals[${i}].closeWindow`, message: `starts (${from}) after it ends (${to})` });
    if (fromDay !== null && asOfDay !== null && fromDay < asOfDay) problems.push({ path: `deals[${i}].closeWindow.from`, message: `${from} is before the as-of date ${asOf}` });
    const enteredText = text(deal.stageEnteredOn);
    const entered = enteredText === null ? null : parseIsoDay(enteredText);
    if (entered !== null && asOfDay !== null && entered > asOfDay) {
      problems.push({ path: `deals[${i}].stageEnteredOn`, message: `${enteredText} is after the as-of date ${asOf}` });
    }
  });

  const bookedIds = new Map<string, number>();
  list(model.closedWon).forEach((raw, i) => {
    const booked = record(raw);
    const id = text(booked?.id);
    if (id !== null) {
      const first = bookedIds.get(id);
      if (first !== undefined) problems.push({ path: `closedWon[${i}].id`, message: `duplicate deal id "${id}" (also closedWon[${first}])` });
      else bookedIds.set(id, i);
    }
    const closedText = text(booked?.closedOn);
    const closed = closedText === null ? null : parseIsoDay(closedText);
    if (closed !== null && asOfDay !== null && closed > asOfDay) problems.push({ path: `closedWon[${i}].closedOn`, message: `${closedText} is after the as-of date ${asOf} (a booked deal has closed)` });
  });

  list(model.shocks).forEach((raw, i) => {
    const shock = record(raw);
    const stage = text(shock?.stage);
    if (stage !== null && stageIds.size > 0 && !stageIds.has(stage)) problems.push({ path: `shocks[${i}].stage`, message: `unknown stage "${stage}" (the stages are ${stageList})` });
    const onText = text(shock?.onDate);
    const on = onText === null ? null : parseIsoDay(onText);
    if (on !== null && asOfDay !== null && on < asOfDay) problems.push({ path: `shocks[${i}].onDate`, message: `${onText} is before the as-of date ${asOf}` });
  });

  const scenarioIds = new Set<string>();
  list(model.scenarios).forEach((raw, i) => {
    const id = text(record(raw)?.id);
    if (id !== null && scenarioIds.has(id)) problems.push({ path: `scenarios[${i}].id`, message: `duplicate scenario id "${id}"` });
    if (id !== null) scenarioIds.add(id);
  });

  problems.push(...signalProblems(model, stageIds));

  const amountProblem = spreadProblem(record(record(model.newPipeline)?.amount), '', 0);
  if (amountProblem) problems.push({ path: 'newPipeline.amount', message: amountProblem });

  const startMonth = num(model.fiscalYearStartMonth) ?? 1;
  const targets = record(model.targets);
  if (targets && Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12) {
    for (const key of Object.keys(targets)) {
      const day = parseIsoDay(key);
      if (day === null) continue;
      const [quarter] = fiscalQuarters(day, startMonth, 1);
      if (quarter && quarter.startDay !== day) {
        problems.push({ path: formatPath(['targets', key]), message: `${key} is not the first day of a fiscal quarter (that quarter starts ${quarter.start})` });
      }
    }
  }
  return problems;
}

/**
 * A lognormal's P90 must be above its median, and within the bounds the engine represents exactly
 * (MODEL_LIMITS: from 1.01 to 100 times the median).
 */
function spreadProblem(value: Loose | null, unit: string, minMedian: number): string | null {
  const median = num(value?.median);
  const p90 = num(value?.p90);
  if (median === null || p90 === null || median <= 0 || median < minMedian) return null;
  const show = (n: number) => (unit === 'days' ? `${n} ${n === 1 ? 'day' : 'days'}` : String(n));
  // Named as the editors name them (typical and slow-case time, typical and large deal size), with the statistic in brackets.
  const [typical, slow] = unit === 'days' ? ['typical time (median', 'slow-case time (P90'] : ['typical size (median', 'large size (P90'];
  if (median >= p90) return `the ${slow}, ${show(p90)}) must be more than the ${typical}, ${show(median)})`;
  if (p90 < median * MODEL_LIMITS.minSpreadRatio) return `the ${slow}, ${show(p90)}) must be at least ${MODEL_LIMITS.minSpreadRatio} × the ${typical}, ${show(median)}); for a fixed time, widen it a little`;
  if (p90 > median * MODEL_LIMITS.maxSpreadRatio) return `the ${slow}, ${show(p90)}) must be at most ${MODEL_LIMITS.maxSpreadRatio} × the ${typical}, ${show(median)})`;
  return null;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
