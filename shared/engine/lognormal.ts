import { normalQuantile, normalSurvival, normalUpperQuantile } from './normal.ts';

/** z of the 90th percentile of a standard normal. */
export const Z90 = 1.2815515655446004;

export interface LogNormal {
  mu: number;
  sigma: number;
}

/** A lognormal given by its median and 90th percentile (0 < median < p90). */
export function logNormalFromMedianP90(median: number, p90: number): LogNormal {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p90) - mu) / Z90 };
}

/** Exact quantile at lower-tail probability u. */
export function logNormalQuantile(d: LogNormal, u: number): number {
  return Math.exp(d.mu + d.sigma * normalQuantile(u));
}

/** Exact quantile at upper-tail probability s (P(X > x) = s). */
export function logNormalUpperQuantile(d: LogNormal, s: number): number {
  return Math.exp(d.mu + d.sigma * normalUpperQuantile(s));
}

/** P(X > x). */
export function logNormalSurvival(d: LogNormal, x: number): number {
  return x <= 0 ? 1 : normalSurvival((Math.log(x) - d.mu) / d.sigma);
}

/** E[X − t | X > t]: the closed form of the expected remaining time, used to check the sampler. */
export function expectedRemaining(d: LogNormal, t: number): number {
  const mean = Math.exp(d.mu + (d.sigma * d.sigma) / 2);
  if (t <= 0) return mean;
  const z = (Math.log(t) - d.mu) / d.sigma;
  return (mean * normalSurvival(z - d.sigma)) / normalSurvival(z) - t;
}
