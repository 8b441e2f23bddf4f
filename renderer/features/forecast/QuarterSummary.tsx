import type { ForecastResult, QuarterForecast } from '../../../shared/engine/result-types.ts';
import { compactMoney, decimal, percent } from '../../../shared/format/numbers.ts';
import { useRef } from 'react';
import { useAppShallow } from '../../state/store.ts';
import { useSideScroll, type SideScroll } from './side-scroll.ts';

/**
 * The numbers a VP reads out on the forecast call, in plain words, one card per quarter of the horizon.
 * A card's accessible name is its whole text, so a screen reader hears the range and the chance too.
 * Four cards show at a time; when the horizon has more, a pager says which show and moves to the rest.
 */
export function QuarterSummary({ result, currency }: { result: ForecastResult; currency: string }) {
  const { selected, select } = useAppShallow((s) => ({ selected: s.selectedQuarter, select: s.selectQuarter }));
  const list = useRef<HTMLDivElement>(null);
  const view = useSideScroll(list, result.quarters.length);
  return (
    <div className="quarter-strip">
      {view.last - view.first + 1 < view.count ? <QuarterPager view={view} /> : null}
      <div className="quarter-cards" role="list" aria-label="Quarter summaries" ref={list}>
        {result.quarters.map((q, i) => (
          <div role="listitem" key={q.start} className="quarter-card-item">
            <QuarterCard quarter={q} currency={currency} selected={i === selected} onSelect={() => select(i)} />
          </div>
        ))}
      </div>
    </div>
  );
}

function QuarterPager({ view }: { view: SideScroll }) {
  const atStart = view.first === 0;
  const atEnd = view.last >= view.count - 1;
  // aria-disabled rather than disabled: a disabled button drops the keyboard focus that just pressed it.
  return (
    <div className="quarter-pager">
      <span aria-live="polite">
        Quarters {view.first + 1}–{view.last + 1} of {view.count}
      </span>
      <button type="button" onClick={() => !atStart && view.page(-1)} aria-disabled={atStart}>
        ← Earlier
      </button>
      <button type="button" onClick={() => !atEnd && view.page(1)} aria-disabled={atEnd}>
        Later →
      </button>
    </div>
  );
}

function QuarterCard({ quarter: q, currency, selected, onSelect }: { quarter: QuarterForecast; currency: string; selected: boolean; onSelect: () => void }) {
  return (
    <button type="button" className={`quarter-card${selected ? ' selected' : ''}`} onClick={onSelect} aria-pressed={selected}>
      <span className="quarter-label">{q.label}</span>
      <span className="quarter-p50">{compactMoney(q.p50, currency)}</span>
      <span className="quarter-line">median (half the outcomes above, half below)</span>
      <RangeLines p10={q.p10} p90={q.p90} currency={currency} />
      {q.target !== null && q.pTarget !== null ? (
        <span className={`quarter-target ${q.pTarget >= 0.7 ? 'good' : q.pTarget >= 0.4 ? 'fair' : 'poor'}`}>
          {percent(q.pTarget)} chance of reaching the {compactMoney(q.target, currency)} target
        </span>
      ) : (
        <span className="quarter-target none">No target set</span>
      )}
      {q.booked > 0 ? (
        <span className="quarter-line booked">
          booked <strong>{compactMoney(q.booked, currency)}</strong> so far (included above)
        </span>
      ) : null}
      <span className="quarter-line muted">{decimal(q.expectedWins)} deals expected to close</span>
    </button>
  );
}

/**
 * The P10 and P90 in words. Where nothing is booked in many outcomes the quantile is exactly $0, and
 * "10% chance of more than $0" would be false (the chance is less), so those cases say what is true.
 */
function RangeLines({ p10, p90, currency }: { p10: number; p90: number; currency: string }) {
  const zero = compactMoney(0, currency);
  if (p90 <= 0) return <span className="quarter-line">{zero} in at least 9 of 10 outcomes</span>;
  return (
    <>
      {p10 > 0 ? (
        <span className="quarter-line">
          90% chance of at least <strong>{compactMoney(p10, currency)}</strong>
        </span>
      ) : (
        <span className="quarter-line">{zero} in at least 1 of 10 outcomes</span>
      )}
      <span className="quarter-line">
        10% chance of more than <strong>{compactMoney(p90, currency)}</strong>
      </span>
    </>
  );
}
