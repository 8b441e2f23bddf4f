import { describe, expect, it } from 'vitest';
import { simulationOf } from '../model/simulation-settings.ts';
import { FULL_TRIALS_MAX_DEALS, LIVE_FORECAST_TRIALS, liveForecastTrials } from './trial-counts.ts';

describe('the live forecast trials of a workspace that does not set them', () => {
  it('are 20,000 up to 750 deals, then about 15 M deal-trials in thousands, never under 2,000', () => {
    expect(FULL_TRIALS_MAX_DEALS).toBe(750);
    expect([0, 40, 300, 750].map(liveForecastTrials)).toEqual([LIVE_FORECAST_TRIALS, 20_000, 20_000, 20_000]);
    expect([751, 1_000, 5_000, 7_500, 10_000, 100_000].map(liveForecastTrials)).toEqual([19_000, 15_000, 3_000, 2_000, 2_000, 2_000]);
  });

  it("follow the workspace's deal count, and a workspace's own trials win", () => {
    const deals = Array.from({ length: 5_000 }, () => ({}));
    expect(simulationOf({ deals })).toEqual({ trials: 3_000, seed: 1 });
    expect(simulationOf({ deals, simulation: { trials: 20_000 } })).toEqual({ trials: 20_000, seed: 1 });
  });
});
