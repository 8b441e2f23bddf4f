import type { ImportSettings } from '../../../shared/import/pipeline-import.ts';
import type { Signal } from '../../../shared/model/schema.ts';
import { ColumnOptions } from '../../fields/options.tsx';

const NONE = '__none__';

/** Which column of the file holds each signal's values (MEDDICC fields such as "Economic Buyer" among them). */
export function SignalColumns({ signals, headers, settings, onChange }: { signals: readonly Signal[]; headers: readonly string[]; settings: ImportSettings; onChange: (settings: ImportSettings) => void }) {
  if (signals.length === 0) return null;
  const set = (signalId: string, value: string) => {
    const signalColumns = { ...(settings.signalColumns ?? {}) };
    if (value === NONE) delete signalColumns[signalId];
    else signalColumns[signalId] = Number(value);
    onChange({ ...settings, signalColumns });
  };
  return (
    <fieldset>
      <legend>Signals</legend>
      <p className="field-hint">Values are matched in any case; for a yes/no signal a checkbox or a filled-in name means yes. Empty cells leave a deal at the baseline.</p>
      {signals.map((signal) => (
        <div className="field inline-field" key={signal.id}>
          <label htmlFor={`signal-col-${signal.id}`}>{signal.name}</label>
          <select id={`signal-col-${signal.id}`} value={settings.signalColumns?.[signal.id] ?? NONE} onChange={(e) => set(signal.id, e.target.value)}>
            <option value={NONE}>— not in this file —</option>
            <ColumnOptions headers={headers} />
          </select>
        </div>
      ))}
    </fieldset>
  );
}
