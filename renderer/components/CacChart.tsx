import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { compactMoney, fullMoney } from '../format.ts';
import { ChartCard } from './ChartCard.tsx';

/** Cost per won customer, by stage, split into what was spent on deals that were won and lost. */
export function CacChart({ model, result }: { model: ForecastModel; result: ForecastResult }) {
  const { cac } = result;
  const wins = cac.expectedWins;
  const rows = model.stages.map((s) => {
    const cost = cac.costByStage[s.id] ?? 0;
    const lost = cac.lostCostByStage[s.id] ?? 0;
    return { stage: s.name, won: wins > 0 ? (cost - lost) / wins : 0, lost: wins > 0 ? lost / wins : 0 };
  });
  const c = model.currency;
  return (
    <ChartCard
      title="Customer acquisition cost by stage"
      subtitle={cac.costPerWin === null ? 'No simulated deal is won, so there is no cost per win.' : `${fullMoney(cac.costPerWin, c)} per won customer in all, ${compactMoney(cac.totalCost, c)} expected spend.`}
    >
      <div className="chart" role="img" aria-label={`Cost per won deal by stage: ${rows.map((r) => `${r.stage} ${fullMoney(r.won + r.lost, c)}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--grid)" />
            <XAxis type="number" tickFormatter={(v: number) => compactMoney(v, c)} label={{ value: `Cost per won deal (${c})`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
            <YAxis type="category" dataKey="stage" width={170} />
            <Tooltip formatter={(value, name) => [fullMoney(Number(value), c), name]} />
            <Legend verticalAlign="top" height={28} />
            <Bar dataKey="won" stackId="cost" name="Spent on deals that are won" fill="var(--accent)" isAnimationActive={false} />
            <Bar dataKey="lost" stackId="cost" name="Spent on deals that are lost" fill="var(--lost)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
