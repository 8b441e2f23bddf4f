import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';

const SQRT2 = Math.SQRT2;

/** P(Z > z) for a standard normal Z, accurate far into the upper tail (no 1 − Φ cancellation). */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / SQRT2);
}

/** Φ⁻¹(p): the z with P(Z ≤ z) = p. */
export function normalQuantile(p: number): number {
  return -SQRT2 * erfcinv(2 * p);
}

/** The z with P(Z > z) = s; precise for tiny s. */
export function normalUpperQuantile(s: number): number {
  return SQRT2 * erfcinv(2 * s);
}
