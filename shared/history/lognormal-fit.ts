import erfc from '@stdlib/math-base-special-erfc';
import { Z90 } from '../engine/lognormal.ts';
import { CHI2_1DF_90 } from '../stats/beta.ts';
import { findRoot, minimizeNear, nelderMead } from '../stats/minimize.ts';

/**
 * A time in a stage in whole days (the difference of two CRM dates): `ended` false means the deal is
 * still there (right-censored). `lost` marks an exit by a loss (for competing risks); `weight` (default
 * 1) down-weights old exits.
 */
export interface Duration {
  days: number;
  ended: boolean;
  lost?: boolean;
  weight?: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log P(Z > z), accurate far into the upper tail (where 1 − Φ(z) underflows). */
export function logNormalTail(z: number): number {
  if (z === Infinity) return -Infinity;
  if (z < 8) return Math.log(0.5 * erfc(z / Math.SQRT2));
  const z2 = z * z;
  return -z2 / 2 - Math.log(z) - LOG_SQRT_2PI + Math.log(1 - 1 / z2 + 3 / (z2 * z2));
}
const logNormalCdf = (z: number) => logNormalTail(-z);

/** log(e^a − e^b) for a ≥ b. */
const logDiff = (a: number, b: number) => (b === -Infinity ? a : a + Math.log1p(-Math.exp(b - a)));

/**
 * Times of day are unknown: a deal entered its stage at a uniform moment a of its first day, so a stay
 * recorded as d days lasted between d − a and d + 1 − a. The likelihood averages over a by the midpoint
 * rule: four points for short stays, where the shape inside a day matters, fewer for long ones, where
 * the density is nearly straight across a day. A deal still there after d days has stayed at least
 * d + 1 − a (the cut-off is the end of its day).
 */
const dayFractions = (days: number): readonly number[] => (days < 5 ? [0.125, 0.375, 0.625, 0.875] : days < 20 ? [0.25, 0.75] : [0.5]);

/** Observations with the same days and kind, their weights summed (whole days repeat a lot). */
interface Group {
  days: number;
  kind: 'moved' | 'lost' | 'censored';
  weight: number;
  /** ln of the ends of each interval (−Infinity for an end at or below 0). */
  logLow: Float64Array;
  logHigh: Float64Array;
}

function makeGroup(days: number, kind: Group['kind'], weight: number): Group {
  const fractions = dayFractions(days);
  return { days, kind, weight, logLow: Float64Array.from(fractions, (a) => (days - a > 0 ? Math.log(days - a) : -Infinity)), logHigh: Float64Array.from(fractions, (a) => Math.log(days + 1 - a)) };
}

/** log of the mean over the day fractions of P(in the interval) (ended) or P(beyond its end) (still there). */
function logGroupProbability(g: Group, mu: number, sigma: number, ended: boolean): number {
  const n = g.logHigh.length;
  let top = -Infinity;
  const terms = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const zHigh = ((g.logHigh[i] as number) - mu) / sigma;
    let value: number;
    if (!ended) value = logNormalTail(zHigh);
    else if (g.logLow[i] === -Infinity) value = logNormalCdf(zHigh);
    else {
      const zLow = ((g.logLow[i] as number) - mu) / sigma;
      value = zLow > 0 ? logDiff(logNormalTail(zLow), logNormalTail(zHigh)) : logDiff(logNormalCdf(zHigh), logNormalCdf(zLow));
    }
    terms[i] = value;
    if (value > top) top = value;
  }
  if (n === 1 || top === -Infinity) return top;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp((terms[i] as number) - top);
  return top + Math.log(sum / n);
}

function groupDurations(durations: readonly Duration[]): Group[] {
  const weights = new Map<string, { days: number; kind: Group['kind']; weight: number }>();
  for (const d of durations) {
    const kind = !d.ended ? 'censored' : d.lost ? 'lost' : 'moved';
    const key = `${kind}:${d.days}`;
    const entry = weights.get(key) ?? { days: Math.max(0, d.days), kind, weight: 0 };
    entry.weight += d.weight ?? 1;
    weights.set(key, entry);
  }
  return [...weights.values()].filter((g) => g.weight > 0).map((g) => makeGroup(g.days, g.kind, g.weight));
}

interface LogNormalParameters {
  mu: number;
  sigma: number;
}

/**
 * Negative log-likelihood of the times (the exit type's own factor, p or 1 − p, is the same in every
 * model compared and left out). With `loss`, movers and losers have their own lognormals and a deal
 * still in the stage survives either way: p·S_move + (1 − p)·S_loss.
 */
