import type { LogNormal } from './lognormal.ts';
import { normalSurvival } from './normal.ts';

/**
 * Semantics 9 (README): a stage may give the losers' time there (`lossDuration`) apart from the
 * movers' (`duration`). A deal that has waited t days then moves on with probability
 * a = r·S_move(t) / (r·S_move(t) + (1 − r)·S_loss(t)), S the survival function of each lognormal.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Below this z, log(P(Z > z)) is computed directly; above, by the asymptotic series (its error there is below 2e-10). */
const SERIES_FROM_Z = 30;

/** log P(Z > z) for a standard normal, finite for every finite z (no underflow to log 0). */
export function logNormalTail(z: number): number {
  if (z < SERIES_FROM_Z) return Math.log(normalSurvival(z));
  const inverseSquare = 1 / (z * z);
  // Mills ratio: P(Z > z) = φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶ + …).
  return -0.5 * z * z - Math.log(z) - HALF_LOG_TWO_PI + Math.log1p(inverseSquare * (-1 + inverseSquare * (3 - 15 * inverseSquare)));
}

/** log P(X > t) for a lognormal X; 0 for t ≤ 0. */
export function logNormalLogSurvival(d: LogNormal, t: number): number {
  return t <= 0 ? 0 : logNormalTail((Math.log(t) - d.mu) / d.sigma);
}

/**
 * The chance to move on given the trial's rate r and log(S_loss(t) / S_move(t)). Exactly r when the
 * two survivals are equal (a fresh deal, or equal distributions); never NaN, also when a tail
 * underflows (the ratio is then 0 or infinite, and the chance 1 or 0).
 */
export function moveChanceFromLogRatio(rate: number, logLossOverMove: number): number {
  if (logLossOverMove === 0 || rate >= 1 || rate <= 0) return rate;
  return rate / (rate + (1 - rate) * Math.exp(logLossOverMove));
}

/** The chance that a deal which has already waited t days in a stage moves on (semantics 9). */
export function moveChanceAfterWaiting(rate: number, mover: LogNormal, loser: LogNormal, t: number): number {
  return moveChanceFromLogRatio(rate, logNormalLogSurvival(loser, t) - logNormalLogSurvival(mover, t));
}
