import { useId } from 'react';
import { backtestCsvFiles } from '../../../shared/export/backtest-csv.ts';
import type { Backtest } from '../../../shared/history/backtest.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { formatProblems } from '../../../shared/result.ts';
import { useSession } from '../../app/session-context.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { ProblemAlert, ProgressLine } from '../forecast/ProgressLine.tsx';
import { compactMoney, percent } from '../../format.ts';
import type { LoadedHistory } from '../../state/calibration-slice.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { backtestFigure, calibrationFigure, coverageWords, pitFigure } from '../../figures/backtest-figures.tsx';

const BACKTEST_TRIALS = 5_000;
const halfLifeName = (q: number | null) => (q === null ? 'none (all history the same)' : `${q} quarters`);

/** Replays past quarters with what was known at their start, and compares with what closed. */
export function BacktestPanel({ model, loaded }: { model: ForecastModel; loaded: LoadedHistory }) {
  const { analyses, exports } = useSession();
  const { seed, backtest, progress, quarters } = useAppShallow((s) => ({ seed: s.seed, backtest: s.calibration.backtest, progress: s.calibration.backtestProgress, quarters: s.calibration.backtestQuarters }));
  const id = useId();
  const actions = useAppStore.getState();
  const run = async () => {
    actions.backtestStarted(quarters);
    const output = await analyses.backtest.run({ kind: 'backtest', model, history: loaded.history, quarters, trials: BACKTEST_TRIALS, seed }, (done, total) => useAppStore.getState().backtestProgressed(done, total));
    if (output) useAppStore.getState().backtestFinished(output.value, model);
  };
  const value = backtest?.value;
  const comparison = value?.ok ? value.value : null;
  const shown: Backtest | null = comparison ? (comparison.runs.find((r) => r.halfLifeQuarters === comparison.suggested) ?? comparison.runs[0] ?? null) : null;
  const money = (v: number | null) => (v === null ? '–' : compactMoney(v, model.currency));
  return (
    <section className="card" aria-labelledby="backtest-title">
      <h2 id="backtest-title">How good were past forecasts?</h2>
      <p className="card-subtitle">
        For each past quarter: the pipeline as it stood on its first day, the stages fitted only on what was known then (a neutral prior, never today’s values), new pipeline at the previous year’s rate, forecast ({BACKTEST_TRIALS.toLocaleString('en-US')} trials), compared with what actually closed won. Replayed with all history weighing the same and with half-lives of 8 and 4 quarters. A quarter is scored when at least a year of history and 10 deals that left every stage came before it.
      </p>
      <div className="inline-row">
        <label htmlFor={id}>Quarters to replay</label>
        <select id={id} value={quarters} onChange={(e) => actions.setBacktestQuarters(Number(e.target.value))}>
          {[4, 6, 8, 12].map((n) => (
            <option key={n} value={n}>
              last {n}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()} disabled={progress !== null}>
          Run backtest
        </button>
        {progress ? (
          <ProgressLine
            label="Backtest progress"
            unit="quarters"
            progress={progress}
            onCancel={() => {
              analyses.backtest.cancel();
              actions.backtestCancelled();
            }}
          />
        ) : null}
        {shown ? (
          <button type="button" onClick={() => void exports.backtest(backtestCsvFiles(shown, model.currency))}>
            Save backtest CSV
          </button>
        ) : null}
      </div>
      {value && !value.ok ? <ProblemAlert text={formatProblems(value.problems)} /> : null}
      {comparison && shown ? (
        <div className={backtest?.document !== model ? 'stale' : undefined}>
          <p className="big-statement" role="status">
            Inside the P10–P90 range in {coverageWords(shown)}. Mean pinball loss (P10/P50/P90, lower is better): forecast {money(shown.scores.pinball)}; weighted pipeline {money(shown.scores.baselines.weightedPipeline)}, last quarter’s actual {money(shown.scores.baselines.lastQuarter)}, same quarter last year {money(shown.scores.baselines.sameQuarterLastYear)}.
          </p>
          <table className="data-table" aria-label="Backtest by half-life">
            <thead>
              <tr>
                <th scope="col">Older history counts half every</th>
                <th scope="col">Inside P10–P90</th>
                <th scope="col">Mean pinball loss</th>
                <th scope="col">CRPS</th>
                <th scope="col">Deal Brier score</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {comparison.runs.map((r) => (
                <tr key={String(r.halfLifeQuarters)}>
                  <th scope="row">{halfLifeName(r.halfLifeQuarters)}</th>
                  <td>{r.coverage.share === null ? '–' : `${r.coverage.inside} of ${r.coverage.scored} (${percent(r.coverage.share)})`}</td>
                  <td>{money(r.scores.pinball)}</td>
                  <td>{money(r.scores.crps)}</td>
                  <td>{r.scores.brier === null ? '–' : r.scores.brier.toFixed(3)}</td>
                  <td>
                    {r.halfLifeQuarters === comparison.suggested ? (
                      <>
                        <strong>suggested</strong>{' '}
                        <button type="button" onClick={() => actions.setHalfLife(r.halfLifeQuarters)}>
                          Use in the fit
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.quarters
            .filter((q) => !q.scored)
            .map((q) => (
              <p key={q.label} className="field-hint">
                {q.label}: {q.reason}
              </p>
            ))}
          <p className="field-hint">Charts: the suggested half-life ({halfLifeName(shown.halfLifeQuarters)}).</p>
          <div className="grid">
            <FigureCard figure={backtestFigure(shown, model.currency)} wide />
            <FigureCard figure={calibrationFigure(shown)} />
            <FigureCard figure={pitFigure(shown)} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
