import { useId } from 'react';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { dealCloseFigure } from '../../figures/deal-close-figure.tsx';

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
