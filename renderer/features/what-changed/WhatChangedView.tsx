import { useEffect, useId, useMemo, useState } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import { formatProblems } from '../../../shared/result.ts';
import { closeDatePushes } from '../../../shared/snapshots/close-date-pushes.ts';
import { snapshotDaysBefore } from '../../../shared/snapshots/snapshot-schedule.ts';
import { modelAt, snapshotSummary } from '../../../shared/snapshots/snapshot-store.ts';
import { useSession } from '../../app/session-context.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { signedMoney, waterfallFigure, type WaterfallMetric } from '../../figures/waterfall-figure.tsx';
import { compactMoney, percent } from '../../../shared/format/numbers.ts';
import type { ComparedSide } from '../../state/snapshot-slice.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { ProgressLine } from '../forecast/ProgressLine.tsx';
import { DealMovesTable } from './DealMovesTable.tsx';
import { ForecastTrail } from './ForecastTrail.tsx';
import { SnapshotControls } from './SnapshotControls.tsx';
import { sideLabel, snapshotLabel } from './snapshot-labels.ts';

/** The default comparison: the latest snapshot at least a week old (else the oldest) against now. */
const DEFAULT_DAYS = 7;

const sideValue = (side: ComparedSide) => (side === 'now' ? 'now' : String(side));
const sideOf = (value: string): ComparedSide => (value === 'now' ? 'now' : Number(value));

