import { fail, ok, type Problem, type Result } from '../result.ts';
import { parseIsoDay } from './dates.ts';
import { fiscalQuarters } from './fiscal.ts';
import { formatPath } from './problem-path.ts';
import { problemsFromZod } from './schema-problems.ts';
import { modelSchema, type ForecastModel } from './schema.ts';

/**
 * Validates a forecast model (format v1). Never throws: every problem comes back with its path,
 * e.g. `deals[3].stage: unknown stage "pilott"`.
 */
export function validateModel(input: unknown): Result<ForecastModel> {
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) {
    return fail(problemsFromZod(parsed.error));
  }
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? fail(problems) : ok(parsed.data);
}

/** Checks that span fields, which a per-field schema cannot express. */
function crossCheck(model: ForecastModel): Problem[] {
  const problems: Problem[] = [];
  const asOfDay = parseIsoDay(model.asOf) ?? 0;

  const stageIds = new Set<string>();
  model.stages.forEach((stage, i) => {
    if (stageIds.has(stage.id)) problems.push({ path: `stages[${i}].id`, message: `duplicate stage id "${stage.id}"` });
    stageIds.add(stage.id);
    if (stage.duration.median >= stage.duration.p90) {
      problems.push({
        path: `stages[${i}].duration`,
        message: `the median (${stage.duration.median} days) must be below the P90 (${stage.duration.p90} days)`,
      });
    }
  });

  const dealIds = new Map<string, number>();
  model.deals.forEach((deal, i) => {
    const firstIndex = dealIds.get(deal.id);
    if (firstIndex !== undefined) {
      problems.push({ path: `deals[${i}].id`, message: `duplicate deal id "${deal.id}" (also deals[${firstIndex}])` });
    } else {
      dealIds.set(deal.id, i);
    }
    if (!stageIds.has(deal.stage)) {
      problems.push({
        path: `deals[${i}].stage`,
        message: `unknown stage "${deal.stage}" (the stages are ${[...stageIds].map((s) => `"${s}"`).join(', ')})`,
      });
    }
    const entered = parseIsoDay(deal.stageEnteredOn);
    if (entered !== null && entered > asOfDay) {
      problems.push({
        path: `deals[${i}].stageEnteredOn`,
        message: `${deal.stageEnteredOn} is after the as-of date ${model.asOf}`,
      });
    }
  });

  if (model.newPipeline && model.newPipeline.amount.median >= model.newPipeline.amount.p90) {
    problems.push({ path: 'newPipeline.amount', message: 'the median must be below the P90' });
  }

  if (model.targets) {
    for (const key of Object.keys(model.targets)) {
      const day = parseIsoDay(key);
      if (day === null) continue;
      const [quarter] = fiscalQuarters(day, model.fiscalYearStartMonth, 1);
      if (quarter && quarter.startDay !== day) {
        problems.push({
          path: formatPath(['targets', key]),
          message: `${key} is not the first day of a fiscal quarter (that quarter starts ${quarter.start})`,
        });
      }
    }
  }
  return problems;
}
