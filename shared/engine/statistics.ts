/** Linear interpolation from a (fraction 0) to b (fraction 1), as type 7 takes it between order statistics. */
const between = (a: number, b: number, fraction: number): number => a + fraction * (b - a);

/** Quantile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return between(sorted[lo] as number, sorted[hi] as number, h - lo);
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

/**
 * The quantiles (type 7, exactly as quantileSorted gives them) of `values` at probabilities `ps`,
 * without sorting them all: each needs two order statistics, the first found by selection, the next
 * as the least value above it. A summary takes several quantiles of each quarter's 20,000 trial
 * totals at every partial result; sorting them was most of its time. Reorders `values`, which must
 * hold no NaN (trial totals never do; a sort would put NaN last, selection would not).
 */
export function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const out = ps.map(() => 0);
  if (n === 0) return out;
  // In rising order of rank, each selection only searches above the one before.
  const order = ps.map((_, i) => i).sort((a, b) => (ps[a] as number) - (ps[b] as number));
  let left = 0;
  for (const i of order) {
    const h = (n - 1) * (ps[i] as number);
    const lo = Math.floor(h);
    selectInPlace(values, left, n - 1, lo);
    const a = values[lo] as number;
    let b = a;
    if (lo + 1 < n) {
      b = values[lo + 1] as number;
      for (let j = lo + 2; j < n; j++) if ((values[j] as number) < b) b = values[j] as number;
    }
    out[i] = between(a, b, h - lo);
    left = lo;
  }
  return out;
}

/**
 * Reorders values[left..right] so that position k holds the value it would hold if sorted, with
 * nothing greater before it and nothing less after it (Hoare's selection, median-of-three pivots; runs
 * of equal values, like the many zero totals of a distant quarter, split evenly).
 */
function selectInPlace(values: Float64Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < (values[lo] as number)) swap(values, mid, lo);
    if ((values[hi] as number) < (values[lo] as number)) swap(values, hi, lo);
    if ((values[hi] as number) < (values[mid] as number)) swap(values, hi, mid);
    const pivot = values[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const v = values[a] as number;
  values[a] = values[b] as number;
  values[b] = v;
}