/** What moved the forecast between two snapshots (or a snapshot and now), why, and which deals moved it. */
export function WhatChangedView({ model, result }: { model: ForecastModel; result: ForecastResult | null }) {
  const { exports } = useSession();
  const { trials, seed, progress } = useAppShallow((s) => ({ trials: s.trials, seed: s.seed, progress: s.analyses.whatChanged.progress }));
  const { snapshots, chosenBefore, after, comparison, set } = useAppShallow((s) => ({ snapshots: s.snapshotView.snapshots, chosenBefore: s.snapshotView.before, after: s.snapshotView.after, comparison: s.snapshotView.comparison, set: s.updateSnapshotView }));
  const entries = snapshots.entries;
  const before: ComparedSide | null = chosenBefore ?? snapshotDaysBefore(snapshots, new Date(), DEFAULT_DAYS) ?? (entries.length > 0 ? 0 : null);
  const [quarter, setQuarter] = useState(0);
  const [metric, setMetric] = useState<WaterfallMetric>('mean');
  const ids = { before: useId(), after: useId(), quarter: useId(), metric: useId() };
  const key = `${String(before)}|${String(after)}|${entries.length}|${trials}|${seed}`;

  useEffect(() => {
    if (before === null) return;
    const modelOf = (side: ComparedSide) => (side === 'now' ? model : modelAt(snapshots, side));
    const timer = setTimeout(() => {
      const job = { before: modelOf(before), after: modelOf(after), trials, seed };
      void useAppStore.getState().runAnalysis('whatChanged', job).then(() => {
        // The answer is this comparison's only if no newer one superseded it.
        const answer = useAppStore.getState().analyses.whatChanged.answer;
        if (answer && answer.job.before === job.before && answer.job.after === job.after) set({ comparison: { value: answer.output.value, key, document: model } });
      });
    }, 300);
    return () => clearTimeout(timer);
    // The key names everything the comparison depends on besides the model.
  }, [model, key, set, snapshots, before, after, trials, seed]);

  const changed = comparison?.value.ok ? comparison.value.value : null;
  const stale = comparison !== null && (comparison.key !== key || comparison.document !== model);
  const shownQuarter = changed && quarter < changed.quarters.length ? quarter : 0;
  const labels = { before: before === null ? '' : sideLabel(before, entries), after: sideLabel(after, entries) };
  const figure = changed ? waterfallFigure(changed, shownQuarter, metric, model.currency, labels) : null;
  const pushes = useMemo(() => (before === null || before === 'now' ? new Map<string, number>() : closeDatePushes(snapshots, before, after === 'now' ? entries.length - 1 : after, after === 'now' ? model : null)), [snapshots, before, after, entries.length, model]);
  const deals = useMemo(() => (changed ? changed.deals.map((d) => ({ ...d, closeDatePushes: pushes.get(d.id) ?? d.closeDatePushes })) : []), [changed, pushes]);
  const q = changed?.quarters[shownQuarter];

  return (
    <div className="what-changed">
      <SnapshotControls snapshots={snapshots} />
      {entries.length === 0 ? (
        <p className="empty">No snapshots yet. Every pipeline import keeps one, and so does “Take snapshot”; next week this view shows what moved the forecast since.</p>
      ) : (
        <section className="card card-wide" aria-labelledby="what-changed-title">
          <div className="card-head">
            <h2 id="what-changed-title">What changed</h2>
            <button type="button" disabled={!changed} onClick={() => changed && void exports.whatChangedCsv({ ...changed, deals }, model.currency)}>
              Save per-deal changes (CSV)
            </button>
          </div>
          <div className="compare-pickers">
            <label htmlFor={ids.before}>From</label>
            <select id={ids.before} value={before === null ? '' : sideValue(before)} onChange={(e) => set({ before: sideOf(e.target.value) })}>
              {entries.map((entry, i) => (
                <option key={entry.takenAt} value={String(i)}>
                  {snapshotLabel(entry)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.after}>to</label>
            <select id={ids.after} value={sideValue(after)} onChange={(e) => set({ after: sideOf(e.target.value) })}>
              <option value="now">Now (the workspace as it is)</option>
              {entries.map((entry, i) => (
                <option key={entry.takenAt} value={String(i)}>
                  {snapshotLabel(entry)}
                </option>
              ))}
            </select>
            {changed ? (
              <>
                <label htmlFor={ids.quarter}>Quarter</label>
                <select id={ids.quarter} value={shownQuarter} onChange={(e) => setQuarter(Number(e.target.value))}>
                  {changed.quarters.map((cq, i) => (
                    <option key={cq.start} value={i}>
                      {cq.label}
                    </option>
                  ))}
                </select>
                <label htmlFor={ids.metric}>Show</label>
                <select id={ids.metric} value={metric} onChange={(e) => setMetric(e.target.value === 'p50' ? 'p50' : 'mean')}>
                  <option value="mean">Expected bookings (mean)</option>
                  <option value="p50">Median bookings (P50)</option>
                </select>
              </>
            ) : null}
          </div>
          {progress ? <ProgressLine label="Comparison progress" unit="reruns" progress={progress} /> : null}
          {comparison && !comparison.value.ok ? (
            <p className="field-error" role="alert">
              These two cannot be compared: {formatProblems(comparison.value.problems)}
            </p>
          ) : null}
          {changed && q ? (
            <div className={stale ? 'stale' : undefined}>
              <table className="data-table compare-summary" aria-label={`${q.label} before and after`}>
                <thead>
                  <tr>
                    <th scope="col">{q.label}</th>
                    <th scope="col">Expected bookings (mean)</th>
                    <th scope="col">Median (P50)</th>
                    <th scope="col">Chance of reaching the target</th>
                  </tr>
                </thead>
                <tbody>
                  {(['before', 'after'] as const).map((side) => (
                    <tr key={side}>
                      <th scope="row">{side === 'before' ? labels.before : labels.after}</th>
                      <td>{compactMoney(q[side].mean, model.currency)}</td>
                      <td>{compactMoney(q[side].p50, model.currency)}</td>
                      <td>{q[side].pTarget === null ? 'no target' : percent(q[side].pTarget ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {figure ? <FigureCard figure={figure} wide /> : null}
              <h3>Deals that moved {q.label}</h3>
              <p className="footnote">Expected bookings are the deal’s amount × its chance to close in the quarter (the amount itself once booked). The deals’ changes and the new pipeline’s ({signedMoney(changed.newPipelineChangeByQuarter[shownQuarter] ?? 0, model.currency)}) add up exactly to the change of the mean.</p>
              <DealMovesTable deals={deals} quarter={shownQuarter} quarterLabel={q.label} currency={model.currency} />
            </div>
          ) : null}
        </section>
      )}
      <ForecastTrail model={model} snapshots={snapshots} current={result ? snapshotSummary(result).quarters : []} />
    </div>
  );
}
