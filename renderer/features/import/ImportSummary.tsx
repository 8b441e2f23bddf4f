import type { ImportPreview } from '../../../shared/import/pipeline-import.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney, count, noun, whole } from '../../../shared/format/numbers.ts';

interface ImportSummaryProps {
  preview: ImportPreview;
  model: ForecastModel;
  onShowLeftOut: () => void;
}

/**
 * What the import will do, in the dialog's footer so it stays in view beside the Import button:
 * the rows of the file and where they go, and the rows left out (in their warning colour).
 */
export function ImportSummary({ preview, model, onShowLeftOut }: ImportSummaryProps) {
  const money = (n: number) => compactMoney(n, model.currency);
  const leftOut = preview.problems.length + preview.skipped.length;
  const openAmount = preview.deals.reduce((n, d) => n + d.amount, 0);
  const bookedAmount = preview.booked.reduce((n, d) => n + d.amount, 0);
  return (
    <div className="import-summary-lines">
      {/* One sentence, so a screen reader announces it as read: the counts in bold. */}
      <p className="import-summary" role="status">
        <strong>{whole(preview.dataRows)}</strong> {noun(preview.dataRows, 'data row')} in the file: <strong>{whole(preview.deals.length)}</strong> {noun(preview.deals.length, 'open deal')} ({money(openAmount)}),{' '}
        <strong>{whole(preview.booked.length)}</strong> booked this quarter ({money(bookedAmount)})
      </p>
      {leftOut > 0 ? (
        <p className="import-footer-line left-out">
          <span>
            {count(leftOut, 'row')} will be left out, each listed with its line and reason.
          </span>
          <button type="button" className="small" onClick={onShowLeftOut}>
            Show them
          </button>
        </p>
      ) : null}
    </div>
  );
}