function negativeLogLikelihood(groups: readonly Group[], move: LogNormalParameters, loss: LogNormalParameters | null, moveShare: number): number {
  let total = 0;
  for (const g of groups) {
    let value: number;
    if (g.kind === 'censored') {
      if (!loss) value = logGroupProbability(g, move.mu, move.sigma, false);
      else {
        const a = Math.log(moveShare) + logGroupProbability(g, move.mu, move.sigma, false);
        const b = Math.log(1 - moveShare) + logGroupProbability(g, loss.mu, loss.sigma, false);
        const top = Math.max(a, b);
        value = top === -Infinity ? -Infinity : top + Math.log(Math.exp(a - top) + Math.exp(b - top));
      }
    } else {
      const own = g.kind === 'lost' && loss ? loss : move;
      value = logGroupProbability(g, own.mu, own.sigma, true);
    }
    total += g.weight * (Number.isFinite(value) ? value : -1e6);
  }
  return -total;
}

export interface LogNormalFit {
  mu: number;
  sigma: number;
  median: number;
  p90: number;
  /** Observations that ended in the stage, and those still there (unweighted counts). */
  events: number;
  censored: number;
  /** 90% profile-likelihood intervals of the median and the P90. */
  medianInterval: [number, number];
  p90Interval: [number, number];
  /**
   * How many deals' worth of information the fit holds about μ: σ² / Var(μ̂) from the observed
   * information. Equal to the number of observations without censoring; less with it.
   */
  sampleSize: number;
}

const startingPoint = (groups: readonly Group[]): LogNormalParameters | null => {
  const ended = groups.filter((g) => g.kind !== 'censored');
  const weight = ended.reduce((s, g) => s + g.weight, 0);
  if (ended.length < 2 || weight <= 0) return null;
  const logs = ended.map((g) => ({ v: Math.log(g.days + 0.5), w: g.weight }));
  const mean = logs.reduce((s, l) => s + l.v * l.w, 0) / weight;
  const sd = Math.sqrt(logs.reduce((s, l) => s + l.w * (l.v - mean) ** 2, 0) / weight);
  return { mu: mean, sigma: Math.max(sd, 0.1) };
};

/** Second derivatives of f at x by central differences. */
function hessian(f: (x: readonly number[]) => number, x: readonly number[], h = 1e-3): number[][] {
  const at = (dx: readonly number[]) => f(x.map((v, i) => v + (dx[i] ?? 0)));
  return x.map((_, i) =>
    x.map((__, j) => {
      const e = (k: number, s: number) => x.map((___, m) => (m === k ? s * h : 0));
      if (i === j) return (at(e(i, 1)) - 2 * f(x) + at(e(i, -1))) / (h * h);
      const both = (si: number, sj: number) => at(x.map((___, m) => (m === i ? si * h : m === j ? sj * h : 0)));
      return (both(1, 1) - both(1, -1) - both(-1, 1) + both(-1, -1)) / (4 * h * h);
    }),
  );
}

/**
 * A 90% profile-likelihood interval of θ(μ, σ): the values where twice the drop of the maximized
 * log-likelihood reaches the χ²(1) 90% point. `fixed(θ, logσ)` gives μ for a θ and a log σ. The search
 * runs on the signed root of the deviance, which is nearly straight in θ, so a few secant steps do.
 */
function profileInterval(nll: (mu: number, logSigma: number) => number, best: { mu: number; logSigma: number; value: number }, theta: number, se: number, fixed: (theta: number, logSigma: number) => number): [number, number] {
  let warm = best.logSigma;
  const signedRoot = (t: number) => {
    const inner = minimizeNear((ls) => nll(fixed(t, ls), ls), warm, 0.05);
    warm = inner.x;
    return Math.sign(t - theta) * Math.sqrt(Math.max(0, 2 * (inner.value - best.value)));
  };
  const target = Math.sqrt(CHI2_1DF_90);
  const bound = (direction: 1 | -1) => {
    warm = best.logSigma;
    let near = { t: theta, r: 0 };
    let far = { t: theta + direction * target * Math.max(se, 1e-4), r: 0 };
    far.r = signedRoot(far.t);
    for (let i = 0; i < 8; i++) {
      const slope = (far.r - near.r) / (far.t - near.t);
      if (!(slope > 0) || !Number.isFinite(slope)) break;
      const next = far.t + (direction * target - far.r) / slope;
      if (Math.abs(next - far.t) < 1e-5 * Math.max(1, Math.abs(theta))) return next;
      near = far;
      far = { t: next, r: signedRoot(next) };
    }
    // The secant stalled (a flat or irregular profile): bracket the root and bisect.
    const inside = theta;
    let outside = theta + direction * Math.max(se, 1e-3);
    for (let i = 0; i < 20 && Math.abs(signedRoot(outside)) < target; i++) outside = theta + 2 * (outside - theta);
    return findRoot((t) => Math.abs(signedRoot(t)) - target, inside, outside, 1e-4 * Math.max(1, Math.abs(theta)));
  };
  return [bound(-1), bound(1)];
}

