import { z } from 'zod';
import { parseIsoDay } from './dates.ts';
import { MODEL_LIMITS as L, MODEL_VERSION } from './limits.ts';

const isoDay = z
  .string()
  .refine((text) => parseIsoDay(text) !== null, { message: 'must be a calendar date written YYYY-MM-DD' });

const positive = (max: number) => z.number().positive({ message: 'must be greater than 0' }).max(max);
const nonNegative = (max: number) => z.number().min(0, { message: 'must be 0 or more' }).max(max);
const text = z.string().max(L.maxTextLength);

const durationSchema = z.strictObject({
  median: positive(L.maxDurationDays),
  p90: positive(L.maxDurationDays),
});

export const stageSchema = z.strictObject({
  id: text.min(1, { message: 'must not be empty' }).regex(/^[A-Za-z0-9_.-]+$/, {
    message: 'may use only letters, digits, "-", "_" and "."',
  }),
  name: text.min(1, { message: 'must not be empty' }),
  conversion: z.number().gt(0, { message: 'must be greater than 0' }).max(1, { message: 'must be at most 1' }),
  conversionSampleSize: positive(L.maxSampleSize).optional(),
  duration: durationSchema,
  costPerDay: nonNegative(L.maxCost).default(0),
  entryCost: nonNegative(L.maxCost).default(0),
});

/** If the deal is won, it closes on a day drawn evenly from this window (both days included). */
export const closeWindowSchema = z.strictObject({ from: isoDay, to: isoDay });

/** Unknown extra deal fields (owner, sponsor role, notes, CRM columns) are kept, not rejected. */
export const dealSchema = z.looseObject({
  id: text.min(1, { message: 'must not be empty' }),
  name: text,
  amount: positive(L.maxAmount),
  stage: text,
  stageEnteredOn: isoDay,
  closeWindow: closeWindowSchema.optional(),
});

/**
 * A shared shock: with `probability`, in each simulated future at once, every deal that is in `stage`
 * on `onDate` stays there `delayDays` longer (a procurement freeze at fiscal year end, a budget reset).
 */
export const shockSchema = z.strictObject({
  name: text.optional(),
  probability: z.number().min(0, { message: 'must be from 0 to 1' }).max(1, { message: 'must be from 0 to 1' }),
  stage: text,
  onDate: isoDay,
  delayDays: z.number().int({ message: 'must be a whole number of days' }).min(1, { message: 'must be at least 1 day' }).max(L.maxShockDelayDays),
});

const stageOverrideSchema = z.strictObject({
  conversion: z.number().gt(0, { message: 'must be greater than 0' }).max(1, { message: 'must be at most 1' }).optional(),
  conversionSampleSize: positive(L.maxSampleSize).optional(),
  durationMedian: positive(L.maxDurationDays).optional(),
  durationP90: positive(L.maxDurationDays).optional(),
  costPerDay: nonNegative(L.maxCost).optional(),
  entryCost: nonNegative(L.maxCost).optional(),
});

const dealOverrideSchema = z.strictObject({
  amount: positive(L.maxAmount).optional(),
  stage: text.optional(),
  stageEnteredOn: isoDay.optional(),
  excluded: z.boolean().optional(),
  closeWindow: closeWindowSchema.nullable().optional(),
});

/**
 * A named "what if": overrides on the baseline, not a copy of it. Whatever a scenario does not
 * override follows the baseline as it is edited.
 */
export const scenarioSchema = z.strictObject({
  id: text.min(1, { message: 'must not be empty' }),
  name: text.min(1, { message: 'must not be empty' }),
  /** Stage id → the values this scenario changes. */
  stages: z.record(text, stageOverrideSchema).optional(),
  /** Deal id → the values this scenario changes. */
  deals: z.record(text, dealOverrideSchema).optional(),
  newPipeline: z
    .strictObject({ dealsPerMonth: nonNegative(L.maxDealsPerMonth).optional(), amountMedian: positive(L.maxAmount).optional(), amountP90: positive(L.maxAmount).optional() })
    .optional(),
  /** Quarter start → target; null removes the baseline's target. */
  targets: z.record(isoDay, nonNegative(L.maxAmount).nullable()).optional(),
  /** Shocks this scenario adds to the baseline's. */
  shocks: z.array(shockSchema).max(L.maxShocks).optional(),
});

const logNormalAmountSchema = z.strictObject({
  median: positive(L.maxAmount),
  p90: positive(L.maxAmount),
});

export const newPipelineSchema = z.strictObject({
  dealsPerMonth: nonNegative(L.maxDealsPerMonth),
  amount: logNormalAmountSchema,
});

export const modelSchema = z.strictObject({
  version: z.literal(MODEL_VERSION, { message: `must be ${MODEL_VERSION}` }),
  /** The workspace's display name (optional; the app fills it in). */
  name: text.optional(),
  /** How many times the app saved this workspace file; the app reads it to refuse a save based on an older revision. */
  revision: z.number().int().min(0).optional(),
  asOf: isoDay,
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  horizonQuarters: z.number().int().min(1).max(L.maxHorizonQuarters).default(4),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as USD' })
    .default('USD'),
  stages: z.array(stageSchema).min(1, { message: 'needs at least one stage' }).max(L.maxStages),
  deals: z.array(dealSchema).max(L.maxDeals),
  newPipeline: newPipelineSchema.optional(),
  targets: z.record(isoDay, nonNegative(L.maxAmount)).optional(),
  /** How this workspace's CRM names its stages: CRM stage name → stage id ("" for closed stages). */
  crmStageMapping: z.record(text, text).optional(),
  /** Shared shocks of the baseline (scenarios can add their own). */
  shocks: z.array(shockSchema).max(L.maxShocks).optional(),
  /** Named what-if scenarios, kept with the workspace; the forecast itself ignores them. */
  scenarios: z.array(scenarioSchema).max(L.maxScenarios).optional(),
});

/** A model as written in a file (defaults not yet applied). */
export type ForecastModelInput = z.input<typeof modelSchema>;
/** A validated model with defaults applied. */
export type ForecastModel = z.output<typeof modelSchema>;
export type Stage = z.output<typeof stageSchema>;
export type Deal = z.output<typeof dealSchema>;
export type NewPipeline = z.output<typeof newPipelineSchema>;
export type Shock = z.output<typeof shockSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type CloseWindow = z.output<typeof closeWindowSchema>;
