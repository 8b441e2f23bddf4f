import { z } from 'zod';
import { isSupportedYear, parseIsoDay } from './dates.ts';
import { MODEL_LIMITS as L, MODEL_VERSION } from './limits.ts';
import { isSnapshotStore } from '../snapshots/snapshot-check.ts';
import type { SnapshotStore } from '../snapshots/snapshot-types.ts';
import { simulationSchema } from './simulation-settings.ts';

const isoDay = z
  .string()
  .refine((text) => parseIsoDay(text) !== null, { message: 'must be a calendar date written YYYY-MM-DD' })
  .refine((text) => parseIsoDay(text) === null || isSupportedYear(Number(text.slice(0, 4))), { message: `must be a date from ${L.minYear} to ${L.maxYear}` });

const positive = (max: number) => z.number().positive({ message: 'must be greater than 0' }).max(max);
const nonNegative = (max: number) => z.number().min(0, { message: 'must be 0 or more' }).max(max);
const text = z.string().max(L.maxTextLength);

/** A lognormal time in days; the P90 ÷ median bounds are checked across fields in validate.ts. */
const durationSchema = z.strictObject({
  median: z.number().min(L.minDurationDays).max(L.maxDurationDays),
  p90: positive(L.maxDurationDays),
});

/** How many deals a duration was fitted from (semantics 10 in README); 2 is the fewest that give a spread. */
const durationSampleSizeSchema = z.number().min(2).max(L.maxSampleSize);

export const stageSchema = z.strictObject({
  id: text.min(1, { message: 'must not be empty' }).regex(/^[A-Za-z0-9_.-]+$/, {
    message: 'may use only letters, digits, "-", "_" and "."',
  }),
  name: text.min(1, { message: 'must not be empty' }),
  conversion: z.number().gt(0, { message: 'must be greater than 0' }).max(1, { message: 'must be at most 1' }),
  conversionSampleSize: positive(L.maxSampleSize).optional(),
  duration: durationSchema,
  lossDuration: durationSchema.optional(),
  durationSampleSize: durationSampleSizeSchema.optional(),
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
  /** Fields kept from the CRM's export, for comparisons with the CRM's own view of the deal. */
  account: text.optional(),
  createdOn: isoDay.optional(),
  crmCloseDate: isoDay.optional(),
  crmProbability: z.number().min(0, { message: 'must be from 0 to 1' }).max(1, { message: 'must be from 0 to 1' }).optional(),
  crmForecastCategory: text.optional(),
  /** Signal id → this deal's value of it (semantics 12); a signal left out is at its baseline. */
  signals: z.record(text, text).optional(),
});

