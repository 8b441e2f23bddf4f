/**
 * How many trials each kind of run simulates, named in one place so the screens, the CLI and the
 * words that quote them ("5,000 trials each") agree. The engine's own default (for callers that do
 * not say) is `DEFAULT_TRIALS` in engine/constants.ts.
 */

/** The app's live forecast: tails steady to about a percent. */
export const LIVE_FORECAST_TRIALS = 20_000;
/** Trials per run of the app's tornado: stable percentiles, a few seconds for 300 deals. */
export const SENSITIVITY_TRIALS = 5_000;
/** Trials per run of the pipeline-needed search. */
export const SEARCH_TRIALS = 2_000;
/** Trials per replayed quarter of a backtest, in the app and the CLI. */
export const BACKTEST_TRIALS = 5_000;
