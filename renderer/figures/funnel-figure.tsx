import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { rowsHeight, type Figure } from '../charts/figure.ts';
import { axisProps, ticksFromZero } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';
import { decimal } from '../../shared/format/numbers.ts';

/**
 * How many deals are expected to reach each stage, and to be won, open and new pipeline together. An
 * open deal counts at every stage it has already passed, so the funnel never rises.
 */
export function funnelFigure(result: ForecastResult): Figure {
  const rows = result.funnel.map((f) => ({ name: f.name, deals: f.expectedDeals }));
  // Seven ticks at most: steps of 20 for a funnel of about a hundred deals end the axis near its widest bar (six gave steps of 50, a third of the chart empty).
  const xAxis = ticksFromZero(rows.map((r) => r.deals), { maxTicks: 7 });
  return {
    fileName: 'funnel',
    title: 'Deals reaching each stage',
    subtitle: 'Open deals and expected new pipeline, whenever they get there. An open deal counts at every stage it has passed (one in procurement counts at security too), so no stage shows more deals than the one before.',
    legend: [],
    ariaLabel: `Funnel: ${rows.map((r) => `${r.name} ${decimal(r.deals)}`).join(', ')}`,
    screenHeight: rowsHeight(rows.map((r) => r.name), 280),
    draw: (palette, size) => (
      <BarChart {...size} data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={palette.grid} />
        <XAxis {...axisProps(xAxis)} tickFormatter={(v: number) => decimal(v, xAxis.step < 1 ? 1 : 0)} label={{ value: 'Expected number of deals', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis type="category" dataKey="name" width={170} />
        <Tooltip {...figureTooltip(palette, (v) => decimal(v))} />
        <Bar dataKey="deals" name="Expected deals" fill={palette.accent} isAnimationActive={false}>
          <LabelList dataKey="deals" position="right" formatter={(v: unknown) => decimal(Number(v))} className="bar-label" />
        </Bar>
      </BarChart>
    ),
  };
}