/** A deal already closed won: its amount counts in full in the quarter of `closedOn`. Extra fields are kept. */
export const bookedDealSchema = z.looseObject({
  id: text.min(1, { message: 'must not be empty' }),
  name: text,
  amount: positive(L.maxAmount),
  closedOn: isoDay,
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

const oddsRatioSchema = z
  .number()
  .min(L.minOddsRatio, { message: `must be from ${L.minOddsRatio} to ${L.maxOddsRatio}` })
  .max(L.maxOddsRatio, { message: `must be from ${L.minOddsRatio} to ${L.maxOddsRatio}` });

/**
 * Something known about a deal that moves its odds at every stage from `appliesFrom` on
 * (semantics 12): a passed practitioner pilot, an engaged executive sponsor. Value names, the
 * baseline and stage ids are checked against each other in validate.ts.
 */
export const signalSchema = z.strictObject({
  id: text.min(1, { message: 'must not be empty' }).regex(/^[A-Za-z0-9_.-]+$/, {
    message: 'may use only letters, digits, "-", "_" and "."',
  }),
  name: text.min(1, { message: 'must not be empty' }),
  values: z.array(text.min(1, { message: 'must not be empty' })).min(2, { message: 'needs at least two values' }).max(L.maxSignalValues),
  /** The value a deal has when it carries none; its odds ratio is 1. */
  baseline: text,
  /** The first stage (id) whose rate the signal changes. */
  appliesFrom: text,
  /** Value → odds ratio against the baseline; a value left out has 1. */
  oddsRatios: z.record(text, oddsRatioSchema),
  /** Value → standard deviation of ln odds ratio, drawn once per trial; absent or 0: the ratio is fixed. */
  logSd: z.record(text, nonNegative(L.maxLogOddsSd)).optional(),
});

const logNormalAmountSchema = z.strictObject({
  median: positive(L.maxAmount),
  p90: positive(L.maxAmount),
});

export const newPipelineSchema = z.strictObject({
  dealsPerMonth: nonNegative(L.maxDealsPerMonth),
  amount: logNormalAmountSchema,
});

/** A closed-deal stage change kept with the workspace: a model stage id, "__won" or "__lost", on a day. */
const keptEventSchema = z.strictObject({ stage: text, date: isoDay });

/**
 * Calibration settings kept with the workspace, and (if the user chooses) the imported closed-deal
 * history itself: it is their own CRM data on their own laptop.
 */
export const calibrationSchema = z.strictObject({
  /** Weight of the pre-history rates, in deals (at least 2, so a fitted rate is never certain). */
  priorWeight: z.number().min(2, { message: 'must be at least 2' }).max(1000).optional(),
  /** Older stage exits count half as much every this many quarters; absent: all history weighs the same. */
  halfLifeQuarters: positive(100).optional(),
  /** The conversion rates before any history was fitted (the prior means), by stage id. */
  priorMeans: z.record(text, z.number().gt(0).max(1)).optional(),
  history: z
    .strictObject({
      fileName: text,
      asOf: isoDay,
      deals: z
        .array(
          z.strictObject({
            id: text,
            name: text,
            amount: positive(L.maxAmount),
            owner: text.optional(),
            region: text.optional(),
            created: isoDay,
            events: z.array(keptEventSchema).max(1000),
            /** Signal id → the deal's value in the history file (semantics 12). */
            signals: z.record(text, text).optional(),
          }),
        )
        .max(L.maxDeals),
    })
    .optional(),
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
  /** Deals already closed won; those closed in a forecast quarter are booked in it. */
  closedWon: z.array(bookedDealSchema).max(L.maxDeals).optional(),
  /** Deals closed lost, kept so a comparison can tell a lost deal from one that is simply gone; the forecast ignores them. */
  closedLost: z.array(bookedDealSchema).max(L.maxDeals).optional(),
  newPipeline: newPipelineSchema.optional(),
  targets: z.record(isoDay, nonNegative(L.maxAmount)).optional(),
  /** How this workspace's CRM names its stages: CRM stage name → stage id ("" for closed stages). */
  crmStageMapping: z.record(text, text).optional(),
  /** Shared shocks of the baseline (scenarios can add their own). */
  shocks: z.array(shockSchema).max(L.maxShocks).optional(),
  /** Named what-if scenarios, kept with the workspace; the forecast itself ignores them. */
  scenarios: z.array(scenarioSchema).max(L.maxScenarios).optional(),
  /** How the stage model is calibrated from closed-deal history (see README, Calibrate). */
  calibration: calibrationSchema.optional(),
  /** What is known about deals that moves their odds (semantics 12). */
  signals: z.array(signalSchema).max(L.maxSignals).optional(),
  /** Dated snapshots of the pipeline and its forecast (README, Snapshots); the forecast ignores them. */
  snapshots: z.custom<SnapshotStore>(isSnapshotStore, { message: 'the snapshot history is damaged and cannot be read' }).optional(),
  /** The scenarios ticked for comparison ("baseline" for the baseline): shown, exported as CSV and put in the board pack. */
  comparedScenarios: z.array(text).max(L.maxScenarios + 1).optional(),
  /** Trials and seed of the app's forecast (the CLI takes its own from the command line). */
  simulation: simulationSchema.optional(),
});

/** A model as written in a file (defaults not yet applied). */
export type ForecastModelInput = z.input<typeof modelSchema>;
/** A validated model with defaults applied. */
export type ForecastModel = z.output<typeof modelSchema>;
export type Stage = z.output<typeof stageSchema>;
export type Deal = z.output<typeof dealSchema>;
export type BookedDeal = z.output<typeof bookedDealSchema>;
export type NewPipeline = z.output<typeof newPipelineSchema>;
export type Shock = z.output<typeof shockSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type CloseWindow = z.output<typeof closeWindowSchema>;
export type Signal = z.output<typeof signalSchema>;
export type CalibrationSettings = z.output<typeof calibrationSchema>;
