import { useId, useState } from 'react';
import { backtestCsvFiles } from '../../shared/export/backtest-csv.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { formatProblems } from '../../shared/result.ts';
import { useSession } from '../app/session-context.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { ProblemAlert, ProgressLine } from '../components/ProgressLine.tsx';
import { compactMoney, percent } from '../format.ts';
import { useAppShallow } from '../state/store.ts';
import { backtestFigure, calibrationFigure } from './backtest-figures.tsx';
import { useCalibrationStore, type CalibrationState } from './calibration-store.ts';

const BACKTEST_TRIALS = 5_000;

/** Replays past quarters with what was known at their start, and compares with what closed. */
export function BacktestPanel({ model, loaded }: { model: ForecastModel; loaded: NonNullable<CalibrationState['history']> }) {
  const { analyses, exports } = useSession();
  const seed = useAppShallow((s) => s.seed);
  const backtest = useCalibrationStore((s) => s.backtest);
  const progress = useCalibrationStore((s) => s.backtestProgress);
  const [quarters, setQuarters] = useState(6);
  const id = useId();
  const set = useCalibrationStore.getState().set;
  const run = async () => {
    set({ backtestProgress: { done: 0, total: quarters } });
    const output = await analyses.backtest.run({ kind: 'backtest', model, history: loaded.history, quarters, trials: BACKTEST_TRIALS, seed }, (done, total) => set({ backtestProgress: { done, total } }));
    if (output) set({ backtest: { value: output.value, document: model }, backtestProgress: null });
  };
  const value = backtest?.value;
  return (
    <section className="card" aria-labelledby="backtest-title">
      <h2 id="backtest-title">How good were past forecasts?</h2>
      <p className="card-subtitle">
        For each past quarter: the pipeline as it stood on its first day, the stages fitted only on what was known then, new pipeline at the previous year’s rate, forecast ({BACKTEST_TRIALS.toLocaleString('en-US')} trials), compared with what actually closed won.
      </p>
      <div className="inline-row">
        <label htmlFor={id}>Quarters to replay</label>
        <select id={id} value={quarters} onChange={(e) => setQuarters(Number(e.target.value))}>
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
              set({ backtestProgress: null });
            }}
          />
        ) : null}
        {value?.ok ? (
          <button type="button" onClick={() => void exports.backtest(backtestCsvFiles(value.value, model.currency))}>
            Save backtest CSV
          </button>
        ) : null}
      </div>
      {value && !value.ok ? <ProblemAlert text={formatProblems(value.problems)} /> : null}
      {value?.ok ? (
        <div className={backtest?.document !== model ? 'stale' : undefined}>
          <p className="big-statement" role="status">
            Inside the P10–P90 range in {value.value.quarters.filter((q) => q.inside).length} of {value.value.quarters.length} quarters ({percent(value.value.coverage)}). The P50 missed by {compactMoney(value.value.maeP50, model.currency)} on average; the CRM’s weighted pipeline by {compactMoney(value.value.maeWeighted, model.currency)}.
          </p>
          {value.value.notes.map((n) => (
            <p key={n} className="field-hint">
              {n}
            </p>
          ))}
          <div className="grid">
            <FigureCard figure={backtestFigure(value.value, model.currency)} wide />
            <FigureCard figure={calibrationFigure(value.value)} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
