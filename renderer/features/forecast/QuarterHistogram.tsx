import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '../../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { Figure, LegendEntry } from '../../charts/figure.ts';
import { compactMoney, percent } from '../../format.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';

/** How one quarter's bookings are spread over the simulated outcomes, with the target marked. */
export function histogramFigure(result: ForecastResult, charts: ChartData, quarter: number, currency: string): Figure | null {
  const q = result.quarters[quarter];
  const histogram = charts.histograms[quarter];
  if (!q || !histogram) return null;
  // Step shape: each bin drawn flat across its width.
  const rows = histogram.bins.map((b) => ({ x: b.from, share: b.share * 100 }));
  const last = histogram.bins[histogram.bins.length - 1];
  if (last) rows.push({ x: last.from + histogram.binWidth, share: 0 });
  const legend: LegendEntry[] = [
    { label: 'Share of simulated outcomes', color: 'band', mark: 'band' },
    { label: 'Median (P50)', color: 'accent', mark: 'dashed' },
  ];
  if (q.target !== null) legend.push({ label: 'Target', color: 'target', mark: 'line' });
  return {
    fileName: `range-of-outcomes-${q.label}`,
    title: `Range of outcomes for ${q.label}`,
    subtitle:
      q.target !== null && q.pTarget !== null
        ? `${percent(q.pTarget)} chance of reaching the ${compactMoney(q.target, currency)} target; median ${compactMoney(q.p50, currency)}.`
        : `No target is set for this quarter; median ${compactMoney(q.p50, currency)}.`,
    legend,
    ariaLabel: `Distribution of ${q.label} bookings; P50 ${compactMoney(q.p50, currency)}`,
    screenHeight: 280,
    draw: (palette, size) => (
      <AreaChart {...size} data={rows} margin={{ top: 20, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="x" type="number" domain={[0, 'dataMax']} tickFormatter={(v: number) => compactMoney(v, currency)} label={{ value: `Bookings in ${q.label} (${currency})`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis tickFormatter={(v: number) => `${v.toFixed(0)}%`} width={64} label={{ value: 'Share of outcomes', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <Tooltip
          labelFormatter={(v) => `From ${compactMoney(Number(v), currency)} to ${compactMoney(Number(v) + histogram.binWidth, currency)}`}
          formatter={(v) => [`${Number(v).toFixed(1)}% of outcomes`, 'Share']}
        />
        <Area type="stepAfter" dataKey="share" stroke={palette.accent} fill={palette.band} isAnimationActive={false} />
        <ReferenceLine x={q.p50} stroke={palette.accent} strokeDasharray="2 3" label={{ value: `P50 ${compactMoney(q.p50, currency)}`, position: 'top', className: 'ref-label' }} />
        {q.target !== null ? <ReferenceLine x={q.target} stroke={palette.target} strokeWidth={2} label={{ value: `Target ${compactMoney(q.target, currency)}`, position: 'insideTopRight', className: 'ref-label target' }} /> : null}
      </AreaChart>
    ),
  };
}

export function QuarterHistogram({ result, charts, quarter, currency }: { result: ForecastResult; charts: ChartData; quarter: number; currency: string }) {
  const figure = histogramFigure(result, charts, quarter, currency);
  return figure ? <FigureCard figure={figure} /> : null;
}
