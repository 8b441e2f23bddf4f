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

/** Unknown extra deal fields (owner, sponsor role, notes, CRM columns) are kept, not rejected. */
export const dealSchema = z.looseObject({
  id: text.min(1, { message: 'must not be empty' }),
  name: text,
  amount: positive(L.maxAmount),
  stage: text,
  stageEnteredOn: isoDay,
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
});

/** A model as written in a file (defaults not yet applied). */
export type ForecastModelInput = z.input<typeof modelSchema>;
/** A validated model with defaults applied. */
export type ForecastModel = z.output<typeof modelSchema>;
export type Stage = z.output<typeof stageSchema>;
export type Deal = z.output<typeof dealSchema>;
export type NewPipeline = z.output<typeof newPipelineSchema>;
