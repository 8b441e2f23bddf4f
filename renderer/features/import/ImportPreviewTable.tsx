import type { Deal, ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney, count } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';

const PREVIEW_ROWS = 8;

/** The first open deals the import would make, as the pipeline table will show them. */
export function ImportPreviewTable({ deals, model }: { deals: readonly Deal[]; model: ForecastModel }) {
  return (
    <>
      <h3>
        {count(deals.length, 'deal')} ready to import
        {deals.length > PREVIEW_ROWS ? ` (first ${PREVIEW_ROWS} shown)` : ''}
      </h3>
      <table className="data-table import-preview" aria-label="Import preview">
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Stage</th>
            <th scope="col">In stage since</th>
          </tr>
        </thead>
        <tbody>
          {deals.slice(0, PREVIEW_ROWS).map((d) => (
            <tr key={d.id}>
              <td>{d.id}</td>
              <td>{d.name}</td>
              <td>{typeof d.account === 'string' ? d.account : ''}</td>
              <td className="num">{compactMoney(d.amount, model.currency)}</td>
              <td>{model.stages.find((s) => s.id === d.stage)?.name}</td>
              <td>{friendlyDate(d.stageEnteredOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
