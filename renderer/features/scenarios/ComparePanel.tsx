import { useEffect, useId, useMemo, useState } from 'react';
import { BASELINE_ID, comparisonRows, dealChanges, MAX_COMPARED, type ScenarioRun } from '../../../shared/analysis/compare.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useSession } from '../../app/session-context.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { ProgressLine } from '../forecast/ProgressLine.tsx';
import { compactMoney, percent } from '../../../shared/format/numbers.ts';
import { isOutOfDate } from '../../state/analysis-slice.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { compareFigure } from '../../figures/compare-figure.tsx';
import { comparedScenarioIds, withCompared } from '../../../shared/scenarios/compared.ts';

/** "+$120K", "−3 pts", or "±0" when the change rounds away. */
function signed(value: number, show: (v: number) => string): string {
  const shown = show(Math.abs(value));
  if (/^[^1-9]*$/.test(shown)) return '±0';
  return value > 0 ? `+${shown}` : `−${shown}`;
}
const points = (value: number) => `${Math.round(value * 100)} pts`;

/** Runs the chosen scenarios whenever they or the workspace change, and shows them side by side. */
export function ComparePanel({ model }: { model: ForecastModel }) {
  const { exports } = useSession();
  const { trials, seed, edit, comparison } = useAppShallow((s) => ({ trials: s.trials, seed: s.seed, edit: s.edit, comparison: s.analyses.compare }));
  const [quarter, setQuarter] = useState(0);
  const quarterId = useId();
  const options = [{ id: BASELINE_ID, name: 'Baseline' }, ...(model.scenarios ?? []).map((s) => ({ id: s.id, name: s.name }))];
  // Saved with the workspace, so the comparison CSV and the board pack show the same scenarios after a reload.
  const ids = useMemo(() => comparedScenarioIds(model), [model]);

  useEffect(() => {
    if (ids.length === 0) return;
    const timer = setTimeout(() => void useAppStore.getState().runAnalysis('compare', { model, ids, trials, seed }), 300);
    return () => clearTimeout(timer);
  }, [model, ids, trials, seed]);

  const toggle = (id: string, on: boolean) => edit((m) => withCompared(m, id, on));
  const { progress } = comparison;
  const runs: ScenarioRun[] = comparison.answer?.output.runs ?? [];
  const stale = isOutOfDate(comparison, model);
  const figure = compareFigure(runs, model.currency, seed);
  const rows = comparisonRows(runs, quarter);
  const reference = runs.find((r) => r.result)?.result ?? null;
  const quarters = reference?.quarters ?? [];

  return (
    <section className="compare-panel" aria-labelledby="compare-title">
      <div className="card-head">
        <h2 id="compare-title">Compare scenarios</h2>
        <button type="button" disabled={runs.length === 0} onClick={() => void exports.scenarioComparison(runs, 'standard')}>
          Save comparison CSV
        </button>
      </div>
      <fieldset className="compare-choices">
        <legend>Show (up to {MAX_COMPARED}; the first is the reference for the differences)</legend>
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={ids.includes(o.id)} disabled={!ids.includes(o.id) && ids.length >= MAX_COMPARED} onChange={(e) => toggle(o.id, e.target.checked)} /> {o.name}
          </label>
        ))}
      </fieldset>
      {progress ? <ProgressLine label="Comparison progress" unit="scenarios" progress={progress} /> : null}
      {runs.filter((r) => r.problems.length > 0).map((r) => (
        <p key={r.id} className="field-error" role="alert">
          {r.name} cannot run: {r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}
        </p>
      ))}
      <div className={stale ? 'stale' : undefined}>
        {figure ? <FigureCard figure={figure} wide /> : null}
        {rows.length > 0 ? (
          <>
            <div className="inline-row">
              <label htmlFor={quarterId}>Differences in</label>
              <select id={quarterId} value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
                {quarters.map((q, i) => (
                  <option key={q.label} value={i}>
                    {q.label}
                  </option>
                ))}
              </select>
            </div>
            <table className="data-table" aria-label="Scenario differences">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Median (P50)</th>
                  <th scope="col">Change</th>
                  <th scope="col">Chance of reaching target</th>
                  <th scope="col">Change</th>
                  <th scope="col">Remaining cost per expected win</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{compactMoney(r.p50, model.currency)}</td>
                    <td>{i === 0 ? '—' : signed(r.deltaP50, (v) => compactMoney(v, model.currency))}</td>
                    <td>{r.pTarget === null ? 'no target' : percent(r.pTarget)}</td>
                    <td>{i === 0 || r.deltaPTarget === null ? '—' : signed(r.deltaPTarget, points)}</td>
                    <td>{r.costPerWin === null ? '—' : compactMoney(r.costPerWin, model.currency)}</td>
                    <td>{i === 0 || r.deltaCostPerWin === null ? '—' : signed(r.deltaCostPerWin, (v) => compactMoney(v, model.currency))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {reference
              ? runs.slice(1).map((run) => {
                  if (!run.result) return null;
                  const changes = dealChanges(reference, run.result, quarter).slice(0, 8);
                  return (
                    <div key={run.id} className="deal-changes">
                      <h3>
                        Deals that change in {run.name} ({quarters[quarter]?.label})
                      </h3>
                      {changes.length === 0 ? (
                        <p className="empty">No deal’s chance to close in this quarter moves by a point or more.</p>
                      ) : (
                        <ul>
                          {changes.map((c) => (
                            <li key={c.id}>
                              {c.name || c.id}: {percent(c.before)} → {percent(c.after)} chance to close in the quarter ({compactMoney(c.amount, model.currency)})
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  );
                })
              : null}
            <p className="footnote">
              All scenarios run {trials.toLocaleString('en-US')} trials with seed {seed} and the same random numbers (common random numbers): a deal a scenario does not touch comes out the same in every scenario, so the differences come from the assumptions, not from noise.
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
