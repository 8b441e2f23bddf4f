import { LIVE_FORECAST_TRIALS, liveForecastTrials } from '../analysis/trial-counts.ts';
import { z } from 'zod';

/**
 * Trials and seed of the app's live forecast, kept with the workspace (Calendar and targets → Advanced).
 * Fewer than 1,000 trials make the P10 and P90 jump from run to run; more than 200,000 keep a laptop
 * busy for minutes on a large pipeline without changing a reported digit.
 */
export const SIMULATION_LIMITS = { minTrials: 1_000, maxTrials: 200_000, maxSeed: 0xffffffff } as const;
export const DEFAULT_SIMULATION = { trials: LIVE_FORECAST_TRIALS, seed: 1 } as const;

const wholeNumber = z.number().int({ message: 'must be a whole number' });

export const simulationSchema = z.strictObject({
  trials: wholeNumber
    .min(SIMULATION_LIMITS.minTrials, { message: `must be at least ${SIMULATION_LIMITS.minTrials.toLocaleString('en-US')}` })
    .max(SIMULATION_LIMITS.maxTrials, { message: `must be at most ${SIMULATION_LIMITS.maxTrials.toLocaleString('en-US')}` })
    .optional(),
  seed: wholeNumber.min(0, { message: 'must be 0 or more' }).max(SIMULATION_LIMITS.maxSeed, { message: `must be at most ${SIMULATION_LIMITS.maxSeed.toLocaleString('en-US')}` }).optional(),
});

/** The trials and seed a workspace's forecast runs with: its own, else the defaults (trials by its deal count, liveForecastTrials). */
export function simulationOf(model: { simulation?: z.output<typeof simulationSchema> | undefined; deals: readonly unknown[] }): { trials: number; seed: number } {
  return { trials: model.simulation?.trials ?? liveForecastTrials(model.deals.length), seed: model.simulation?.seed ?? DEFAULT_SIMULATION.seed };
}
