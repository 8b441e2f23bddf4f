import { useId, useMemo, useState } from 'react';
import type { ForecastModel, Scenario, Shock } from '../../../shared/model/schema.ts';
import { useStableKeys } from '../stage-model/stable-keys.ts';
import { validateModel } from '../../../shared/model/validate.ts';
import { applyScenario } from '../../../shared/scenarios/apply-scenario.ts';
import { describeScenario } from '../../../shared/scenarios/describe-scenario.ts';
import { fiscalQuarters } from '../../../shared/model/fiscal.ts';
import { parseIsoDay } from '../../../shared/model/dates.ts';
import { NumberField } from '../../fields/NumberField.tsx';
import { TextField } from '../../fields/TextField.tsx';
import { fullMoney } from '../../../shared/format/numbers.ts';
import { useAppStore } from '../../state/store.ts';
import {
  addDealOverride,
  addShock,
  removeDealOverride,
  removeShock,
  scenarioIndex,
  setDealOverride,
  setDealStageOverride,
  setPipelineOverride,
  setStageOverride,
  setTargetOverride,
  updateScenario,
  updateShock,
} from './scenario-edits.ts';
import { scenarioFieldPath } from './scenario-paths.ts';
import { MODEL_LIMITS } from '../../../shared/model/limits.ts';
import { StageOptions } from '../../fields/options.tsx';

const NO_SHOCKS: readonly Shock[] = [];
const edit = (change: (model: ForecastModel) => ForecastModel) => useAppStore.getState().edit(change);
const pct = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * The scenario applied to the baseline, its problems and its changes in words, derived once per change
 * of either, not on every render of the editor. (A hook of its own: the editor passes parts of the model
 * to path helpers, which the React compiler must assume could change them.)
 */
function useScenarioPreview(model: ForecastModel, scenario: Scenario) {
  const applied = useMemo(() => applyScenario(model, scenario), [model, scenario]);
  const checked = useMemo(() => validateModel(applied.model), [applied]);
  const changes = useMemo(() => describeScenario(model, scenario), [model, scenario]);
  return { applied, checked, changes };
}

