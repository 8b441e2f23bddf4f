/**
 * Nelder–Mead in any number of dimensions: small, dependable and derivative-free, which suits the
 * smooth, low-dimensional likelihoods of the stage fit. Returns the best point and its value.
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], step: readonly number[], maxIterations = 600): { x: number[]; value: number } {
  const n = start.length;
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, k) => (k === i ? v + (step[i] ?? 0.1) : v)))].map((x) => ({ x, v: f(x) }));
  const point = (x: number[]) => ({ x, v: f(x) });
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0] as { x: number[]; v: number };
    const worst = simplex[n] as { x: number[]; v: number };
    const spread = Math.max(...simplex.map((p) => Math.max(...p.x.map((v, k) => Math.abs(v - (best.x[k] as number))))));
    if (Math.abs(worst.v - best.v) < 1e-9 * (1 + Math.abs(best.v)) && spread < 1e-6) break;
    const centroid = start.map((_, k) => simplex.slice(0, n).reduce((s, p) => s + (p.x[k] as number), 0) / n);
    const along = (t: number) => centroid.map((c, k) => c + t * ((worst.x[k] as number) - c));
    const reflected = point(along(-1));
    const secondWorst = simplex[n - 1] as { v: number };
    if (reflected.v < best.v) {
      const expanded = point(along(-2));
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < secondWorst.v) simplex[n] = reflected;
    else {
      const contracted = point(along(reflected.v < worst.v ? -0.5 : 0.5));
      if (contracted.v < Math.min(reflected.v, worst.v)) simplex[n] = contracted;
      else simplex = [best, ...simplex.slice(1).map((p) => point(p.x.map((v, k) => (best.x[k] as number) + 0.5 * (v - (best.x[k] as number)))))];
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const best = simplex[0] as { x: number[]; v: number };
  return { x: best.x, value: best.v };
}

/** The root of a continuous f between a and b, where f(a) and f(b) have opposite signs (Illinois method). */
export function findRoot(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  let fa = f(a);
  let fb = f(b);
  let side = 0;
  for (let i = 0; i < 60 && Math.abs(b - a) > tolerance; i++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc * fb > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else if (fa * fc > 0) {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    } else return c;
  }
  return (a + b) / 2;
}

/**
 * The smallest value of a smooth f near x0 by successive parabolic interpolation (f is close to a
 * parabola near its minimum, as a log-likelihood in one parameter is); falls back to the best point
 * seen. Returns the minimum and where it is, so the next search can start there.
 */
export function minimizeNear(f: (x: number) => number, x0: number, step: number, iterations = 5): { x: number; value: number } {
  let points = [x0 - step, x0, x0 + step].map((x) => ({ x, v: f(x) }));
  for (let i = 0; i < iterations; i++) {
    points.sort((a, b) => a.x - b.x);
    const [a, b, c] = points as [{ x: number; v: number }, { x: number; v: number }, { x: number; v: number }];
    const denominator = (b.x - a.x) * (b.v - c.v) - (b.x - c.x) * (b.v - a.v);
    if (denominator === 0) break;
    const vertex = b.x - ((b.x - a.x) ** 2 * (b.v - c.v) - (b.x - c.x) ** 2 * (b.v - a.v)) / (2 * denominator);
    // A parabola opening downwards (or a wild step) means the points are not yet around the minimum: walk downhill.
    const best = points.reduce((m, p) => (p.v < m.v ? p : m));
    const next = denominator > 0 === b.x - a.x > 0 && Math.abs(vertex - best.x) < 4 * step ? vertex : best.x + (best === a ? -2 * step : best === c ? 2 * step : step / 4);
    if (points.some((p) => Math.abs(p.x - next) < 1e-7)) break;
    const candidate = { x: next, v: f(next) };
    points.sort((p, q) => q.v - p.v);
    points = [candidate, ...points.slice(1)];
  }
  const best = points.reduce((m, p) => (p.v < m.v ? p : m));
  return { x: best.x, value: best.v };
}
