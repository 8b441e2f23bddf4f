import { SEARCH_TRIALS } from '../../../shared/analysis/trial-counts.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { formatProblems } from '../../../shared/result.ts';
import { compactMoney, percent } from '../../../shared/format/numbers.ts';
import { isOutOfDate } from '../../state/analysis-slice.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { ProblemAlert, ProgressLine } from '../forecast/ProgressLine.tsx';

const SHOWN = 10;

/**
 * "Which signal changes move the quarter most": for the largest open deals, each change of one
 * signal to a value with higher odds (a pilot that passes), measured on the same simulated futures.
 */
export function SignalChanges({ model, quarter, label }: { model: ForecastModel; quarter: number; label: string }) {
  const { seed, signalChanges } = useAppShallow((s) => ({ seed: s.seed, signalChanges: s.analyses.signalChanges }));
  const { progress } = signalChanges;
  const { runAnalysis, cancelAnalysis } = useAppStore.getState();
  const movable = (model.signals ?? []).some((s) => s.values.some((v) => (s.oddsRatios[v] ?? 1) > 1));
  const run = () => runAnalysis('signalChanges', { model, quarter, trials: SEARCH_TRIALS, seed });
  const answer = signalChanges.answer;
  const found = answer ? { value: answer.output.value, quarter: answer.job.quarter } : null;
  const current = found && found.quarter === quarter ? found : null;
  const stale = isOutOfDate(signalChanges, model);
  const dealAmount = (id: string) => model.deals.find((d) => d.id === id)?.amount ?? 0;
  return (
    <section className="card" aria-labelledby="signal-changes-title">
      <h2 id="signal-changes-title">Which signal changes move the quarter most</h2>
      <p className="card-subtitle">
        For the {label} target: the largest open deals, each with one signal changed to a value with higher odds (for example a pilot that passes), on the same simulated futures ({SEARCH_TRIALS.toLocaleString('en-US')} trials), so the difference is the change and not noise.
      </p>
      {!movable ? (
        <p className="empty">No signal value has an odds ratio above ×1 yet. Set them in the Stage model’s Signals, or accept them from history under Calibrate.</p>
      ) : (
        <div className="inline-row">
          <button type="button" onClick={() => void run()} disabled={progress !== null}>
            Find the signal changes that matter
          </button>
        </div>
      )}
      {progress ? (
        <ProgressLine
          label="Signal changes progress"
          unit="runs"
          progress={progress}
          onCancel={() => cancelAnalysis('signalChanges')}
        />
      ) : null}
      {current && !current.value.ok ? <ProblemAlert text={formatProblems(current.value.problems)} /> : null}
      {current?.value.ok ? (
        current.value.value.changes.length === 0 ? (
          <p className="empty">No open deal has a signal that could change to higher odds.</p>
        ) : (
          <>
          <p className="field-hint">In these runs the chance of reaching the target is {percent(current.value.value.pTarget)} as the pipeline stands; each row is the chance with that one change.</p>
          <table className={`data-table${stale ? ' stale' : ''}`} aria-label="Signal changes that move the quarter">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Amount</th>
                <th scope="col">Change</th>
                <th scope="col">Chance of target with it</th>
                <th scope="col">Gain</th>
              </tr>
            </thead>
            <tbody>
              {current.value.value.changes.slice(0, SHOWN).map((c) => (
                <tr key={`${c.dealId}-${c.signalId}-${c.to}`}>
                  <th scope="row">{c.dealName || c.dealId}</th>
                  <td>{compactMoney(dealAmount(c.dealId), model.currency)}</td>
                  <td>
                    {c.signalName}: {c.from} → {c.to}
                  </td>
                  <td>{percent(c.pTargetWith)}</td>
                  <td>{c.gain >= 0.0005 ? `+${(c.gain * 100).toFixed(1)} pts` : 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </>
        )
      ) : null}
    </section>
  );
}
