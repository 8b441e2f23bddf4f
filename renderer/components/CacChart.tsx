import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Figure } from '../charts/figure.ts';
import { compactMoney, fullMoney } from '../format.ts';
import { FigureCard } from './FigureCard.tsx';

/** Cost per won customer, by stage, split into what was spent on deals that were won and lost. */
export function cacFigure(model: ForecastModel, result: ForecastResult): Figure {
  const { cac } = result;
  const wins = cac.expectedWins;
  const rows = model.stages.map((s) => {
    const cost = cac.costByStage[s.id] ?? 0;
    const lost = cac.lostCostByStage[s.id] ?? 0;
    return { stage: s.name, won: wins > 0 ? (cost - lost) / wins : 0, lost: wins > 0 ? lost / wins : 0 };
  });
  const c = model.currency;
  return {
    fileName: 'cac-by-stage',
    title: 'Customer acquisition cost by stage',
    subtitle: cac.costPerWin === null ? 'No simulated deal is won, so there is no cost per win.' : `${fullMoney(cac.costPerWin, c)} per won customer in all, ${compactMoney(cac.totalCost, c)} expected spend.`,
    legend: [
      { label: 'Spent on deals that are won', color: 'accent', mark: 'bar' },
      { label: 'Spent on deals that are lost', color: 'lost', mark: 'bar' },
    ],
    ariaLabel: `Cost per won deal by stage: ${rows.map((r) => `${r.stage} ${fullMoney(r.won + r.lost, c)}`).join(', ')}`,
    screenHeight: 300,
    draw: (palette, size) => (
      <BarChart {...size} data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={palette.grid} />
        <XAxis type="number" tickFormatter={(v: number) => compactMoney(v, c)} label={{ value: `Cost per won deal (${c})`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis type="category" dataKey="stage" width={170} />
        <Tooltip formatter={(value, name) => [fullMoney(Number(value), c), name]} />
        <Bar dataKey="won" stackId="cost" name="Spent on deals that are won" fill={palette.accent} isAnimationActive={false} />
        <Bar dataKey="lost" stackId="cost" name="Spent on deals that are lost" fill={palette.lost} isAnimationActive={false} />
      </BarChart>
    ),
  };
}

export function CacChart({ model, result }: { model: ForecastModel; result: ForecastResult }) {
  return <FigureCard figure={cacFigure(model, result)} />;
}
