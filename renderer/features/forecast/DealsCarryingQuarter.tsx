import type { ForecastModel } from '../../../shared/model/schema.ts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import { compactMoney, friendlyDate, percent } from '../../format.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';

const ROWS = 10;

/** The deals that carry the selected quarter: largest expected bookings in it first. */
export function DealsCarryingQuarter({ model, result, quarter }: { model: ForecastModel; result: ForecastResult; quarter: number }) {
  const q = result.quarters[quarter];
  if (!q) return null;
  const stageName = new Map(model.stages.map((s) => [s.id, s.name]));
  const rows = result.deals
    .map((d) => ({ deal: d, pIn: d.pWinByQuarter[quarter] ?? 0 }))
    .filter((r) => r.pIn > 0)
    .sort((a, b) => b.pIn * b.deal.amount - a.pIn * a.deal.amount)
    .slice(0, ROWS);
  return (
    <ChartCard title={`Deals that carry ${q.label}`} subtitle="Expected bookings in the quarter = amount × chance of closing in it.">
      {rows.length === 0 ? (
        <p className="empty">No open deal has a chance of closing in this quarter.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Stage</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col" className="num">Chance in {q.label}</th>
              <th scope="col" className="num">Expected</th>
              <th scope="col">Close if won (median)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ deal, pIn }) => (
              <tr key={deal.id}>
                <td>{deal.name || deal.id}</td>
                <td>{stageName.get(deal.stage) ?? deal.stage}</td>
                <td className="num">{compactMoney(deal.amount, model.currency)}</td>
                <td className="num">{percent(pIn)}</td>
                <td className="num">{compactMoney(deal.amount * pIn, model.currency)}</td>
                <td>{deal.closeDate ? friendlyDate(deal.closeDate.p50) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
}
