/** Bounds on model values, named in one place. They keep a run finite and memory bounded. */
export const MODEL_LIMITS = {
  maxStages: 12,
  maxHorizonQuarters: 12,
  maxDeals: 100_000,
  maxAmount: 1e12,
  maxDurationDays: 3650,
  maxCost: 1e9,
  maxSampleSize: 1e6,
  maxDealsPerMonth: 10_000,
  maxTextLength: 500,
  maxScenarios: 50,
  maxShocks: 10,
  maxShockDelayDays: 730,
  minYear: 1900,
  maxYear: 2200,
} as const;

export const MODEL_VERSION = 1;