/** Edits one scenario: every field is empty while it follows the baseline, whose value shows greyed. */
export function ScenarioEditor({ model, scenario }: { model: ForecastModel; scenario: Scenario }) {
  const index = scenarioIndex(model, scenario.id);
  const id = scenario.id;
  const { applied, checked, changes } = useScenarioPreview(model, scenario);
  const quarters = fiscalQuarters(parseIsoDay(model.asOf) ?? 0, model.fiscalYearStartMonth, model.horizonQuarters);

  return (
    <div className="scenario-editor">
      <TextField label="Scenario name" value={scenario.name} path={scenarioFieldPath(index, ['name'])} apply={(m, name) => updateScenario(m, id, (s) => ({ ...s, name }))} />
      <section aria-labelledby="changes-title" className="scenario-changes">
        <h3 id="changes-title">Changes from the baseline</h3>
        {changes.length === 0 ? <p className="empty">None yet: this scenario is the baseline. Type a value below to change it; leave a field empty to follow the baseline.</p> : (
          <ul>
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {applied.ignored.length > 0 ? <p className="field-hint">Ignored: {applied.ignored.join('; ')}.</p> : null}
        {checked.ok ? null : (
          <div className="problems" role="alert">
            <p>This scenario cannot run until these are fixed:</p>
            <ul>
              {checked.problems.map((p) => (
                <li key={`${p.path}${p.message}`}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <h3>Stages</h3>
      <table className="data-table scenario-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Moves on</th>
            <th scope="col">Deals behind the rate</th>
            <th scope="col">Typical time</th>
            <th scope="col">Slow case (P90)</th>
            <th scope="col">Cost per day</th>
            <th scope="col">Cost on entry</th>
          </tr>
        </thead>
        <tbody>
          {model.stages.map((stage) => {
            const o = scenario.stages?.[stage.id] ?? {};
            const field = (name: keyof typeof o, label: string, value: number | undefined, placeholder: string, extra: Partial<Parameters<typeof NumberField>[0]> = {}) => (
              <td>
                <NumberField
                  label={`${stage.name} ${label}`}
                  hideLabel
                  optional
                  value={value}
                  placeholder={placeholder}
                  path={scenarioFieldPath(index, ['stages', stage.id, name])}
                  apply={(m, v) => setStageOverride(m, id, stage.id, name, v)}
                  {...extra}
                />
              </td>
            );
            return (
              <tr key={stage.id}>
                <th scope="row">{stage.name}</th>
                {field('conversion', 'conversion', o.conversion, pct(stage.conversion), { scale: 100, suffix: '%', displayRange: { above: 0, atMost: 100 } })}
                {field('conversionSampleSize', 'certainty', o.conversionSampleSize, stage.conversionSampleSize ? String(stage.conversionSampleSize) : 'fixed')}
                {field('durationMedian', 'typical days', o.durationMedian, String(stage.duration.median))}
                {field('durationP90', 'slow case days', o.durationP90, String(stage.duration.p90))}
                {field('costPerDay', 'cost per day', o.costPerDay, fullMoney(stage.costPerDay, model.currency), { grouped: true })}
                {field('entryCost', 'cost on entry', o.entryCost, fullMoney(stage.entryCost, model.currency), { grouped: true })}
              </tr>
            );
          })}
        </tbody>
      </table>

      <DealOverrides model={model} scenario={scenario} index={index} />

      <div className="scenario-columns">
        <section>
          <h3>New pipeline</h3>
          <NumberField
            label="New deals per month"
            optional
            value={scenario.newPipeline?.dealsPerMonth}
            placeholder={model.newPipeline ? String(model.newPipeline.dealsPerMonth) : 'none'}
            path={scenarioFieldPath(index, ['newPipeline', 'dealsPerMonth'])}
            apply={(m, v) => setPipelineOverride(m, id, 'dealsPerMonth', v)}
          />
          <NumberField
            label="Typical deal size"
            optional
            grouped
            value={scenario.newPipeline?.amountMedian}
            placeholder={model.newPipeline ? fullMoney(model.newPipeline.amount.median, model.currency) : 'none'}
            path={scenarioFieldPath(index, ['newPipeline', 'amountMedian'])}
            apply={(m, v) => setPipelineOverride(m, id, 'amountMedian', v)}
          />
        </section>
        <section>
          <h3>Targets</h3>
          {quarters.map((q) => (
            <NumberField
              key={q.start}
              label={`${q.label} target`}
              optional
              grouped
              value={scenario.targets?.[q.start] ?? undefined}
              placeholder={model.targets?.[q.start] !== undefined ? fullMoney(model.targets[q.start] ?? 0, model.currency) : 'no target'}
              path={scenarioFieldPath(index, ['targets', q.start])}
              apply={(m, v) => setTargetOverride(m, id, q.start, v)}
            />
          ))}
        </section>
      </div>

      <Shocks model={model} scenario={scenario} index={index} />
    </div>
  );
}

function DealOverrides({ model, scenario, index }: { model: ForecastModel; scenario: Scenario; index: number }) {
  const selectId = useId();
  const overridden = Object.keys(scenario.deals ?? {});
  const available = model.deals.filter((d) => !scenario.deals?.[d.id]).sort((a, b) => b.amount - a.amount);
  const [choice, setChoice] = useState('');
  const pick = choice && available.some((d) => d.id === choice) ? choice : (available[0]?.id ?? '');
  const id = scenario.id;
  return (
    <section aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>Deals</h3>
      <div className="inline-row">
        <label htmlFor={selectId}>Deal to change</label>
        <select id={selectId} value={pick} onChange={(e) => setChoice(e.target.value)}>
          {available.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name || d.id} ({fullMoney(d.amount, model.currency)})
            </option>
          ))}
        </select>
        <button type="button" disabled={!pick} onClick={() => edit((m) => addDealOverride(m, id, pick))}>
          Change this deal
        </button>
      </div>
      {overridden.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table scenario-table">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Left out</th>
                <th scope="col">Amount</th>
                <th scope="col">Stage</th>
                <th scope="col">In stage since</th>
                <th scope="col">If won, closes from</th>
                <th scope="col">to</th>
              </tr>
            </thead>
            <tbody>
              {overridden.map((dealId) => {
                const deal = model.deals.find((d) => d.id === dealId);
                const o = scenario.deals?.[dealId] ?? {};
                const name = deal ? deal.name || deal.id : `${dealId} (no longer in the pipeline)`;
                const window = o.closeWindow ?? null;
                const setWindow = (from: string, to: string) =>
                  edit((m) => setDealOverride(m, id, dealId, 'closeWindow', from && to ? { from, to } : undefined));
                return (
                  <tr key={dealId}>
                    <th scope="row">{name}</th>
                    <td>
                      <input type="checkbox" aria-label={`Leave out ${name}`} checked={o.excluded === true} onChange={(e) => edit((m) => setDealOverride(m, id, dealId, 'excluded', e.target.checked ? true : undefined))} />
                    </td>
                    <td className="amount-cell">
                      <NumberField label={`${name} amount in this scenario`} hideLabel optional grouped value={o.amount} placeholder={deal ? fullMoney(deal.amount, model.currency) : ''} path={scenarioFieldPath(index, ['deals', dealId, 'amount'])} apply={(m, v) => setDealOverride(m, id, dealId, 'amount', v)} />
                    </td>
                    <td>
                      <select aria-label={`${name} stage in this scenario`} value={o.stage ?? ''} onChange={(e) => edit((m) => setDealStageOverride(m, id, dealId, e.target.value || undefined))}>
                        <option value="">{deal ? `As baseline (${model.stages.find((s) => s.id === deal.stage)?.name ?? deal.stage})` : 'As baseline'}</option>
                        <StageOptions stages={model.stages} />
                      </select>
                    </td>
                    <td>
                      <input
                        type="date"
                        aria-label={`${name} in stage since, in this scenario`}
                        value={o.stageEnteredOn ?? deal?.stageEnteredOn ?? ''}
                        max={model.asOf}
                        onChange={(e) => e.target.value && edit((m) => setDealOverride(m, id, dealId, 'stageEnteredOn', e.target.value))}
                      />
                    </td>
                    <td>
                      <input type="date" aria-label={`${name} earliest close date`} value={window?.from ?? ''} min={model.asOf} onChange={(e) => setWindow(e.target.value, window?.to ?? e.target.value)} />
                    </td>
                    <td>
                      <input type="date" aria-label={`${name} latest close date`} value={window?.to ?? ''} min={window?.from ?? model.asOf} onChange={(e) => setWindow(window?.from ?? e.target.value, e.target.value)} />
                      {/* Under the last field rather than in a column of its own, so the row fits a 1280-pixel window. */}
                      <button type="button" className="small row-reset" aria-label={`Follow baseline for ${name}`} onClick={() => edit((m) => removeDealOverride(m, id, dealId))}>
                        Follow baseline
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Shocks({ model, scenario, index }: { model: ForecastModel; scenario: Scenario; index: number }) {
  const id = scenario.id;
  const shocks = scenario.shocks ?? NO_SHOCKS;
  // Rows follow their risk, not their position: removing one never hands its fields to the next.
  const keys = useStableKeys(shocks);
  const lastStage = model.stages[model.stages.length - 1];
  const yearEnd = fiscalQuarters(parseIsoDay(model.asOf) ?? 0, model.fiscalYearStartMonth, model.horizonQuarters).find((q) => q.label.endsWith('Q4'));
  return (
    <section aria-labelledby="shocks-title">
      <h3 id="shocks-title">Shared risks</h3>
      <p className="field-hint">A shared risk hits every deal at once: with the chance you give, every deal still in the stage on that date waits the delay longer (a procurement freeze at fiscal year end, a budget reset).</p>
      {shocks.map((shock, i) => {
        const key = keys[i] ?? String(i);
        const label = shock.name || `Risk ${i + 1}`;
        return (
          <div className="shock-row" key={key} role="group" aria-label={`Shared risk ${i + 1}`}>
            <TextField label="Risk name" value={shock.name ?? ''} path={scenarioFieldPath(index, ['shocks', i, 'name'])} apply={(m, name) => updateShock(m, id, i, { name })} />
            <NumberField label="Chance" suffix="%" scale={100} value={shock.probability} displayRange={{ above: -0.000001, atMost: 100 }} path={scenarioFieldPath(index, ['shocks', i, 'probability'])} apply={(m, v) => updateShock(m, id, i, { probability: v ?? 0 })} />
            <div className="field">
              <label htmlFor={`${key}-stage`}>Deals in stage</label>
              <select id={`${key}-stage`} value={shock.stage} onChange={(e) => edit((m) => updateShock(m, id, i, { stage: e.target.value }))}>
                <StageOptions stages={model.stages} />
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${key}-date`}>On</label>
              <input id={`${key}-date`} type="date" value={shock.onDate} min={model.asOf} onChange={(e) => e.target.value && e.target.value >= model.asOf && edit((m) => updateShock(m, id, i, { onDate: e.target.value }))} />
            </div>
            <NumberField label="Delay" suffix=" days" value={shock.delayDays} path={scenarioFieldPath(index, ['shocks', i, 'delayDays'])} apply={(m, v) => updateShock(m, id, i, { delayDays: v ?? 0 })} />
            <button type="button" className="small" aria-label={`Remove ${label}`} onClick={() => edit((m) => removeShock(m, id, i))}>
              Remove risk
            </button>
          </div>
        );
      })}
      {lastStage ? (
        <button
          type="button"
          onClick={() => edit((m) => addShock(m, id, { name: 'Year-end procurement freeze', probability: 0.3, stage: lastStage.id, onDate: yearEnd ? yearEnd.end : m.asOf, delayDays: 30 }))}
          disabled={shocks.length >= MODEL_LIMITS.maxShocks}
        >
          Add a shared risk
        </button>
      ) : null}
    </section>
  );
}
