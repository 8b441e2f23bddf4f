import { axisProps, ticksFromZero } from '../charts/ticks.ts';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { WhatChanged } from '../../shared/analysis/what-changed.ts';
import type { Figure } from '../charts/figure.ts';
import type { Palette } from '../charts/palette.ts';
import { compactMoney } from '../../shared/format/numbers.ts';

export type WaterfallMetric = 'mean' | 'p50';

interface Step {
  label: string;
  range: [number, number];
  kind: 'total' | 'up' | 'down';
  /** The figure printed on the bar: the total, or the signed change. */
  text: string;
}

/** "+$120K" / "−$45K". */
export function signedMoney(value: number, currency: string): string {
  // Sums of many deals' changes leave float dust where the true change is zero.
  if (Math.abs(value) < 0.5) return '±0';
  const shown = compactMoney(Math.abs(value), currency);
  if (/^[^1-9]*$/.test(shown)) return '±0';
  return value > 0 ? `+${shown}` : `−${shown}`;
}

/** The bars of one quarter's waterfall: before, each cause that moved it (in the order applied), after. */
export function waterfallSteps(changed: WhatChanged, quarter: number, metric: WaterfallMetric, currency: string, labels: { before: string; after: string }): Step[] {
  const q = changed.quarters[quarter];
  if (!q) return [];
  const start = q.before[metric];
  const steps: Step[] = [{ label: labels.before, range: [0, start], kind: 'total', text: compactMoney(start, currency) }];
  let level = start;
  for (const cause of changed.causes) {
    const delta = (metric === 'mean' ? cause.meanChangeByQuarter : cause.p50ChangeByQuarter)[quarter] ?? 0;
    if (Math.abs(delta) < 0.5) continue;
    steps.push({ label: cause.label, range: [Math.min(level, level + delta), Math.max(level, level + delta)], kind: delta > 0 ? 'up' : 'down', text: signedMoney(delta, currency) });
    level += delta;
  }
  steps.push({ label: labels.after, range: [0, q.after[metric]], kind: 'total', text: compactMoney(q.after[metric], currency) });
  return steps;
}

const colorOf = (kind: Step['kind'], palette: Palette) => (kind === 'total' ? palette.accent : kind === 'up' ? palette.series1 : palette.target);

/**
 * One quarter's change from one snapshot to another as a waterfall: each cause is a rerun with the same
 * random numbers, in a fixed order, so the bars add up exactly from before to after.
 */
export function waterfallFigure(changed: WhatChanged, quarter: number, metric: WaterfallMetric, currency: string, labels: { before: string; after: string }): Figure | null {
  const q = changed.quarters[quarter];
  if (!q) return null;
  const steps = waterfallSteps(changed, quarter, metric, currency, labels);
  const metricName = metric === 'mean' ? 'expected bookings (mean)' : 'median bookings (P50)';
  const change = q.after[metric] - q.before[metric];
  const yAxis = ticksFromZero(steps.flatMap((s) => s.range));
  const largest = steps.filter((s) => s.kind !== 'total').sort((a, b) => Math.abs(b.range[1] - b.range[0]) - Math.abs(a.range[1] - a.range[0]))[0];
  return {
    fileName: `what-changed-${metric}-${q.label}`,
    title: `What moved the ${q.label} forecast`,
    subtitle: `${metricName[0]?.toUpperCase()}${metricName.slice(1)} from ${labels.before} to ${labels.after}: ${compactMoney(q.before[metric], currency)} → ${compactMoney(q.after[metric], currency)} (${signedMoney(change, currency)}).${largest ? ` Largest cause: ${largest.label.toLowerCase()} (${largest.text}).` : ''} Each step reruns the forecast with the same random numbers, in the order shown, so the steps add up exactly.`,
    legend: [
      { label: 'Forecast', color: 'accent', mark: 'bar' },
      { label: 'Raised it', color: 'series1', mark: 'bar' },
      { label: 'Lowered it', color: 'target', mark: 'bar' },
    ],
    ariaLabel: `Waterfall of ${q.label} ${metricName}: ${steps.map((s) => `${s.label} ${s.text}`).join('; ')}`,
    screenHeight: 320,
    draw: (palette, size) => (
      <BarChart {...size} data={steps} margin={{ top: 28, right: 24, bottom: 8, left: 8 }} barCategoryGap="18%">
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} height={48} />
        <YAxis {...axisProps(yAxis)} tickFormatter={(v: number) => compactMoney(v, currency)} width={64} label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -2, className: 'axis-label' }} />
        <Tooltip formatter={(_value, _name, item) => [(item.payload as Step).text, metricName]} />
        <Bar dataKey="range" name={metricName} isAnimationActive={false}>
          {steps.map((s) => (
            <Cell key={s.label} fill={colorOf(s.kind, palette)} />
          ))}
          <LabelList dataKey="text" position="top" className="bar-label" />
        </Bar>
      </BarChart>
    ),
  };
}
