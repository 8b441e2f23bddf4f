import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { Figure } from '../../charts/figure.ts';
import { decimal } from '../../format.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';

/**
 * How many deals are expected to reach each stage, and to be won, open and new pipeline together. An
 * open deal counts at every stage it has already passed, so the funnel never rises.
 */
export function funnelFigure(result: ForecastResult): Figure {
  const rows = result.funnel.map((f) => ({ name: f.name, deals: f.expectedDeals }));
  return {
    fileName: 'funnel',
    title: 'Deals reaching each stage',
    subtitle: 'Open deals and expected new pipeline, whenever they get there. An open deal counts at every stage it has passed (one in procurement counts at security too), so no stage shows more deals than the one before.',
    legend: [],
    ariaLabel: `Funnel: ${rows.map((r) => `${r.name} ${decimal(r.deals)}`).join(', ')}`,
    screenHeight: 280,
    draw: (palette, size) => (
      <BarChart {...size} data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={palette.grid} />
        <XAxis type="number" label={{ value: 'Expected number of deals', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis type="category" dataKey="name" width={170} />
        <Tooltip formatter={(v) => [decimal(Number(v)), 'Expected deals']} />
        <Bar dataKey="deals" fill={palette.accent} isAnimationActive={false}>
          <LabelList dataKey="deals" position="right" formatter={(v: unknown) => decimal(Number(v))} className="bar-label" />
        </Bar>
      </BarChart>
    ),
  };
}

export function FunnelChart({ result }: { result: ForecastResult }) {
  return <FigureCard figure={funnelFigure(result)} />;
}
