import { useEffect, useId, useState } from 'react';
import type { SensitivityMetric } from '../../../shared/analysis/sensitivity.ts';
import { SEARCH_TRIALS, SENSITIVITY_TRIALS } from '../../../shared/analysis/trial-counts.ts';
import { MAX_ADDED_DEALS } from '../../../shared/analysis/target-gap.ts';
import { dealsCarryingQuarter } from '../../../shared/analysis/carrying-deals.ts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { formatProblems } from '../../../shared/result.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';
import { compactMoney, count, fullMoney, percent } from '../../../shared/format/numbers.ts';
import { isOutOfDate } from '../../state/analysis-slice.ts';
import { ProblemAlert, ProgressLine } from '../forecast/ProgressLine.tsx';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { tornadoFigure } from '../../figures/tornado-figure.tsx';
import { SignalChanges } from './SignalChanges.tsx';
import { StageOptions } from '../../fields/options.tsx';

const CONTRIBUTION_DEALS = 15;

/** The chance of making each quarter's number, what it would take, which deals carry it, and what moves it. */
export function MakingTheNumber({ model, result }: { model: ForecastModel; result: ForecastResult }) {
  const targeted = result.quarters.map((q, i) => ({ q, i })).filter(({ q }) => q.target !== null);
  const [quarter, setQuarter] = useState(targeted[0]?.i ?? 0);
  const q = result.quarters[quarter];
  const quarterId = useId();
  return (
    <div className="making-number">
      <div className="inline-row">
        <label htmlFor={quarterId}>Quarter</label>
        <select id={quarterId} value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
          {result.quarters.map((fq, i) => (
            <option key={fq.label} value={i}>
              {fq.label}
              {fq.target === null ? ' (no target)' : ''}
            </option>
          ))}
        </select>
      </div>
      {q && q.target !== null && q.pTarget !== null ? (
        <>
          <section className="card" aria-labelledby="gap-title">
            <h2 id="gap-title">The target for {q.label}</h2>
            <p className="big-statement">
              {percent(q.pTarget)} chance of reaching {compactMoney(q.target, model.currency)}.{' '}
              {q.p50 >= q.target
                ? `The median outcome, ${compactMoney(q.p50, model.currency)}, is ${compactMoney(q.p50 - q.target, model.currency)} above it.`
                : `The median outcome, ${compactMoney(q.p50, model.currency)}, is ${compactMoney(q.target - q.p50, model.currency)} short.`}
            </p>
            <PipelineNeededForm model={model} quarter={quarter} label={q.label} />
          </section>
          <Contributions model={model} result={result} quarter={quarter} />
          <SignalChanges model={model} quarter={quarter} label={q.label} />
        </>
      ) : (
        <p className="empty">{q?.label ?? 'This quarter'} has no target. Set one under Calendar and targets to see the chance of reaching it.</p>
      )}
      <Tornado model={model} result={result} quarter={quarter} />
    </div>
  );
}

