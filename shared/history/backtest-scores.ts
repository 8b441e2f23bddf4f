import { jeffreysInterval } from '../stats/beta.ts';

/** The quantile levels a forecast is scored at (P10, P50, P90). */
export const SCORED_LEVELS = [0.1, 0.5, 0.9] as const;

/** Pinball (quantile) loss of forecast q at level τ for the outcome y: proper for the τ-quantile. */
export const pinball = (tau: number, q: number, y: number) => (y >= q ? tau * (y - q) : (1 - tau) * (q - y));

/** Mean pinball loss over P10, P50 and P90 (a point forecast uses its one value at every level). */
export const meanPinball = (quantiles: readonly [number, number, number], y: number) => SCORED_LEVELS.reduce((s, tau, i) => s + pinball(tau, quantiles[i] as number, y), 0) / SCORED_LEVELS.length;

/**
 * Continuous ranked probability score of simulated outcomes against the actual: E|X − y| − ½E|X − X′|,
 * exact for the empirical distribution (the second term from the sorted sample in one pass).
 */
export function crps(samples: Float64Array, y: number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) return Math.abs(y);
  let absolute = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    absolute += Math.abs(x - y);
    spread += (2 * i - n + 1) * x;
  }
  return absolute / n - spread / (n * n);
}

/** Probability integral transform: where the actual falls in the forecast distribution (ties split evenly). */
export function pit(samples: Float64Array, y: number): number {
  let below = 0;
  let equal = 0;
  for (const x of samples) {
    if (x < y) below++;
    else if (x === y) equal++;
  }
  return samples.length === 0 ? 0.5 : (below + equal / 2) / samples.length;
}

/** Counts of PIT values in equal bins over [0, 1]; flat for an honest forecast. */
export function pitHistogram(values: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** How often actuals fell inside P10–P90, with a 90% Jeffreys interval for that share. */
export function coverageOf(inside: number, scored: number): { inside: number; scored: number; share: number | null; interval90: [number, number] } {
  return { inside, scored, share: scored > 0 ? inside / scored : null, interval90: jeffreysInterval(inside, scored, 0.9) };
}
