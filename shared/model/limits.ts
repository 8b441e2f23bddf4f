/** Bounds on model values, named in one place. They keep a run finite and memory bounded. */
export const MODEL_LIMITS = {
  maxStages: 12,
  maxHorizonQuarters: 12,
  maxDeals: 100_000,
  maxAmount: 1e12,
  maxDurationDays: 3650,
  /** Shortest median time in a stage: shorter ones are not a sales stage, and far shorter ones leave float range. */
  minDurationDays: 0.01,
  /**
   * Bounds on P90 ÷ median of a lognormal (duration or amount): below 1.01 the spread is too small to
   * simulate faithfully (σ < 0.008), above 100 the slow case is a different process (σ > 3.6).
   */
  minSpreadRatio: 1.01,
  maxSpreadRatio: 100,
  maxCost: 1e9,
  maxSampleSize: 1e6,
  maxDealsPerMonth: 10_000,
  maxTextLength: 500,
  maxScenarios: 50,
  maxShocks: 10,
  maxShockDelayDays: 730,
  /** Deal signals (semantics 12): how many a model declares, and how many values each may take. */
  maxSignals: 10,
  maxSignalValues: 12,
  /** Odds ratios of a signal value: beyond ×1000 either way the value decides the deal on its own, which is not a signal. */
  minOddsRatio: 0.001,
  maxOddsRatio: 1000,
  /** Standard deviation of a drawn ln odds ratio: 3 already spans ×0.007 to ×140 at ±1.645 sd. */
  maxLogOddsSd: 3,
  /** Supported years of every date in a model (dates outside would reach calendar code that cannot represent them). */
  minYear: 1900,
  maxYear: 2200,
} as const;

export const MODEL_VERSION = 1;
