import { axisProps, ticksFromZero } from '../charts/ticks.ts';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Figure } from '../charts/figure.ts';
import { compactMoney, percent } from '../../shared/format/numbers.ts';
import { friendlyDate } from '../../shared/format/dates.ts';

/** The forecast of one quarter as it stood at one snapshot (or now). */
export interface TrailPoint {
  /** When that forecast was made: the snapshot's day, or today. */
  day: string;
  /** The forecast of the workspace as it is now, not a kept one. */
  now: boolean;
  label: string;
  p10: number;
  p50: number;
  p90: number;
  pTarget: number | null;
}

/**
 * The forecast's track record for one quarter: P10–P90 and the median as forecast at each snapshot,
 * the chance of the target on its own axis, and the actual bookings once the quarter is over.
 */
export function trailFigure(quarterLabel: string, points: readonly TrailPoint[], actual: number | null, target: number | null, currency: string): Figure {
  const rows = points.map((p) => ({ label: p.label, band: [p.p10, p.p90] as [number, number], p50: p.p50, pTarget: p.pTarget }));
  const hasTarget = points.some((p) => p.pTarget !== null);
  const yAxis = ticksFromZero([...points.map((p) => p.p90), actual ?? 0, target ?? 0]);
  const first = points[0];
  const last = points.at(-1);
  const reading =
    first && last
      ? `Median ${compactMoney(first.p50, currency)} as forecast on ${friendlyDate(first.day)}, ${compactMoney(last.p50, currency)} ${last.now ? 'now' : `on ${friendlyDate(last.day)}`}${actual !== null ? `; actual bookings ${compactMoney(actual, currency)}` : ''}.`
      : 'No forecast of this quarter was kept yet.';
  return {
    fileName: `forecast-trail-${quarterLabel}`,
    title: `${quarterLabel}: the forecast over time`,
    subtitle: `${reading} Each point is the forecast as it stood at a snapshot; the band holds 8 in 10 outcomes (P10–P90).`,
    legend: [
      { label: 'P10–P90', color: 'band', mark: 'band' },
      { label: 'Median (P50)', color: 'accent', mark: 'line' },
      ...(hasTarget ? [{ label: 'Chance of target (right axis)', color: 'series2' as const, mark: 'dashed' as const }] : []),
      ...(actual !== null ? [{ label: 'Actual bookings', color: 'text' as const, mark: 'line' as const }] : []),
      ...(target !== null ? [{ label: 'Target', color: 'target' as const, mark: 'dashed' as const }] : []),
    ],
    ariaLabel: `Forecast of ${quarterLabel} at each snapshot: ${points.map((p) => `${p.label} median ${compactMoney(p.p50, currency)}${p.pTarget !== null ? `, ${percent(p.pTarget)} chance of target` : ''}`).join('; ')}${actual !== null ? `. Actual bookings ${compactMoney(actual, currency)}` : ''}`,
    screenHeight: 300,
    draw: (palette, size) => (
      <ComposedChart {...size} data={rows} margin={{ top: 16, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} label={{ value: 'Forecast as of', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis yAxisId="money" {...axisProps(yAxis)} tickFormatter={(v: number) => compactMoney(v, currency)} width={64} label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -2, className: 'axis-label' }} />
        {hasTarget ? <YAxis yAxisId="chance" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => percent(v)} width={48} /> : null}
        <Tooltip formatter={(value, name) => (Array.isArray(value) ? [`${compactMoney(Number(value[0]), currency)} – ${compactMoney(Number(value[1]), currency)}`, name] : name === 'Chance of target' ? [percent(Number(value)), name] : [compactMoney(Number(value), currency), name])} />
        <Area yAxisId="money" dataKey="band" name="P10–P90" fill={palette.band} stroke="none" isAnimationActive={false} />
        <Line yAxisId="money" dataKey="p50" name="Median (P50)" stroke={palette.accent} strokeWidth={3} dot={{ r: 3, fill: palette.accent }} isAnimationActive={false} />
        {hasTarget ? <Line yAxisId="chance" dataKey="pTarget" name="Chance of target" stroke={palette.series2} strokeDasharray="6 4" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} /> : null}
        {target !== null ? <ReferenceLine yAxisId="money" y={target} stroke={palette.target} strokeDasharray="6 4" label={{ value: `Target ${compactMoney(target, currency)}`, position: 'insideTopRight', className: 'ref-label' }} /> : null}
        {actual !== null ? <ReferenceLine yAxisId="money" y={actual} stroke={palette.text} strokeWidth={2} label={{ value: `Actual ${compactMoney(actual, currency)}`, position: 'insideBottomRight', className: 'ref-label' }} /> : null}
      </ComposedChart>
    ),
  };
}
