import type { Deal, ForecastModel, Signal } from '../../../shared/model/schema.ts';
import { explainDealOdds } from '../../../shared/signals/explain-odds.ts';
import { setDealSignal } from '../../../shared/signals/signal-edits.ts';
import { useAppShallow } from '../../state/store.ts';
import { ColumnMenu } from './ColumnMenu.tsx';

/** Signals worth a column at first: an odds ratio or spread set, or a deal with a value other than the baseline. */
export function signalsInUse(model: Pick<ForecastModel, 'signals' | 'deals'>): ReadonlySet<string> {
  return new Set(
    (model.signals ?? [])
      .filter((s) => Object.values(s.oddsRatios).some((r) => r !== 1) || Object.values(s.logSd ?? {}).some((sd) => sd > 0) || model.deals.some((d) => (d.signals?.[s.id] ?? s.baseline) !== s.baseline))
      .map((s) => s.id),
  );
}

/** The toolbar's Signals menu: which signal columns show, and a filter by one signal's value. */
export function SignalPicker({ signals, shown, onShown, filter, onFilter, open, onOpenChange }: { signals: readonly Signal[]; shown: ReadonlySet<string>; onShown: (shown: ReadonlySet<string>) => void; filter: string; onFilter: (key: string) => void; open: boolean; onOpenChange: (open: boolean) => void }) {
  if (signals.length === 0) return null;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(id);
    else next.delete(id);
    onShown(next);
  };
  const active = signalFilterOptions(signals).find((o) => o.key === filter);
  return (
    <ColumnMenu
      className="signal-picker"
      label={active ? 'Signals (filtered)' : 'Signals'}
      title={active ? `Only deals with ${active.signal.name}: ${active.value}` : undefined}
      legend="Show signal columns"
      open={open}
      onOpenChange={onOpenChange}
    >
      {signals.map((s) => (
        <label key={s.id}>
          <input type="checkbox" checked={shown.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} /> {s.name}
        </label>
      ))}
      <label className="signal-filter">
        Only deals with
        <select value={filter} onChange={(e) => onFilter(e.target.value)}>
          <option value="">any values</option>
          {signalFilterOptions(signals).map((o) => (
            <option key={o.key} value={o.key}>
              {o.signal.name}: {o.value}
            </option>
          ))}
        </select>
      </label>
    </ColumnMenu>
  );
}

export type SignalKey = `signal:${string}`;

/** One deals-table column per signal of the model. */
export const signalColumns = (signals: readonly Signal[]) => signals.map((s) => ({ key: `signal:${s.id}` as SignalKey, label: s.name, track: 'minmax(124px, 0.9fr)', min: 124 }));

/** "Practitioner pilot: passed" for every value of every signal, to filter the table by. */
export const signalFilterOptions = (signals: readonly Signal[]) => signals.flatMap((signal) => signal.values.map((value) => ({ key: `${signal.id}\u0000${value}`, signal, value })));

/**
 * A deal's value of one signal, editable, with what it does to the deal's odds beneath ("odds ×3.0",
 * "×3.0 from Security on" while the deal is before the stage the signal applies from).
 */
export function SignalCell({ model, deal, index, signalId, label }: { model: ForecastModel; deal: Deal; index: number; signalId: string; label: string }) {
  const edit = useAppShallow((s) => s.edit);
  const signal = model.signals?.find((s) => s.id === signalId);
  if (!signal) return null;
  const value = deal.signals?.[signal.id] ?? signal.baseline;
  const reason = explainDealOdds(model, deal).find((r) => r.signalId === signal.id);
  const stageIndex = (id: string) => model.stages.findIndex((s) => s.id === id);
  const later = stageIndex(signal.appliesFrom) > stageIndex(deal.stage);
  const ratio = reason ? `×${reason.oddsRatio >= 10 ? reason.oddsRatio.toFixed(0) : reason.oddsRatio.toFixed(1)}` : null;
  return (
    <>
      <select aria-label={`${label} ${signal.name}`} value={value} onChange={(e) => edit((m) => setDealSignal(m, index, signal, e.target.value))}>
        {signal.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      {reason && ratio ? (
        <span className="odds-note" title={reason.text}>
          {later ? `odds ${ratio} later` : `odds ${ratio}`}
        </span>
      ) : null}
    </>
  );
}