/**
 * Maximum-likelihood lognormal for whole-day times in a stage, counting deals still in it as "at
 * least this long" (right-censored; ignoring them would bias durations low, the slow deals being the
 * ones still open). Needs ended observations on at least two different days; null otherwise.
 */
export function fitLogNormal(durations: readonly Duration[], intervals = true): LogNormalFit | null {
  const groups = groupDurations(durations);
  return fitGroups(groups, durations, intervals);
}

function fitGroups(groups: readonly Group[], durations: readonly Duration[], intervals: boolean): LogNormalFit | null {
  const start = startingPoint(groups);
  if (!start) return null;
  const nll = (mu: number, logSigma: number) => negativeLogLikelihood(groups, { mu, sigma: Math.exp(logSigma) }, null, 1);
  const found = nelderMead(([m, ls]) => nll(m as number, ls as number), [start.mu, Math.log(start.sigma)], [0.3, 0.3]);
  const ended = durations.filter((x) => x.ended).length;
  return describeFit(nll, found, ended, durations.length - ended, intervals);
}

/** The fit's estimates with their uncertainty: intervals by profile likelihood, the information about μ. */
function describeFit(nll: (mu: number, logSigma: number) => number, found: { x: number[]; value: number }, events: number, censored: number, intervals: boolean): LogNormalFit {
  const [mu, logSigma] = found.x as [number, number];
  const sigma = Math.exp(logSigma);
  const best = { mu, logSigma, value: found.value };
  const h = hessian(([m, ls]) => nll(m as number, ls as number), [mu, logSigma]);
  const [[a, b], [, d]] = h as [[number, number], [number, number]];
  const det = a * d - b * b;
  const varMu = det > 0 ? d / det : Infinity;
  const varLogSigma = det > 0 ? a / det : Infinity;
  const covariance = det > 0 ? -b / det : 0;
  const seMu = Math.sqrt(varMu);
  const q = mu + Z90 * sigma;
  const seQ = Math.sqrt(varMu + (Z90 * sigma) ** 2 * varLogSigma + 2 * Z90 * sigma * covariance);
  // Backtests refit every quarter and need only the estimates: the intervals are skipped there.
  const muInterval: [number, number] = intervals ? profileInterval(nll, best, mu, Number.isFinite(seMu) ? seMu : 1, (t) => t) : [mu, mu];
  const qInterval: [number, number] = intervals ? profileInterval(nll, best, q, Number.isFinite(seQ) ? seQ : 1, (t, ls) => t - Z90 * Math.exp(ls)) : [q, q];
  return {
    mu,
    sigma,
    median: Math.exp(mu),
    p90: Math.exp(q),
    events,
    censored,
    medianInterval: [Math.exp(muInterval[0]), Math.exp(muInterval[1])],
    p90Interval: [Math.exp(qInterval[0]), Math.exp(qInterval[1])],
    sampleSize: Number.isFinite(varMu) && varMu > 0 ? Math.max(2, (sigma * sigma) / varMu) : 2,
  };
}

/** Where losses carry their own time in the stage (competing risks), and why it was chosen or not. */
export interface CompetingRisksFit {
  /** The movers' times when the losers' are separate; else all exits' times. */
  duration: LogNormalFit | null;
  /** The losers' times, when the test prefers separate times. */
  lossDuration: { median: number; p90: number; mu: number; sigma: number } | null;
  /** The plain-words rule that decided. */
  rule: string;
  /** 2 × (log-likelihood with separate times − with one), and its p-value (χ², 2 degrees of freedom). */
  test: { statistic: number; pValue: number } | null;
}

/** Losses with observed times needed before the losers' times are fitted on their own. */
export const MIN_LOSSES_FOR_LOSS_DURATION = 10;
const TEST_LEVEL = 0.05;

