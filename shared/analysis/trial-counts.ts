/**
 * How many trials each kind of run simulates, named in one place so the screens, the CLI and the
 * words that quote them ("5,000 trials each") agree. The engine's own default (for callers that do
 * not say) is `DEFAULT_TRIALS` in engine/constants.ts.
 */

/** The app's live forecast: tails steady to about a percent. */
export const LIVE_FORECAST_TRIALS = 20_000;
/** Deal-trials a live forecast keeps to when the workspace does not set its trials: a few seconds on one core. */
const LIVE_FORECAST_DEAL_TRIALS = 15_000_000;
/** Up to this many deals the default is the full LIVE_FORECAST_TRIALS (750). */
export const FULL_TRIALS_MAX_DEALS = LIVE_FORECAST_DEAL_TRIALS / LIVE_FORECAST_TRIALS;
const MIN_LIVE_FORECAST_TRIALS = 2_000;

/**
 * The live forecast's trials when the workspace does not set them: 20,000 up to 750 deals; for a
 * larger pipeline as many as keep a run at about 15 M deal-trials, rounded down to a thousand and
 * never under 2,000 (5,000 deals: 3,000 trials). A large pipeline's quarter totals are sums of many
 * deals, so their percentiles need fewer trials to be steady; a workspace can always ask for more.
 */
export function liveForecastTrials(dealCount: number): number {
  const fit = Math.floor(LIVE_FORECAST_DEAL_TRIALS / Math.max(1, dealCount) / 1_000) * 1_000;
  return Math.max(MIN_LIVE_FORECAST_TRIALS, Math.min(LIVE_FORECAST_TRIALS, fit));
}
/** Trials per run of the app's tornado: stable percentiles, a few seconds for 300 deals. */
export const SENSITIVITY_TRIALS = 5_000;
/** Trials per run of the pipeline-needed search. */
export const SEARCH_TRIALS = 2_000;
/** Trials per replayed quarter of a backtest, in the app and the CLI. */
export const BACKTEST_TRIALS = 5_000;
