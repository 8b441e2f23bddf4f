/** The engine's fixed choices, named in one place. */
export const ENGINE_VERSION = '1.0.0';

/**
 * Trials per block: 250, fewer for pipelines over 1,000 deals so that a block stays about 250,000
 * deal-trials (the first result arrives after one block), never under 25. Set by the deal count
 * alone, so a seed gives the same result however blocks are spread over workers. Trials' random
 * keys are drawn in groups of 250 whatever the block size (simulate-block.ts), so the block size
 * changes only the order in which cost sums are added (in the last bits), never the draws.
 */
export const BLOCK_TRIALS = 250;
const BLOCK_DEAL_TRIALS = 250_000;
const MIN_BLOCK_TRIALS = 25;

/** Trials per block of a model with this many open deals (see BLOCK_TRIALS). */
export function blockTrialsFor(dealCount: number): number {
  return Math.max(MIN_BLOCK_TRIALS, Math.min(BLOCK_TRIALS, Math.floor(BLOCK_DEAL_TRIALS / Math.max(1, dealCount))));
}

/** Close-date histograms: daily bins over the horizon, then weekly bins for this many weeks, then one overflow bin. */
export const EXTRA_WEEKLY_BINS = 261;

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;
export const MAX_TRIALS = 2_000_000;
export const MAX_SEED = 0xffffffff;

/**
 * A time in a stage drawn with a trial's own lognormal parameters (semantics 10) is capped here
 * (100 years), so a draw from a wide posterior stays finite; it is far beyond any horizon.
 */
export const MAX_DRAWN_STAGE_DAYS = 36_525;

/** Salts that separate the streams of different kinds of draws. */
export const SALT = {
  block: 0x632be5ab,
  rates: 0x2c1b3c6d,
  newPipeline: 0x297a2d39,
  newDeal: 0x5bd1e995,
  seed: 0x27d4eb2f,
  shock: 0x165667b1,
  durations: 0x3c6ef372,
  lossDurations: 0x1b873593,
  signalOdds: 0x4cf5ad43,
} as const;