/**
 * Fits one time for every exit, and, where at least 10 losses have observed times, movers' and losers'
 * times separately; the separate times are proposed only when a likelihood-ratio test prefers them at
 * the 5% level (2 extra parameters; the share of movers is held at its observed value in both).
 */
export function fitCompetingRisks(durations: readonly Duration[], intervals = true): CompetingRisksFit {
  const groups = groupDurations(durations);
  const single = fitGroups(groups, durations, intervals);
  const lossCount = durations.filter((d) => d.ended && d.lost).length;
  const moveCount = durations.filter((d) => d.ended && !d.lost).length;
  if (!single) return { duration: null, lossDuration: null, rule: 'Too few deals finished this stage to fit its duration.', test: null };
  if (lossCount < MIN_LOSSES_FOR_LOSS_DURATION || moveCount < 2) {
    return { duration: single, lossDuration: null, rule: `One time for deals that move on and deals lost here: only ${lossCount} loss${lossCount === 1 ? '' : 'es'} with an observed time (${MIN_LOSSES_FOR_LOSS_DURATION} needed to fit them apart).`, test: null };
  }
  const exits = groups.filter((g) => g.kind !== 'censored');
  const movedWeight = exits.filter((g) => g.kind === 'moved').reduce((s, g) => s + g.weight, 0);
  const moveShare = Math.min(0.999, Math.max(0.001, movedWeight / exits.reduce((s, g) => s + g.weight, 0)));
  const moveStart = startingPoint(groups.filter((g) => g.kind !== 'lost'));
  const lossStart = startingPoint(groups.filter((g) => g.kind === 'lost').map((g) => ({ ...g, kind: 'moved' as const })));
  const nll = ([mm, lsm, ml, lsl]: readonly number[]) => negativeLogLikelihood(groups, { mu: mm as number, sigma: Math.exp(lsm as number) }, { mu: ml as number, sigma: Math.exp(lsl as number) }, moveShare);
  const s = [moveStart?.mu ?? single.mu, Math.log(moveStart?.sigma ?? single.sigma), lossStart?.mu ?? single.mu, Math.log(lossStart?.sigma ?? single.sigma)];
  let separate = nelderMead(nll, s, [0.3, 0.3, 0.3, 0.3], 2000);
  separate = nelderMead(nll, separate.x, [0.1, 0.1, 0.1, 0.1], 2000);
  const oneTime = negativeLogLikelihood(groups, { mu: single.mu, sigma: single.sigma }, null, 1);
  const statistic = Math.max(0, 2 * (oneTime - separate.value));
  const pValue = Math.exp(-statistic / 2);
  const test = { statistic, pValue };
  const shown = `χ² = ${statistic.toFixed(1)}, p ${pValue < 0.001 ? '< 0.001' : `= ${pValue.toFixed(3)}`}`;
  if (pValue >= TEST_LEVEL) return { duration: single, lossDuration: null, rule: `One time for deals that move on and deals lost here: ${lossCount} losses, but separate times do not fit clearly better (${shown}).`, test };
  const [mm, lsm, ml, lsl] = separate.x as [number, number, number, number];
  // The movers' uncertainty, with the losers' time held at its estimate (a conditional profile).
  const duration = describeFit((mu, ls) => nll([mu, ls, ml, lsl]), { x: [mm, lsm], value: separate.value }, moveCount, durations.length - moveCount - lossCount, intervals);
  const lossSigma = Math.exp(lsl);
  return {
    duration,
    lossDuration: { mu: ml, sigma: lossSigma, median: Math.exp(ml), p90: Math.exp(ml + Z90 * lossSigma) },
    rule: `Separate times for deals lost here: ${lossCount} losses, and separate times fit clearly better (${shown}; 5% level).`,
    test,
  };
}

/** Kaplan–Meier: the share of deals still in the stage after t days, from ended and censored times (weighted). */
export function kaplanMeier(durations: readonly Duration[]): { days: number; share: number }[] {
  const sorted = [...durations].sort((a, b) => a.days - b.days || Number(b.ended) - Number(a.ended));
  const points = [{ days: 0, share: 1 }];
  let atRisk = sorted.reduce((s, d) => s + (d.weight ?? 1), 0);
  let share = 1;
  let i = 0;
  while (i < sorted.length) {
    const day = (sorted[i] as Duration).days;
    let endedHere = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as Duration).days === day) {
      const w = (sorted[i] as Duration).weight ?? 1;
      if ((sorted[i] as Duration).ended) endedHere += w;
      leaving += w;
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
