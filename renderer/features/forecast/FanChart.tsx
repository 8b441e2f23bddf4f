import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '../../../shared/engine/chart-data.ts';
import type { Figure } from '../../charts/figure.ts';
import { compactMoney } from '../../format.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';

/** Cumulative bookings from today to each quarter end, as a fan: the spread widens with time. */
export function fanFigure(charts: ChartData, currency: string, asOf: string): Figure {
  const rows = [
    { label: 'Today', outer: [0, 0] as [number, number], inner: [0, 0] as [number, number], p50: 0 },
    ...charts.cumulative.map((c) => ({ label: `End ${c.label}`, outer: [c.p10, c.p90] as [number, number], inner: [c.p25, c.p75] as [number, number], p50: c.p50 })),
  ];
  return {
    fileName: 'cumulative-bookings',
    title: 'Cumulative bookings over time',
    subtitle: `Bookings from ${asOf} to the end of each quarter. Dark band: half of outcomes; light band: 8 in 10.`,
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
      <ComposedChart {...size} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} padding={{ left: 8, right: 28 }} tick={{ fontSize: 11 }} label={{ value: 'Quarter end', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} width={64} label={{ value: `Cumulative bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -2, className: 'axis-label' }} />
        <Tooltip formatter={(value, name) => (Array.isArray(value) ? [`${compactMoney(Number(value[0]), currency)} – ${compactMoney(Number(value[1]), currency)}`, name] : [compactMoney(Number(value), currency), name])} />
        <Area dataKey="outer" name="P10–P90" fill={palette.band} stroke="none" isAnimationActive={false} />
        <Area dataKey="inner" name="P25–P75" fill={palette.bandStrong} stroke="none" isAnimationActive={false} />
        <Line dataKey="p50" name="Median (P50)" stroke={palette.accent} strokeWidth={3} dot={{ r: 3, fill: palette.accent }} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}

export function FanChart({ charts, currency, asOf }: { charts: ChartData; currency: string; asOf: string }) {
  return <FigureCard figure={fanFigure(charts, currency, asOf)} />;
}
