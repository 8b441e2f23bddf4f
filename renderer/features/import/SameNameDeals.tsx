import type { Ref } from 'react';
import type { DealOnEitherSide, SameNameChoice, SameNameReview } from '../../../shared/import/same-name.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { compactMoney, count } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';

interface SameNameDealsProps {
  review: SameNameReview;
  choice: SameNameChoice;
  onChoose: (choice: SameNameChoice) => void;
  model: ForecastModel;
  ref: Ref<HTMLElement>;
}

/**
 * Before a merge, the imported deals that have the name of a workspace deal under another id, side by
 * side with it, and the choice to update that deal (keeping its id) or to keep both. Names that
 * several deals share are listed apart: they are never matched by a guess.
 */
export function SameNameDeals({ review, choice, onChoose, model, ref }: SameNameDealsProps) {
  const { pairs, shared } = review;
  if (pairs.length === 0 && shared.length === 0) return null;
  const stageOf = (side: DealOnEitherSide) => {
    if (side.kind === 'booked') return `Booked ${friendlyDate(side.deal.closedOn)}`;
    if (side.kind === 'lost') return `Closed lost ${friendlyDate(side.deal.closedOn)}`;
    return model.stages.find((s) => s.id === side.deal.stage)?.name ?? side.deal.stage;
  };
  const money = (n: number) => compactMoney(n, model.currency);
  return (
    <section ref={ref} className="same-name" aria-labelledby="same-name-title" tabIndex={-1}>
      <h3 id="same-name-title">
        {pairs.length > 0 ? `${count(pairs.length, 'imported deal has', 'imported deals have')} the same name as a deal in the workspace, under a different id` : 'Names that several deals share'}
      </h3>
      {pairs.length > 0 ? (
        <>
          <p className="field-hint">
            The file’s ids are not the workspace’s (deals added by hand, or from another export). Matched by name, each imported deal updates the workspace deal and keeps its id, so snapshots and scenarios still know it; kept both, it is added beside it and the pipeline counts that deal twice.
          </p>
          <fieldset className="import-choice">
            <legend>Deals with the same name</legend>
            <label>
              <input type="radio" name="same-name" checked={choice === 'match-by-name'} onChange={() => onChoose('match-by-name')} /> Match them by name: update the workspace deal, keeping its id
            </label>
            <label>
              <input type="radio" name="same-name" checked={choice === 'keep-both'} onChange={() => onChoose('keep-both')} /> Keep both: add the imported deals as new deals
            </label>
          </fieldset>
          <table className="data-table same-name-table" aria-label="Deals with the same name">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Deal
                </th>
                <th scope="colgroup" colSpan={3}>
                  In the workspace
                </th>
                <th scope="colgroup" colSpan={3} className="group-start">
                  In the file
                </th>
              </tr>
              <tr>
                <th scope="col">Id</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Stage</th>
                <th scope="col" className="group-start">
                  Id
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Stage</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map(({ existing, imported }) => (
                <tr key={imported.deal.id}>
                  <td>
                    {existing.deal.name}
                    {imported.deal.name !== existing.deal.name ? <span className="field-hint same-name-spelling">in the file: “{imported.deal.name}”</span> : null}
                  </td>
                  <td>{existing.deal.id}</td>
                  <td className="num">{money(existing.deal.amount)}</td>
                  <td>{stageOf(existing)}</td>
                  <td className="group-start">{imported.deal.id}</td>
                  {/* What the import changes stands out from what it leaves as it was. */}
                  <td className={`num${imported.deal.amount !== existing.deal.amount ? ' changed' : ''}`}>{money(imported.deal.amount)}</td>
                  <td className={stageOf(imported) !== stageOf(existing) ? 'changed' : undefined}>{stageOf(imported)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {shared.length > 0 ? (
        <ul className="same-name-shared">
          {shared.map((s) => (
            <li key={s.name}>
              “{s.name}”: {count(s.inWorkspace, 'deal')} in the workspace and {count(s.inFile, 'deal')} in the file carry this name. Which is which cannot be told, so none is matched by name and all are kept; give them the same id in both to merge them.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
