import type { ImportPreview } from '../../../shared/import/pipeline-import.ts';
import { BOOKED_STAGE, SKIP_STAGE } from '../../../shared/import/stage-mapping.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney, whole } from '../../../shared/format/numbers.ts';

/**
 * What the file holds against what the import takes, per CRM stage (rows and amounts), so the totals
 * can be checked against the CRM report's own. Every data row is counted: imported, or listed below.
 * (The dialog's footer gives the totals, in view while this scrolls.)
 */
export function ImportTally({ preview, stageMapping, model }: { preview: ImportPreview; stageMapping: Record<string, string>; model: ForecastModel }) {
  const money = (n: number) => compactMoney(n, model.currency);
  const target = (crm: string) => {
    const mapped = stageMapping[crm];
    if (mapped === BOOKED_STAGE) return 'Booked';
    if (mapped === SKIP_STAGE) return 'Left out';
    return model.stages.find((s) => s.id === mapped)?.name ?? 'not mapped';
  };
  if (preview.stageTallies.length === 0) return null;
  return (
    <>
      <h3>What the file holds, per CRM stage</h3>
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
          {preview.stageTallies.map((t) => (
            // A stage with rows left out (unmapped, closed lost, or rows with problems) is marked like the rows left out.
            <tr key={t.crmStage} className={t.imported < t.rows ? 'left-out' : undefined}>
              <td>{t.crmStage || '(no stage)'}</td>
              <td>{target(t.crmStage)}</td>
              <td className="num">{whole(t.rows)}</td>
              <td className="num">{money(t.amount)}</td>
              <td className="num">{whole(t.imported)}</td>
              <td className="num">{money(t.importedAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
