import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { createAccumulator } from './accumulator.ts';
import { chartData, niceStep } from './chart-data.ts';
import { prepareForecast } from './run.ts';
import { simulateBlock } from './simulate-block.ts';
import { summarize } from './summarize.ts';

describe('chart data', () => {
  const plan = prepareForecast(SAMPLE_WORKSPACE, { trials: 2_000, seed: 4 });
  if (!plan.ok) throw new Error('plan');
  const acc = createAccumulator(plan.value.prepared);
  for (let b = 0; b < plan.value.prepared.blockCount; b++) simulateBlock(plan.value.prepared, b, acc);
  const charts = chartData(plan.value, acc);
  const result = summarize(plan.value, acc, 0);

  it('histograms hold every trial and reach past the target', () => {
    charts.histograms.forEach((h, q) => {
      expect(h.bins.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
      const target = result.quarters[q]?.target;
      if (target) expect((h.bins[h.bins.length - 1]?.from ?? 0) + h.binWidth).toBeGreaterThan(target);
    });
  });

  it('cumulative bookings grow quarter by quarter and start at the first quarter', () => {
    expect(charts.cumulative[0]?.p50).toBeCloseTo(result.quarters[0]?.p50 ?? NaN, 6);
    for (let i = 1; i < charts.cumulative.length; i++) expect(charts.cumulative[i]?.p50).toBeGreaterThanOrEqual(charts.cumulative[i - 1]?.p50 ?? 0);
    for (const point of charts.cumulative) expect(point.p10 <= point.p25 && point.p25 <= point.p50 && point.p50 <= point.p75 && point.p75 <= point.p90).toBe(true);
  });

  it('picks readable bin widths', () => {
    expect([niceStep(0.7), niceStep(1.3), niceStep(23), niceStep(180_000), niceStep(0)]).toEqual([1, 2, 25, 200_000, 1]);
  });
});
