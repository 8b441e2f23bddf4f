import { useId, useState } from 'react';
import type { ForecastModel, Signal } from '../../../shared/model/schema.ts';
import { MODEL_LIMITS } from '../../../shared/model/limits.ts';
import { formatPath } from '../../../shared/model/problem-path.ts';
import { addSignal, addStarterSignals, removeSignal, setLogSd, setOddsRatio, setSignalValues, updateSignal } from '../../../shared/signals/signal-edits.ts';
import { starterSignals } from '../../../shared/signals/starter-signals.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { NumberField } from '../../fields/NumberField.tsx';
import { TextField } from '../../fields/TextField.tsx';
import { useAppShallow } from '../../state/store.ts';
import { StageOptions } from '../../fields/options.tsx';

/**
 * What is known about deals that moves their odds (semantics 12): per signal its values, the baseline,
 * the stage it applies from, and each value's odds ratio with an optional spread.
 */
export function SignalsEditor({ model }: { model: ForecastModel }) {
  const edit = useAppShallow((s) => s.edit);
  const [name, setName] = useState('');
  const nameId = useId();
  const signals = model.signals ?? [];
  const missingStarters = starterSignals(model.stages).filter((s) => !signals.some((have) => have.id === s.id));
  const add = () => {
    if (!name.trim()) return;
    edit((m) => addSignal(m, name.trim()));
    setName('');
  };
  return (
    <ChartCard
      wide
      title="Signals"
      subtitle="What you know about a deal that moves its odds: a passed practitioner pilot, an engaged executive sponsor. An odds ratio of ×3 triples a deal's odds (chance ÷ chance against) of moving on at every stage from the one named on; ×1 changes nothing. Set them by hand or accept them from your history under Calibrate."
    >
      {signals.length === 0 ? <p className="empty">No signals yet: every deal in a stage has the same odds.</p> : null}
      <div className="signal-list">
        {signals.map((signal, i) => (
          <SignalRow key={signal.id} model={model} signal={signal} index={i} />
        ))}
      </div>
      <div className="inline-row signal-add">
        <label htmlFor={nameId}>New yes/no signal</label>
        <input id={nameId} type="text" value={name} placeholder="Champion identified" maxLength={MODEL_LIMITS.maxTextLength} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <button type="button" onClick={add} disabled={!name.trim() || signals.length >= MODEL_LIMITS.maxSignals}>
          Add signal
        </button>
        {missingStarters.length > 0 ? (
          <button type="button" onClick={() => edit(addStarterSignals)} disabled={signals.length + missingStarters.length > MODEL_LIMITS.maxSignals}>
            Add the top-down starter set ({missingStarters.map((s) => s.name.toLowerCase()).join(', ')})
          </button>
        ) : null}
      </div>
    </ChartCard>
  );
}

function SignalRow({ model, signal, index }: { model: ForecastModel; signal: Signal; index: number }) {
  const edit = useAppShallow((s) => s.edit);
  const at = `signals[${index}]`;
  const ids = { from: useId(), baseline: useId() };
  const carrying = model.deals.filter((d) => {
    const value = d.signals?.[signal.id];
    return value !== undefined && value !== signal.baseline;
  }).length;
  return (
    <fieldset className="signal-row">
      <legend className="visually-hidden">{signal.name}</legend>
      <div className="signal-head">
        <TextField label="Signal" value={signal.name} path={`${at}.name`} apply={(m, name) => updateSignal(m, index, { name })} />
        <TextField
          label="Values (comma-separated)"
          value={signal.values.join(', ')}
          path={`${at}.values`}
          apply={(m, text) => setSignalValues(m, index, [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))])}
        />
        <div className="field">
          <label htmlFor={ids.baseline}>Baseline (no value)</label>
          <select id={ids.baseline} value={signal.baseline} onChange={(e) => edit((m) => updateSignal(setOddsRatio(setLogSd(m, index, e.target.value, undefined), index, e.target.value, undefined), index, { baseline: e.target.value }))}>
            {signal.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>Applies from</label>
          <select id={ids.from} value={signal.appliesFrom} onChange={(e) => edit((m) => updateSignal(m, index, { appliesFrom: e.target.value }))}>
            <StageOptions stages={model.stages} />
          </select>
        </div>
      </div>
      <table className="data-table signal-values" aria-label={`${signal.name}: odds ratios`}>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Odds ratio (×)</th>
            <th scope="col">Uncertainty (sd of ln odds ratio)</th>
          </tr>
        </thead>
        <tbody>
          {signal.values.map((value) => (
            <tr key={value}>
              <th scope="row">{value}</th>
              {value === signal.baseline ? (
                <td colSpan={2} className="field-hint">
                  ×1, the baseline
                </td>
              ) : (
                <>
                  <td>
                    <NumberField hideLabel optional label={`${signal.name} ${value} odds ratio`} placeholder="1" value={signal.oddsRatios[value]} path={formatPath(['signals', index, 'oddsRatios', value])} apply={(m, v) => setOddsRatio(m, index, value, v)} />
                  </td>
                  <td>
                    <NumberField hideLabel optional label={`${signal.name} ${value} uncertainty`} placeholder="0 (fixed)" value={signal.logSd?.[value]} path={formatPath(['signals', index, 'logSd', value])} apply={(m, v) => setLogSd(m, index, value, v)} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signal-foot">
        <span className="field-hint">{carrying === 1 ? '1 open deal has' : `${carrying} open deals have`} a value other than “{signal.baseline}”</span>
        <button type="button" onClick={() => edit((m) => removeSignal(m, index))}>
          Remove {signal.name}
        </button>
      </div>
    </fieldset>
  );
}
