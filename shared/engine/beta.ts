import type { Stream } from './random.ts';

/** A standard normal from two uniforms (Box–Muller); used only a few times per trial. */
function normal(stream: Stream): number {
  const u1 = stream.next();
  const u2 = stream.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1) by Marsaglia and Tsang's method (shape < 1 boosted by U^(1/shape)). */
export function sampleGamma(shape: number, stream: Stream): number {
  if (shape < 1) return sampleGamma(shape + 1, stream) * Math.pow(stream.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = stream.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, stream: Stream): number {
  const x = sampleGamma(a, stream);
  const y = sampleGamma(b, stream);
  const sum = x + y;
  // Both gammas can underflow to 0 for tiny shapes; the mean is the honest fallback.
  return sum > 0 ? x / sum : a / (a + b);
}
