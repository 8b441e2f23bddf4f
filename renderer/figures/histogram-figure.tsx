import { Area, AreaChart, CartesianGrid, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '../../shared/engine/chart-data.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Figure, LegendEntry } from '../charts/figure.ts';
import { axisProps, niceTicks } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';
import { compactMoney, finePercent, percent } from '../../shared/format/numbers.ts';

/** How one quarter's bookings are spread over the simulated outcomes, with the target marked. */
export function histogramFigure(result: ForecastResult, charts: ChartData, quarter: number, currency: string): Figure | null {
  const q = result.quarters[quarter];
  const histogram = charts.histograms[quarter];
  if (!q || !histogram) return null;
  // The last bin holds every outcome from its lower edge up (a few freak trials): drawn as a bin it
  // would make a false rise at the right edge, so the picture stops there and says what lies beyond.
  const drawn = histogram.bins.slice(0, -1);
  const edge = histogram.bins[histogram.bins.length - 1]?.from ?? histogram.binWidth;
  const beyond = histogram.bins[histogram.bins.length - 1]?.share ?? 0;
  // Step shape: each bin drawn flat across its width, then down to zero at the edge.
  const rows = drawn.map((b) => ({ x: b.from, share: b.share }));
  rows.push({ x: edge, share: 0 });
  const money = (v: number) => compactMoney(v, currency);
  // Up to nine ticks, so the axis ends near the cut-off instead of a whole wide step past it.
  const xAxis = niceTicks(0, edge, { maxTicks: 9 });
  const yAxis = niceTicks(0, Math.max(...rows.map((r) => r.share)), { minStep: 0.01, maxTicks: 6 });
  const beyondNote = beyond > 0 ? ` ${finePercent(beyond)} of outcomes lie above ${money(edge)}, off the right edge.` : '';
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
        ? `${percent(q.pTarget)} chance of reaching the ${money(q.target)} target; median ${money(q.p50)}.${beyondNote}`
        : `No target is set for this quarter; median ${money(q.p50)}.${beyondNote}`,
    legend,
    ariaLabel: `Distribution of ${q.label} bookings; P50 ${money(q.p50)}`,
    screenHeight: 280,
    draw: (palette, size) => (
      <AreaChart {...size} data={rows} margin={{ top: 20, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="x" {...axisProps(xAxis)} tickFormatter={money} label={{ value: `Bookings in ${q.label} (${currency})`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis {...axisProps(yAxis)} tickFormatter={percent} width={64} label={{ value: 'Share of outcomes', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <Tooltip {...figureTooltip(palette, (v) => `${finePercent(v)} of outcomes`, (v) => `From ${money(Number(v))} to ${money(Number(v) + histogram.binWidth)}`)} />
        <Area type="stepAfter" dataKey="share" name="Share" stroke={palette.accent} fill={palette.band} isAnimationActive={false} />
        {beyond > 0 && xAxis.domain[1] > edge ? (
          <ReferenceArea x1={edge} x2={xAxis.domain[1]} fill={palette.grid} fillOpacity={0.6} label={{ value: `${finePercent(beyond)} above`, position: 'insideTop', className: 'ref-label' }} />
        ) : null}
        <ReferenceLine x={q.p50} stroke={palette.accent} strokeDasharray="2 3" label={{ value: `P50 ${money(q.p50)}`, position: 'top', className: 'ref-label' }} />
        {/* The target's label on the side away from the median's line, which it would otherwise cross. */}
        {q.target !== null ? <ReferenceLine x={q.target} stroke={palette.target} strokeWidth={2} label={{ value: `Target ${money(q.target)}`, position: q.target >= q.p50 ? 'insideTopLeft' : 'insideTopRight', className: 'ref-label target' }} /> : null}
      </AreaChart>
    ),
  };
}
