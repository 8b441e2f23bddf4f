import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { Figure } from '../charts/figure.ts';
import { axisProps, ticksFromZero } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';
import { compactMoney } from '../../shared/format/numbers.ts';
import { friendlyDate } from '../../shared/format/dates.ts';

/**
 * "End FY2027 Q1" on two short lines (Q1 over FY2027): six quarter ends in a half-width card would
 * otherwise run into each other.
 */
function QuarterEndTick({ x, y, payload }: XAxisTickContentProps) {
  const label = String(payload.value).replace(/^End /, '');
  const split = label.lastIndexOf(' ');
  const [first, second] = split > 0 ? [label.slice(split + 1), label.slice(0, split)] : [label, ''];
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={14} textAnchor="middle" className="axis-tick">
        {first}
      </text>
      {second ? (
        <text dy={28} textAnchor="middle" className="axis-tick-note">
          {second}
        </text>
      ) : null}
    </g>
  );
}

/** Cumulative bookings from today to each quarter end, as a fan: the spread widens with time. */
export function fanFigure(charts: ChartData, currency: string, asOf: string): Figure {
  const rows = [
    { label: 'Today', outer: [0, 0] as [number, number], inner: [0, 0] as [number, number], p50: 0 },
    ...charts.cumulative.map((c) => ({ label: `End ${c.label}`, outer: [c.p10, c.p90] as [number, number], inner: [c.p25, c.p75] as [number, number], p50: c.p50 })),
  ];
  const money = (v: number) => compactMoney(v, currency);
  const yAxis = ticksFromZero(rows.map((r) => r.outer[1]));
  return {
    fileName: 'cumulative-bookings',
    title: 'Cumulative bookings over time',
    subtitle: `Bookings from ${friendlyDate(asOf)} to the end of each quarter. Dark band: half of outcomes; light band: 8 in 10.`,
    legend: [
      { label: 'P10–P90', color: 'band', mark: 'band' },
      { label: 'P25–P75', color: 'bandStrong', mark: 'band' },
      { label: 'Median (P50)', color: 'accent', mark: 'line' },
    ],
    ariaLabel: `Cumulative bookings: ${rows
      .slice(1)
      .map((r) => `${r.label} P50 ${compactMoney(r.p50, currency)}`)
      .join(', ')}`,
    screenHeight: 280,
    draw: (palette, size) => (
      <ComposedChart {...size} data={rows} margin={{ top: 8, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} padding={{ left: 8, right: 28 }} height={44} tick={QuarterEndTick} label={{ value: 'Quarter end', position: 'insideBottom', offset: -22, className: 'axis-label' }} />
        <YAxis {...axisProps(yAxis)} tickFormatter={money} width={72} label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -4, className: 'axis-label' }} />
        <Tooltip {...figureTooltip(palette, money)} />
        <Area dataKey="outer" name="P10–P90" fill={palette.band} stroke="none" isAnimationActive={false} />
        <Area dataKey="inner" name="P25–P75" fill={palette.bandStrong} stroke="none" isAnimationActive={false} />
        <Line dataKey="p50" name="Median (P50)" stroke={palette.accent} strokeWidth={3} dot={{ r: 3, fill: palette.accent }} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}
