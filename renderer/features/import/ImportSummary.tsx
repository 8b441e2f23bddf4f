import type { ImportPreview } from '../../../shared/import/pipeline-import.ts';
import type { SameNameChoice, SameNameReview } from '../../../shared/import/same-name.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney, count, noun, whole } from '../../../shared/format/numbers.ts';

interface ImportSummaryProps {
  preview: ImportPreview;
  model: ForecastModel;
  /** The same-name review while merging; null when replacing, where names cannot meet. */
  sameName: { review: SameNameReview; choice: SameNameChoice } | null;
  onShowLeftOut: () => void;
  onShowSameName: () => void;
}

/** What a merge does with the deals named like workspace deals, in a sentence or two. */
function sameNameText(pairs: number, shared: number, choice: SameNameChoice): string {
  const paired = `${count(pairs, 'imported deal shares', 'imported deals share')} a workspace deal’s name under another id: ${choice === 'match-by-name' ? 'each will update that deal.' : 'each will be added beside it.'}`;
  const unpaired = `${count(shared, 'name is', 'names are')} shared by several deals: not matched, all kept.`;
  return [pairs > 0 ? paired : '', shared > 0 ? unpaired : ''].filter((t) => t !== '').join(' ');
}

/**
 * What the import will do, in the dialog's footer so it stays in view beside the Import button:
 * the rows of the file and where they go, the rows left out (in their warning colour), and while
 * merging, the deals that have a workspace deal's name under another id and what happens to them.
 */
export function ImportSummary({ preview, model, sameName, onShowLeftOut, onShowSameName }: ImportSummaryProps) {
  const money = (n: number) => compactMoney(n, model.currency);
  const leftOut = preview.problems.length + preview.skipped.length;
  const openAmount = preview.deals.reduce((n, d) => n + d.amount, 0);
  const bookedAmount = preview.booked.reduce((n, d) => n + d.amount, 0);
  const pairs = sameName?.review.pairs.length ?? 0;
  const shared = sameName?.review.shared.length ?? 0;
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
      {sameName && pairs + shared > 0 ? (
        <p className="import-footer-line">
          <span>{sameNameText(pairs, shared, sameName.choice)}</span>
          <button type="button" className="small" onClick={onShowSameName}>
            Review them
          </button>
        </p>
      ) : null}
    </div>
  );
}