function PipelineNeededForm({ model, quarter, label }: { model: ForecastModel; quarter: number; label: string }) {
  const { seed, found } = useAppShallow((s) => ({ seed: s.seed, found: s.analyses.pipelineNeeded }));
  const { progress } = found;
  const [stageId, setStageId] = useState(model.stages[Math.floor(model.stages.length / 2)]?.id ?? '');
  const [confidence, setConfidence] = useState(0.7);
  const ids = { stage: useId(), confidence: useId() };
  const { runAnalysis, cancelAnalysis } = useAppStore.getState();
  const run = () => runAnalysis('pipelineNeeded', { model, quarter, stageId, confidence, trials: SEARCH_TRIALS, seed });
  const value = found.answer?.output.value;
  const stageName = (id: string) => model.stages.find((s) => s.id === id)?.name ?? id;
  return (
    <div className="gap-form">
      <h3>Pipeline needed</h3>
      <div className="inline-row">
        <label htmlFor={ids.stage}>New deals entering</label>
        <select id={ids.stage} value={stageId} onChange={(e) => setStageId(e.target.value)}>
          <StageOptions stages={model.stages} />
        </select>
        <label htmlFor={ids.confidence}>to reach a chance of</label>
        <select id={ids.confidence} value={confidence} onChange={(e) => setConfidence(Number(e.target.value))}>
          {[0.5, 0.6, 0.7, 0.8, 0.9].map((c) => (
            <option key={c} value={c}>
              {Math.round(c * 100)}%
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()} disabled={progress !== null}>
          Find the pipeline needed
        </button>
      </div>
      {progress ? (
        <ProgressLine
          label="Search progress"
          unit="runs"
          progress={progress}
          onCancel={() => cancelAnalysis('pipelineNeeded')}
        />
      ) : null}
      {value ? (
        value.ok ? (
          <p className={`gap-answer${isOutOfDate(found, model) ? ' stale' : ''}`} role="status">
            {value.value.deals === 0
              ? `${label} already has a ${percent(value.value.pTargetNow)} chance, at or above ${percent(value.value.confidence)}.`
              : value.value.deals === null
                ? `Even ${MAX_ADDED_DEALS} more deals entering ${stageName(value.value.stageId)} today only bring the chance to ${percent(value.value.pTargetWith)}: deals that start there now rarely close by the end of ${label}. Try a later stage.`
                : `Add ${count(value.value.deals, 'deal')} of ${fullMoney(value.value.dealAmount, model.currency)} (the average open deal; ${compactMoney(value.value.deals * value.value.dealAmount, model.currency)} in all) entering ${stageName(value.value.stageId)} today to raise the chance of reaching the ${label} target from ${percent(value.value.pTargetNow)} to ${percent(value.value.pTargetWith)} (in the search’s ${SEARCH_TRIALS.toLocaleString('en-US')}-trial runs).`}
          </p>
        ) : (
          <ProblemAlert text={formatProblems(value.problems)} />
        )
      ) : null}
      <p className="field-hint">Found by simulating the quarter with more and more added deals ({SEARCH_TRIALS.toLocaleString('en-US')} trials each, same random numbers), so how long deals take to close counts, not just their expected value.</p>
    </div>
  );
}

function Contributions({ model, result, quarter }: { model: ForecastModel; result: ForecastResult; quarter: number }) {
  const { trials, seed, contributions } = useAppShallow((s) => ({ trials: s.trials, seed: s.seed, contributions: s.analyses.contributions }));
  const top = dealsCarryingQuarter(result, quarter, CONTRIBUTION_DEALS).map((d) => d.deal);
  const key = top.map((d) => d.id).join('|');
  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(() => void useAppStore.getState().runAnalysis('contributions', { model, quarter, dealIds: key.split('|'), trials, seed }), 300);
    return () => clearTimeout(timer);
  }, [model, quarter, key, trials, seed]);
  const current = contributions.answer?.job.quarter === quarter ? contributions.answer : null;
  return (
    <section className="card" aria-labelledby="carry-title">
      <h2 id="carry-title">Which deals carry the quarter</h2>
      <p className="card-subtitle">How much the chance of reaching the target drops without each deal (the same simulated futures, with the deal taken out).</p>
      {!current ? (
        <p className="loading">Measuring…</p>
      ) : !current.output.value.ok ? (
        <p className="field-error">{formatProblems(current.output.value.problems)}</p>
      ) : (
        <table className={`data-table${isOutOfDate(contributions, model) ? ' stale' : ''}`} aria-label="Deal contributions to the target">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Amount</th>
              <th scope="col">Chance to close in the quarter</th>
              <th scope="col">Chance of target without it</th>
              <th scope="col">Drop</th>
            </tr>
          </thead>
          <tbody>
            {current.output.value.value.deals.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name || d.id}</th>
                <td>{compactMoney(d.amount, model.currency)}</td>
                <td>{percent(d.pWinInQuarter)}</td>
                <td>{percent(d.pTargetWithout)}</td>
                <td>{d.drop > 0.0005 ? `−${Math.round(d.drop * 100)} pts` : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Tornado({ model, result, quarter }: { model: ForecastModel; result: ForecastResult; quarter: number }) {
  const { seed, sensitivity } = useAppShallow((s) => ({ seed: s.seed, sensitivity: s.analyses.sensitivity }));
  const { progress } = sensitivity;
  const hasTarget = result.quarters[quarter]?.target != null;
  const [metric, setMetric] = useState<SensitivityMetric>('p50');
  const [step, setStep] = useState(0.1);
  const ids = { metric: useId(), step: useId() };
  const chosenMetric = hasTarget ? metric : 'p50';
  const { runAnalysis, cancelAnalysis } = useAppStore.getState();
  const run = () => runAnalysis('sensitivity', { model, quarter, metric: chosenMetric, step, trials: SENSITIVITY_TRIALS, seed });
  const value = sensitivity.answer?.output.value;
  const label = (i: number) => result.quarters[i]?.label ?? '';
  return (
    <section className="tornado" aria-labelledby="tornado-title">
      <h2 id="tornado-title">Which stage to invest in</h2>
      <div className="inline-row">
        <label htmlFor={ids.metric}>Measure</label>
        <select id={ids.metric} value={chosenMetric} onChange={(e) => setMetric(e.target.value as SensitivityMetric)}>
          <option value="p50">Median bookings (P50)</option>
          {hasTarget ? <option value="pTarget">Chance of reaching the target</option> : null}
        </select>
        <label htmlFor={ids.step}>Vary each input by</label>
        <select id={ids.step} value={step} onChange={(e) => setStep(Number(e.target.value))}>
          {[0.05, 0.1, 0.2].map((v) => (
            <option key={v} value={v}>
              ±{Math.round(v * 100)}%
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()} disabled={progress !== null}>
          Run sensitivity
        </button>
      </div>
      {progress ? (
        <ProgressLine
          label="Sensitivity progress"
          unit="runs"
          progress={progress}
          onCancel={() => cancelAnalysis('sensitivity')}
        />
      ) : null}
      {value && !value.ok ? <ProblemAlert text={formatProblems(value.problems)} /> : null}
      {value?.ok ? (
        <div className={isOutOfDate(sensitivity, model) ? 'stale' : undefined}>
          <FigureCard figure={tornadoFigure(value.value, label(value.value.quarter), model.currency, SENSITIVITY_TRIALS)} wide />
          {value.value.rows.some((r) => r.note) ? <p className="field-hint">{value.value.rows.filter((r) => r.note).map((r) => `${r.label}: ${r.note}`).join('. ')}.</p> : null}
        </div>
      ) : (
        <p className="field-hint">Varies each stage’s conversion and time in stage, and the new-pipeline rate, one at a time ({SENSITIVITY_TRIALS.toLocaleString('en-US')} trials per run, same random numbers).</p>
      )}
    </section>
  );
}
