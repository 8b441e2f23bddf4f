export { createAccumulator, mergeAccumulator, blockTrialRange, type Accumulator } from './accumulator.ts';
export { BLOCK_TRIALS, blockTrialsFor, DEFAULT_SEED, DEFAULT_TRIALS, ENGINE_VERSION, MAX_SEED, MAX_TRIALS } from './constants.ts';
export { planForecast, type ForecastPlan, type RunOptions } from './prepare.ts';
export type { PreparedModel } from './prepared.ts';
export type * from './result-types.ts';
export { prepareForecast, runForecast, validateRunOptions, type ForecastOptions } from './run.ts';
export { simulateBlock } from './simulate-block.ts';
export { summarize } from './summarize.ts';
