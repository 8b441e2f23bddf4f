import type { ImportPreview } from '../../../shared/import/pipeline-import.ts';
import { BOOKED_STAGE, SKIP_STAGE } from '../../../shared/import/stage-mapping.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney } from '../../format.ts';

/**
 * What the file holds against what the import takes, per CRM stage (rows and amounts), so the totals
 * can be checked against the CRM report's own. Every data row is counted: imported, or listed below.
 */
export function ImportTally({ preview, stageMapping, model }: { preview: ImportPreview; stageMapping: Record<string, string>; model: ForecastModel }) {
  const money = (n: number) => compactMoney(n, model.currency);
  const listed = preview.problems.length + preview.skipped.length;
  const bookedAmount = preview.booked.reduce((n, d) => n + d.amount, 0);
  const openAmount = preview.deals.reduce((n, d) => n + d.amount, 0);
  const target = (crm: string) => {
    const mapped = stageMapping[crm];
    if (mapped === BOOKED_STAGE) return 'Booked';
    if (mapped === SKIP_STAGE) return 'Left out';
    return model.stages.find((s) => s.id === mapped)?.name ?? 'not mapped';
  };
  return (
    <section aria-label="What the file holds">
      <p className="import-summary" role="status">
        <span>
          <strong>{preview.dataRows.toLocaleString('en-US')}</strong> data rows in the file:
        </span>
        <span>
          <strong>{preview.deals.length.toLocaleString('en-US')}</strong> open deals ({money(openAmount)})
        </span>
        <span>
          <strong>{preview.booked.length.toLocaleString('en-US')}</strong> booked this quarter ({money(bookedAmount)})
        </span>
        <span>
          <strong>{listed.toLocaleString('en-US')}</strong> left out, each listed with its line
        </span>
      </p>
      {preview.stageTallies.length > 0 ? (
        <table className="data-table import-tally" aria-label="Rows per CRM stage">
          <thead>
            <tr>
              <th scope="col">CRM stage</th>
              <th scope="col">Goes to</th>
              <th scope="col" className="num">
                Rows in file
              </th>
              <th scope="col" className="num">
                Amount in file
              </th>
              <th scope="col" className="num">
                Rows imported
              </th>
              <th scope="col" className="num">
                Amount imported
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.stageTallies.map((t) => {
              // Open stages should import whole: a shortfall there is rows with problems, marked.
              const open = model.stages.some((s) => s.id === stageMapping[t.crmStage]);
              return (
                <tr key={t.crmStage} className={open && t.imported < t.rows ? 'short' : undefined}>
                  <td>{t.crmStage || '(no stage)'}</td>
                  <td>{target(t.crmStage)}</td>
                  <td className="num">{t.rows}</td>
                  <td className="num">{money(t.amount)}</td>
                  <td className="num">{t.imported}</td>
                  <td className="num">{money(t.importedAmount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
