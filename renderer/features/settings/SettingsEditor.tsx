import { useId } from 'react';
import { parseIsoDay } from '../../../shared/model/dates.ts';
import { fiscalQuarters } from '../../../shared/model/fiscal.ts';
import { quarterStartOf, retargetForFiscalYear } from '../../../shared/model/fiscal-targets.ts';
import { fullMoney } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { useAppShallow, useAppStore } from '../../state/store.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { NumberField } from '../../fields/NumberField.tsx';
import { TextField } from '../../fields/TextField.tsx';
import { MODEL_LIMITS } from '../../../shared/model/limits.ts';
import { AdvancedSettings } from './AdvancedSettings.tsx';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'SGD', 'INR'];

/** The model's expected new pipeline, or the starting values the form shows when it has none. */
const newPipelineOf = (m: ForecastModel) => m.newPipeline ?? { dealsPerMonth: 0, amount: { median: 150_000, p90: 450_000 } };
const withNewDealAmount = (m: ForecastModel, change: { median?: number; p90?: number }) => {
  const np = newPipelineOf(m);
  return { ...np, amount: { ...np.amount, ...change } };
};

/** Fiscal calendar, horizon, currency, as-of date, quarterly targets and expected new pipeline. */
export function SettingsEditor({ model }: { model: ForecastModel }) {
  const { edit, addNotice } = useAppShallow((s) => ({ edit: s.edit, addNotice: s.addNotice }));
  const monthId = useId();
  const currencyId = useId();
  const asOfDay = parseIsoDay(model.asOf);
  const quarters = asOfDay === null ? [] : fiscalQuarters(asOfDay, model.fiscalYearStartMonth, model.horizonQuarters);
  const np = newPipelineOf(model);
  const setTarget = (m: ForecastModel, start: string, value: number | undefined): ForecastModel => {
    const targets = { ...(m.targets ?? {}) };
    if (value === undefined) delete targets[start];
    else targets[start] = value;
    return { ...m, targets };
  };

  const changeFiscalYearStart = (startMonth: number) => {
    // Retarget the document as it is now, not the one this render saw.
    const current = useAppStore.getState().document;
    if (!current) return;
    const { model: next, moved, merged } = retargetForFiscalYear(current, startMonth);
    edit(() => next);
    if (moved.length === 0) return;
    const lines = moved.map((t) => `${friendlyDate(t.from)} → ${t.label} (starts ${friendlyDate(t.to)})`).join('; ');
    const together = merged.length > 0 ? ` Targets that fell in one quarter were added together (${merged.map(friendlyDate).join(', ')}).` : '';
    addNotice('warning', `The fiscal year now starts in ${MONTHS[startMonth - 1]}, so each target moved to the quarter that now contains its old start: ${lines}.${together} Undo puts them back.`);
  };
  const misplaced = Object.entries(model.targets ?? {}).filter(([day]) => {
    const quarter = quarterStartOf(day, model.fiscalYearStartMonth);
    return quarter !== null && quarter.start !== day;
  });

  return (
    <div className="settings-grid">
      <ChartCard title="Calendar and horizon">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={monthId}>Fiscal year starts in</label>
            <select id={monthId} value={model.fiscalYearStartMonth} onChange={(e) => changeFiscalYearStart(Number(e.target.value))}>
              {MONTHS.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <NumberField label="Quarters to forecast" value={model.horizonQuarters} path="horizonQuarters" apply={(m, v) => ({ ...m, horizonQuarters: v ?? NaN })} hint={`1 to ${MODEL_LIMITS.maxHorizonQuarters}, starting with the current quarter`} />
          <TextField label="Pipeline as of (YYYY-MM-DD)" value={model.asOf} path="asOf" apply={(m, asOf) => ({ ...m, asOf })} />
          <div className="field">
            <label htmlFor={currencyId}>Currency</label>
            <select id={currencyId} value={model.currency} onChange={(e) => edit((m) => ({ ...m, currency: e.target.value }))}>
              {[...new Set([model.currency, ...CURRENCIES])].map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
        </div>
      </ChartCard>
      <ChartCard title="Bookings targets" subtitle="Leave a quarter empty for no target.">
        <div className="form-grid">
          {quarters.map((q) => (
            <NumberField
              key={q.start}
              optional
              grouped label={`${q.label} target`}
              suffix={model.currency}
              value={model.targets?.[q.start]}
              path={`targets["${q.start}"]`}
              apply={(m, v) => setTarget(m, q.start, v)}
            />
          ))}
        </div>
        {misplaced.length > 0 ? (
          <div className="misplaced-targets">
            <p className="field-hint">These targets are on days that start no fiscal quarter, so the forecast cannot use them:</p>
            <ul>
              {misplaced.map(([day, amount]) => {
                const quarter = quarterStartOf(day, model.fiscalYearStartMonth);
                return (
                  <li key={day}>
                    {fullMoney(amount, model.currency)} dated {friendlyDate(day)}{' '}
                    <button type="button" className="small" aria-label={`Misplaced target ${day}`} onClick={() => edit((m) => moveTarget(m, day, quarter?.start ?? day))}>
                      Move to {quarter?.label ?? 'its quarter'}
                    </button>{' '}
                    <button type="button" className="small" aria-label={`Remove the target dated ${day}`} onClick={() => edit((m) => moveTarget(m, day, null))}>
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </ChartCard>
      <ChartCard title="New pipeline" subtitle="Deals not created yet, arriving through the horizon and entering the first stage.">
        <div className="form-grid">
          <NumberField label="New deals per month" value={np.dealsPerMonth} path="newPipeline.dealsPerMonth" apply={(m, v) => ({ ...m, newPipeline: { ...newPipelineOf(m), dealsPerMonth: v ?? NaN } })} />
          <NumberField grouped label="Typical deal size" suffix={model.currency} value={np.amount.median} path="newPipeline.amount" apply={(m, v) => ({ ...m, newPipeline: withNewDealAmount(m, { median: v ?? NaN }) })} />
          <NumberField grouped label="Large deal size (P90)" suffix={model.currency} value={np.amount.p90} path="newPipeline.amount" apply={(m, v) => ({ ...m, newPipeline: withNewDealAmount(m, { p90: v ?? NaN }) })} />
        </div>
      </ChartCard>
      <AdvancedSettings model={model} />
    </div>
  );
}

/** Moves a target to another day (adding it to a target already there), or removes it (to = null). */
function moveTarget(model: ForecastModel, from: string, to: string | null): ForecastModel {
  const targets = { ...(model.targets ?? {}) };
  const amount = targets[from] ?? 0;
  delete targets[from];
  if (to !== null) targets[to] = (targets[to] ?? 0) + amount;
  return { ...model, targets };
}
