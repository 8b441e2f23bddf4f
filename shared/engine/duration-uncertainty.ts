import { sampleGamma } from './beta.ts';
import { normalQuantile } from './normal.ts';
import type { Stream } from './random.ts';

/**
 * Semantics 10 (README): a stage's lognormal fitted from n deals is uncertain. Each trial draws its
 * parameters once from the normal-inverse-χ² posterior and every deal of the trial shares them:
 * σ*² = σ²·(n − 1)/X with X ~ χ²(n − 1), then μ* ~ Normal(μ, σ* ÷ √n).
 * Marginally (μ* − μ)/(σ/√n) follows Student's t with n − 1 degrees of freedom.
 */

/** X can underflow for n = 2 only in theory (χ²(1) below 1e-300); the floor keeps σ* finite. */
const MIN_CHI_SQUARE = 1e-300;

/** Writes the trial's μ* and σ* into `out[at]`, `out[at + 1]`. */
export function drawLogNormalParameters(mu: number, sigma: number, n: number, stream: Stream, out: Float64Array, at: number): void {
  const chiSquare = Math.max(MIN_CHI_SQUARE, 2 * sampleGamma((n - 1) / 2, stream));
  const drawnSigma = sigma * Math.sqrt((n - 1) / chiSquare);
  out[at] = mu + (drawnSigma / Math.sqrt(n)) * normalQuantile(stream.next());
  out[at + 1] = drawnSigma;
}
