import erfc from '@stdlib/math-base-special-erfc';
import { Z90 } from '../engine/lognormal.ts';

/** A time in a stage: `ended` false means the deal is still there (right-censored). */
export interface Duration {
  days: number;
  ended: boolean;
}

/** Same-day moves are recorded as 0 days; a lognormal needs a positive time, so they count as half a day. */
const MIN_DAYS = 0.5;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log P(Z > z), accurate far into the tail (where 1 − Φ(z) underflows). */
export function logNormalTail(z: number): number {
  if (z < 8) return Math.log(0.5 * erfc(z / Math.SQRT2));
  const z2 = z * z;
  return -z2 / 2 - Math.log(z) - LOG_SQRT_2PI + Math.log(1 - 1 / z2 + 3 / (z2 * z2));
}

function negativeLogLikelihood(mu: number, sigma: number, logs: Float64Array, ended: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < logs.length; i++) {
    const z = ((logs[i] as number) - mu) / sigma;
    total += ended[i] ? -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI - (logs[i] as number) : logNormalTail(z);
  }
  return -total;
}

/** Nelder–Mead on two parameters: small, dependable, and enough for a smooth two-parameter likelihood. */
function minimize(f: (x: [number, number]) => number, start: [number, number], step: [number, number]): [number, number] {
  let simplex: { x: [number, number]; v: number }[] = [start, [start[0] + step[0], start[1]], [start[0], start[1] + step[1]]].map((x) => ({ x: x as [number, number], v: f(x as [number, number]) }));
  for (let iteration = 0; iteration < 400; iteration++) {
    simplex.sort((a, b) => a.v - b.v);
    const [best, middle, worst] = simplex as [(typeof simplex)[0], (typeof simplex)[0], (typeof simplex)[0]];
    if (Math.abs(worst.v - best.v) < 1e-10 && Math.hypot(worst.x[0] - best.x[0], worst.x[1] - best.x[1]) < 1e-9) break;
    const centroid: [number, number] = [(best.x[0] + middle.x[0]) / 2, (best.x[1] + middle.x[1]) / 2];
    const along = (t: number): [number, number] => [centroid[0] + t * (worst.x[0] - centroid[0]), centroid[1] + t * (worst.x[1] - centroid[1])];
    const reflected = along(-1);
    const vr = f(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = f(expanded);
      simplex = [best, middle, ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr }];
    } else if (vr < middle.v) simplex = [best, middle, { x: reflected, v: vr }];
    else {
      const contracted = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = f(contracted);
      if (vc < Math.min(vr, worst.v)) simplex = [best, middle, { x: contracted, v: vc }];
      else {
        const shrink = (p: { x: [number, number] }): { x: [number, number]; v: number } => {
          const x: [number, number] = [best.x[0] + 0.5 * (p.x[0] - best.x[0]), best.x[1] + 0.5 * (p.x[1] - best.x[1])];
          return { x, v: f(x) };
        };
        simplex = [best, shrink(middle), shrink(worst)];
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return (simplex[0] as { x: [number, number] }).x;
}

export interface LogNormalFit {
  mu: number;
  sigma: number;
  median: number;
  p90: number;
  /** Observations that ended in the stage, and those still there. */
  events: number;
  censored: number;
}

/**
 * Maximum-likelihood lognormal for times in a stage, counting deals still in it as "at least this
 * long" (right-censored). Ignoring them would bias durations low: the slow deals are the ones still
 * open. Needs at least two ended observations with different times; null otherwise.
 */
export function fitLogNormal(durations: readonly Duration[]): LogNormalFit | null {
  const ended = durations.filter((d) => d.ended);
  if (ended.length < 2) return null;
  const logs = new Float64Array(durations.map((d) => Math.log(Math.max(MIN_DAYS, d.days))));
  const flags = new Uint8Array(durations.map((d) => (d.ended ? 1 : 0)));
  const endedLogs = ended.map((d) => Math.log(Math.max(MIN_DAYS, d.days)));
  const mean = endedLogs.reduce((a, b) => a + b, 0) / endedLogs.length;
  const sd = Math.sqrt(endedLogs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, endedLogs.length - 1));
  if (!(sd > 1e-6)) return null;
  const [mu, logSigma] = minimize(([m, ls]) => negativeLogLikelihood(m, Math.exp(ls), logs, flags), [mean, Math.log(sd)], [0.3, 0.3]);
  const sigma = Math.exp(logSigma);
  return { mu, sigma, median: Math.exp(mu), p90: Math.exp(mu + Z90 * sigma), events: ended.length, censored: durations.length - ended.length };
}

/** Kaplan–Meier: the share of deals still in the stage after t days, from ended and censored times. */
export function kaplanMeier(durations: readonly Duration[]): { days: number; share: number }[] {
  const sorted = [...durations].sort((a, b) => a.days - b.days || Number(b.ended) - Number(a.ended));
  const points = [{ days: 0, share: 1 }];
  let atRisk = sorted.length;
  let share = 1;
  let i = 0;
  while (i < sorted.length) {
    const day = (sorted[i] as Duration).days;
    let endedHere = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as Duration).days === day) {
      if ((sorted[i] as Duration).ended) endedHere++;
      leaving++;
      i++;
    }
    if (endedHere > 0 && atRisk > 0) {
      share *= 1 - endedHere / atRisk;
      points.push({ days: day, share });
    }
    atRisk -= leaving;
  }
  return points;
}
