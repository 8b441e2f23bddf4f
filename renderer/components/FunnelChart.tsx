import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { decimal } from '../format.ts';
import { ChartCard } from './ChartCard.tsx';

/** How many deals are expected to reach each stage, and to be won, open and new pipeline together. */
export function FunnelChart({ result }: { result: ForecastResult }) {
  const rows = result.funnel.map((f) => ({ name: f.name, deals: f.expectedDeals }));
  return (
    <ChartCard title="Expected deals reaching each stage" subtitle="Open deals and expected new pipeline, whenever they get there.">
      <div className="chart" role="img" aria-label={`Funnel: ${rows.map((r) => `${r.name} ${decimal(r.deals)}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--grid)" />
            <XAxis type="number" label={{ value: 'Expected number of deals', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
            <YAxis type="category" dataKey="name" width={170} />
            <Tooltip formatter={(v) => [decimal(Number(v)), 'Expected deals']} />
            <Bar dataKey="deals" fill="var(--accent)" isAnimationActive={false}>
              <LabelList dataKey="deals" position="right" formatter={(v: unknown) => decimal(Number(v))} className="bar-label" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
