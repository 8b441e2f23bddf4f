import { useMemo } from 'react';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { applySignalFit } from '../../../shared/signals/apply-signal-fit.ts';
import { fitSignals, NOT_ENOUGH_DATA_FACTOR, SIGNAL_PRIOR_SD } from '../../../shared/signals/fit-signals.ts';
import type { LoadedHistory } from '../../state/calibration-slice.ts';
import { useAppStore } from '../../state/store.ts';

const times = (v: number) => `×${v >= 10 ? v.toFixed(0) : v.toFixed(2)}`;
const pct = (v: number) => `${(Math.round(v * 1000) / 10).toString()}%`;

/**
 * The odds ratios of the workspace's signals fitted from the history's signal columns, each with its
 * 90% interval and the stage exits behind it; accept per signal. Shown when the history has any.
 */
export function SignalFitReview({ model, loaded }: { model: ForecastModel; loaded: LoadedHistory }) {
  const { history } = loaded;
  const signals = model.signals ?? [];
  const inFile = useMemo(() => new Set(history.deals.flatMap((d) => Object.keys(d.signals ?? {}))), [history]);
  const fit = useMemo(() => (inFile.size > 0 ? fitSignals(history, model, history.asOfDay) : null), [history, model, inFile]);
  if (signals.length === 0 || !fit) return null;
  const shown = fit.signals.filter((s) => inFile.has(s.signalId));
  const stageName = (id: string) => model.stages.find((s) => s.id === id)?.name ?? id;
  const accept = (signalId: string, name: string) => {
    const state = useAppStore.getState();
    state.edit((m) => applySignalFit(m, fit, [signalId]));
    state.addNotice('info', `Accepted the fitted odds ratios of ${name}. Undo brings the previous ones back.`);
  };
  const acceptRates = () => {
    const state = useAppStore.getState();
    state.edit((m) => applySignalFit(m, fit, [], true));
    state.addNotice('info', 'The stages’ conversions are now the fitted rates of a deal at every baseline. Undo brings the previous rates back.');
  };
  return (
    <section className="card card-wide" aria-labelledby="signal-fit-title">
      <h2 id="signal-fit-title">Signals from history</h2>
      <p className="card-subtitle">
        Odds ratios against each signal’s baseline, from {fit.exits.toLocaleString('en-US')} stage exits of {history.deals.length.toLocaleString('en-US')} deals ({fit.dealsWithSignals.toLocaleString('en-US')} with a value other than the baseline). A skeptical prior, Normal(0, {SIGNAL_PRIOR_SD}) on ln odds ratio, keeps a ratio near ×1 until the history shows otherwise; the interval is the central 90%.
      </p>
      <p className="field-hint signal-caveat">Caveat: a CRM export holds today’s value of a field, not its value when the deal left each stage, so a ratio can overstate a signal’s effect at the earlier stages.</p>
      {shown.map((signal) => (
        <div key={signal.signalId} className="signal-fit">
          <table className="data-table" aria-label={`${signal.name}: fitted odds ratios`}>
            <caption>
              {signal.name} <span className="field-hint">from {stageName(signal.appliesFrom)} on</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Now</th>
                <th scope="col">Fitted odds ratio</th>
                <th scope="col">90% interval</th>
                <th scope="col">Stage exits</th>
              </tr>
            </thead>
            <tbody>
              {signal.values.map((v) => (
                <tr key={v.value}>
                  <th scope="row">{v.value}</th>
                  <td>{times(signals.find((s) => s.id === signal.signalId)?.oddsRatios[v.value] ?? 1)}</td>
                  <td>{v.enoughData ? times(v.oddsRatio) : <span className="not-enough">not enough data ({times(v.oddsRatio)})</span>}</td>
                  <td>
                    {times(v.interval[0])} – {times(v.interval[1])}
                  </td>
                  <td>{v.exits.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => accept(signal.signalId, signal.name)}>
            Accept {signal.name}
          </button>
        </div>
      ))}
      <p className="field-hint">“Not enough data”: the interval reaches below ×{(1 / NOT_ENOUGH_DATA_FACTOR).toFixed(1)} and above ×{NOT_ENOUGH_DATA_FACTOR}, so the history cannot tell which way the signal works. Accepting sets each value’s odds ratio and its uncertainty (the forecast then draws it per simulated future).</p>
      <div className="signal-baseline">
        <p>
          The baseline’s rates (fitted jointly with the signals):{' '}
          {fit.baselineRates.map((r) => `${stageName(r.stageId)} ${pct(r.rate)}`).join(', ')}.
        </p>
        <button type="button" onClick={acceptRates}>
          Use them as the stages’ conversions
        </button>
      </div>
    </section>
  );
}
