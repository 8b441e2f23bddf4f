import { useId } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DealForecast, ForecastResult } from '../../../shared/engine/result-types.ts';
import type { Figure } from '../../charts/figure.ts';
import { friendlyDate, percent } from '../../format.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { FigureCard } from '../../charts/FigureCard.tsx';

/** For one deal: the chance that it has closed (won) by the end of each quarter. */
export function dealCloseFigure(result: ForecastResult, deal: DealForecast): Figure {
  let running = 0;
  const rows = [{ label: 'Today', closed: 0 }, ...result.quarters.map((q, i) => ({ label: q.label, closed: 100 * (running += deal.pWinByQuarter[i] ?? 0) }))];
  return {
    fileName: `chance-to-close-${deal.id}`,
    title: `Chance to close by each quarter end: ${deal.name || deal.id}`,
    subtitle: deal.closeDate
      ? `${percent(deal.pWin)} chance to win in all; if won, a median close of ${friendlyDate(deal.closeDate.p50)} (8 in 10 between ${friendlyDate(deal.closeDate.p10)} and ${friendlyDate(deal.closeDate.p90)}).`
      : 'This deal was not won in any simulated outcome.',
    legend: [],
    ariaLabel: `Chance that ${deal.name} has closed: ${rows
      .slice(1)
      .map((r) => `${r.label} ${Math.round(r.closed)}%`)
      .join(', ')}`,
    screenHeight: 240,
    draw: (palette, size) => (
      <LineChart {...size} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} padding={{ left: 8, right: 28 }} tick={{ fontSize: 11 }} label={{ value: 'By the end of', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={64} label={{ value: 'Chance closed won', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <Tooltip formatter={(v) => [`${Number(v).toFixed(0)}%`, 'Chance closed won']} />
        <Line type="monotone" dataKey="closed" stroke={palette.accent} strokeWidth={3} dot={{ r: 3, fill: palette.accent }} isAnimationActive={false} />
      </LineChart>
    ),
  };
}

export function DealCloseCurve({ result, dealId, onSelect }: { result: ForecastResult; dealId: string | null; onSelect: (id: string) => void }) {
  const selectId = useId();
  const ranked = [...result.deals].sort((a, b) => b.amount * b.pWin - a.amount * a.pWin);
  const deal = result.deals.find((d) => d.id === dealId) ?? ranked[0];
  if (!deal) return <ChartCard title="Chance to close, by quarter">{<p className="empty">There are no open deals.</p>}</ChartCard>;
  const picker = (
    <div className="field inline-field">
      <label htmlFor={selectId}>Deal</label>
      <select id={selectId} value={deal.id} onChange={(e) => onSelect(e.target.value)}>
        {ranked.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name || d.id}
          </option>
        ))}
      </select>
    </div>
  );
  return <FigureCard figure={dealCloseFigure(result, deal)} controls={picker} />;
}
