import { blockTrialRange, trialBookings, type Accumulator } from './accumulator.ts';
import type { ForecastPlan } from './prepare.ts';
import { quantilesOf } from './statistics.ts';

/** What the dashboard draws beyond the summary: distributions from the per-trial quarter totals. */
export interface ChartData {
  /** Per quarter: equal-width bins of bookings and the share of trials in each. */
  histograms: QuarterHistogram[];
  /** Cumulative bookings from the start of the horizon to each quarter's end. */
  cumulative: CumulativePoint[];
}

export interface QuarterHistogram {
  binWidth: number;
  /** Lower edge and share of trials, per bin. */
  bins: { from: number; share: number }[];
}

export interface CumulativePoint {
  end: string;
  label: string;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

const HISTOGRAM_BINS = 30;

export function chartData(plan: ForecastPlan, acc: Accumulator): ChartData {
  const p = plan.prepared;
  const trials: number[] = [];
  for (let b = 0; b < p.blockCount; b++) {
    if (!acc.blockDone[b]) continue;
    const [first, end] = blockTrialRange(p, b);
    for (let t = first; t < end; t++) trials.push(t);
  }
  const n = trials.length;
  const running = new Float64Array(n);
  const histograms: QuarterHistogram[] = [];
  const cumulative: CumulativePoint[] = [];
  plan.quarters.forEach((quarter, q) => {
    const values = new Float64Array(n);
    const booked = plan.booked[q]?.amount ?? 0;
    trials.forEach((t, i) => {
      const v = trialBookings(acc, p, t, q) + booked;
      values[i] = v;
      running[i] = (running[i] as number) + v;
    });
    const target = plan.model.targets?.[quarter.start] ?? 0;
    // Up to the 99th percentile (and past the target), so one freak trial does not squash the picture.
    const top = Math.max(quantilesOf(values, [0.99])[0] as number, target * 1.1, 1);
    const binWidth = niceStep(top / HISTOGRAM_BINS);
    const bins = Array.from({ length: Math.ceil(top / binWidth) + 1 }, (_, i) => ({ from: i * binWidth, share: 0 }));
    for (const v of values) {
      const bin = bins[Math.min(bins.length - 1, Math.floor(v / binWidth))];
      if (bin) bin.share += 1 / n;
    }
    histograms.push({ binWidth, bins });
    const [p10, p25, p50, p75, p90] = quantilesOf(Float64Array.from(running), [0.1, 0.25, 0.5, 0.75, 0.9]) as [number, number, number, number, number];
    cumulative.push({ end: quarter.end, label: quarter.label, p10, p25, p50, p75, p90 });
  });
  return { histograms, cumulative };
}

/** 1, 2, 2.5 or 5 times a power of ten: bin widths a reader can add up in their head. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}
