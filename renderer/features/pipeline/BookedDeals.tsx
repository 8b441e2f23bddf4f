import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney } from '../../format.ts';
import { useAppShallow } from '../../state/store.ts';
import { addBooked, removeBooked, updateBooked } from './booked-edits.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { DateField } from '../../fields/DateField.tsx';
import { NumberField } from '../../fields/NumberField.tsx';
import { TextField } from '../../fields/TextField.tsx';

/**
 * Deals already closed won. Those closed in a forecast quarter count in full in it ("booked so far");
 * the CRM import fills this list, and a deal can be added, edited or removed by hand.
 */
export function BookedDeals({ model, result }: { model: ForecastModel; result: ForecastResult | null }) {
  const edit = useAppShallow((s) => s.edit);
  const booked = model.closedWon ?? [];
  const current = result?.quarters[0];
  const subtitle = current
    ? `Deals already closed won. Those closed since ${current.start} are booked in ${current.label}: ${compactMoney(current.booked, model.currency)} so far, counted in every forecast figure of the quarter.`
    : 'Deals already closed won; those closed in the current quarter count in its forecast.';
  return (
    <ChartCard
      wide
      title="Booked this quarter"
      subtitle={subtitle}
      actions={
        <button type="button" onClick={() => edit(addBooked)}>
          Add booked deal
        </button>
      }
    >
      {booked.length === 0 ? (
        <p className="empty">No booked deals. Import the CRM report with its closed-won rows, or add one.</p>
      ) : (
        <table className="data-table booked-table" aria-label="Booked deals">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Closed on</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {booked.map((deal, index) => {
              const label = deal.name || deal.id;
              const at = `closedWon[${index}]`;
              return (
                <tr key={deal.id}>
                  <td>
                    <TextField hideLabel label={`${label} booked name`} value={deal.name} path={`${at}.name`} apply={(m, name) => updateBooked(m, index, { name })} />
                  </td>
                  <td className="num">
                    <NumberField grouped hideLabel label={`${label} booked amount`} value={deal.amount} path={`${at}.amount`} apply={(m, v) => updateBooked(m, index, { amount: v ?? NaN })} />
                  </td>
                  <td>
                    <DateField label={`${label} closed on`} value={deal.closedOn} max={model.asOf} path={`${at}.closedOn`} apply={(m, closedOn) => updateBooked(m, index, { closedOn })} />
                  </td>
                  <td>
                    <button type="button" className="small" aria-label={`Remove booked deal ${label}`} onClick={() => edit((m) => removeBooked(m, index))}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
}
