/** Quantile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

export interface MeanSd {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation (two-pass, for accuracy with large amounts). */
export function meanAndSd(values: ArrayLike<number>): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  if (n < 2) return { mean, sd: 0 };
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}
