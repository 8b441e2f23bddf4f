import { trialBookings, type Accumulator } from '../engine/accumulator.ts';
import { planForecast, type ForecastPlan, type RunOptions } from '../engine/prepare.ts';
import type { ForecastResult } from '../engine/result-types.ts';
import { simulateComplete } from '../engine/simulate-complete.ts';
import { summarize } from '../engine/summarize.ts';
import { validateModel } from '../model/validate.ts';
import type { ForecastModel } from '../model/schema.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';

/** Progress of a multi-run analysis: runs done of runs planned. */
export type AnalysisProgress = (done: number, total: number) => void;

/**
 * Simulates every block of a plan. Hosts with workers pass one that spreads the blocks over them;
 * the result is bit-identical to simulating them here, one after another.
 */
export type BlockRunner = (plan: ForecastPlan) => Promise<Accumulator>;

/** Every block in the calling thread. */
export const runBlocksHere: BlockRunner = (plan) => Promise.resolve(simulateComplete(plan.prepared));

/** How an analysis runs each of its forecasts: trials, seed and where the blocks are simulated. */
export type AnalysisRunOptions = RunOptions & { runBlocks?: BlockRunner };

export interface Simulation {
  plan: ForecastPlan;
  acc: Accumulator;
  result: ForecastResult;
}

/**
 * One complete run (analyses run in a worker of their own, which spreads the blocks over its pool).
 * Every run of an analysis uses the same seed, so runs share their random numbers (common random
 * numbers) and their differences come from the assumptions, not from noise.
 */
export async function simulate(model: unknown, options: AnalysisRunOptions): Promise<Result<Simulation>> {
  const valid = validateModel(model);
  if (!valid.ok) return valid;
  const plan = planForecast(valid.value, options);
  const acc = await (options.runBlocks ?? runBlocksHere)(plan);
  return ok({ plan, acc, result: summarize(plan, acc, 0) });
}

/** Bookings of one quarter in every trial, with what is already booked in it. */
export function quarterBookings(sim: Simulation, quarter: number): Float64Array {
  const values = new Float64Array(sim.plan.prepared.trials);
  const booked = sim.plan.booked[quarter]?.amount ?? 0;
  for (let t = 0; t < values.length; t++) values[t] = trialBookings(sim.acc, sim.plan.prepared, t, quarter) + booked;
  return values;
}

/** The target of a quarter of the model, or a problem saying there is none. */
export function quarterTarget(model: ForecastModel, result: ForecastResult, quarter: number): Result<number> {
  const q = result.quarters[quarter];
  if (!q) return fail([{ path: 'quarter', message: `there is no quarter ${quarter + 1} in the horizon` }]);
  const target = model.targets?.[q.start];
  if (target === undefined) return fail([{ path: 'quarter', message: `${q.label} has no target` } satisfies Problem]);
  return ok(target);
}

/** A run of the model with some deals tracked, against one quarter's target: what "with or without a deal" analyses start from. */
export interface QuarterAgainstTarget {
  sim: Simulation;
  target: number;
  /** Bookings of the quarter in every trial, booked deals included. */
  bookings: Float64Array;
  /** Trials whose bookings reach the target. */
  reached: number;
}

/** Runs the model tracking `trackDeals`, and measures one quarter's bookings against its target. */
export async function simulateAgainstTarget(model: ForecastModel, quarter: number, trackDeals: readonly string[], options: AnalysisRunOptions): Promise<Result<QuarterAgainstTarget>> {
  const sim = await simulate(model, { ...options, trackDeals: [...trackDeals] });
  if (!sim.ok) return sim;
  const target = quarterTarget(model, sim.value.result, quarter);
  if (!target.ok) return target;
  const bookings = quarterBookings(sim.value, quarter);
  const reached = bookings.reduce((n, v) => n + (v >= target.value ? 1 : 0), 0);
  return ok({ sim: sim.value, target: target.value, bookings, reached });
}

/** The problem of measuring the chance of a target that a quarter does not have. */
export function missingTarget(result: ForecastResult, quarter: number): Result<never> {
  const label = result.quarters[quarter]?.label;
  return fail([{ path: 'quarter', message: label ? `${label} has no target` : `there is no quarter ${quarter + 1} in the horizon` }]);
}

/** One run's measure of a quarter: P50 bookings, or the chance of reaching its target. */
export async function quarterMetric(model: unknown, quarter: number, metric: 'p50' | 'pTarget', options: AnalysisRunOptions): Promise<Result<number>> {
  const sim = await simulate(model, options);
  if (!sim.ok) return sim;
  const q = sim.value.result.quarters[quarter];
  if (!q) return missingTarget(sim.value.result, quarter);
  if (metric === 'p50') return ok(q.p50);
  return q.pTarget === null ? missingTarget(sim.value.result, quarter) : ok(q.pTarget);
}
