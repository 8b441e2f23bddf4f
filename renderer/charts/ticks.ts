/**
 * Round axis ticks for every chart: steps of 1, 2 or 5 times a power of ten, an axis that starts and
 * ends on a tick, and few enough ticks to read. Recharts' own ticks land on values such as 37.5% or
 * 108 days, which a reader cannot add up in their head.
 */
export interface AxisTicks {
  /** The axis range, from the first tick to the last. */
  domain: [number, number];
  ticks: number[];
  /** The distance between ticks (a formatter can show as many digits as it needs). */
  step: number;
}

export interface TickOptions {
  /** At most this many ticks, ends included (at least 3: a range around zero needs one below, zero and one above). */
  maxTicks?: number;
  /** The smallest step worth showing: 1 for counts and days, 0.01 for a share shown in whole percent. */
  minStep?: number;
}

const MULTIPLES = [1, 2, 5, 10] as const;

/** Removes the float noise of multiplying a step (0.1 * 3 = 0.30000000000000004). */
const clean = (value: number) => Number(value.toPrecision(12));

/** Ticks covering `low` to `high` (any order; equal or non-finite values get a unit range). */
export function niceTicks(low: number, high: number, { maxTicks = 7, minStep = 0 }: TickOptions = {}): AxisTicks {
  let lo = Math.min(low, high);
  let hi = Math.max(low, high);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  // A range too narrow to tell apart from its size (or empty) gets a small one: a flat series still has an axis.
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  // All zero (an empty workspace): one unit from 0, with two ticks. A range of a billionth there drew
  // labels such as ".000000002" on an amount axis.
  if (magnitude === 0) {
    const unit = Math.max(minStep, 1);
    return { domain: [0, unit], ticks: [0, unit], step: unit };
  }
  if (hi - lo < magnitude * 1e-9 || hi - lo < 1e-12) hi = lo + Math.max(minStep, magnitude / 10, 1e-9);
  const count = Math.max(3, Math.floor(maxTicks));
  const rough = Math.max((hi - lo) / (count - 1), minStep);
  let power = 10 ** Math.floor(Math.log10(rough));
  // Ten powers of ten always suffice (a step of 10 × rough fits any range in two ticks); the bound only
  // guards against a loop that floating point could keep from ending.
  for (let tries = 0; tries < 10; tries++) {
    for (const m of MULTIPLES) {
      const step = clean(m * power);
      if (step < minStep || step < rough * (1 - 1e-12)) continue;
      const first = Math.floor(clean(lo / step));
      const last = Math.ceil(clean(hi / step));
      if (last - first + 1 > count) continue;
      const ticks = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
      return { domain: [ticks[0] ?? lo, ticks[ticks.length - 1] ?? hi], ticks, step };
    }
    power *= 10;
  }
  return { domain: [lo, hi], ticks: [lo, hi], step: hi - lo };
}

/** Ticks from zero to the largest value: the usual axis of amounts, counts and shares. */
export const ticksFromZero = (values: readonly number[], options?: TickOptions): AxisTicks =>
  niceTicks(0, Math.max(0, ...values.filter(Number.isFinite)), options);

/** The props a Recharts number axis needs to draw these ticks and no others. */
export const axisProps = (axis: AxisTicks) => ({ type: 'number' as const, domain: axis.domain, ticks: axis.ticks, interval: 0 as const, allowDataOverflow: false });
