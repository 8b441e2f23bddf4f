import { useId, useMemo, useState } from 'react';
import { buildHistory, columnsByHeader, guessHistorySettings, withRememberedColumns, HISTORY_FIELD_LABELS, HISTORY_FIELDS, historyCrmStages, type HistoryField, type HistorySettings } from '../../../shared/history/history-import.ts';
import { guessSignalColumns, signalColumnNotes, withHistorySignals } from '../../../shared/signals/history-signals.ts';
import { IGNORE, LOST, WON } from '../../../shared/history/history-types.ts';
import type { CsvTable } from '../../../shared/import/read-table.ts';
import { formatIsoDay } from '../../../shared/model/dates.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import { CsvFilePicker, readCsvFile } from '../import/CsvFilePicker.tsx';
import { useAppStore } from '../../state/store.ts';
import { rememberedHistoryColumns, rememberHistoryColumns } from './remembered-columns.ts';
import { ColumnOptions, StageOptions } from '../../fields/options.tsx';
import { count } from '../../../shared/format/numbers.ts';

const UNMAPPED = '__unmapped__';

/** Loads a CRM stage-history export: mapping, preview, row-level problems; nothing changes until used. */
export function HistoryLoader({ model }: { model: ForecastModel }) {
  const [file, setFile] = useState<{ name: string; table: CsvTable; dateAmbiguous: boolean } | null>(null);
  const [settings, setSettings] = useState<HistorySettings | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const loaded = useAppStore((s) => s.calibration.loaded);
  const inputId = useId();
  const preview = useMemo(() => (file && settings ? buildHistory(file.table, settings, model) : null), [file, settings, model]);
  const crmStages = useMemo(() => (file && settings ? historyCrmStages(file.table, settings) : []), [file, settings]);
  // Signal columns (named like the workspace's signals) give each deal its values for the signal fit.
  const signals = useMemo(() => {
    if (!file || !settings || !preview) return null;
    const columns = guessSignalColumns(file.table.headers, model.signals ?? []);
    const read = withHistorySignals(preview.history, file.table, settings.columns.id, model.signals ?? [], columns);
    return { history: read.history, notes: signalColumnNotes(model.signals ?? [], file.table.headers, columns, read.unmapped) };
  }, [file, settings, preview, model.signals]);

  const load = async (picked: File) => {
    try {
      const { table } = await readCsvFile(picked);
      const guess = guessHistorySettings(table, model);
      setFile({ name: picked.name, table, dateAmbiguous: guess.dateAmbiguous });
      setSettings(withRememberedColumns(table.headers, guess.settings, rememberedHistoryColumns(useAppStore.getState().workspaceId)));
      setReadError(null);
    } catch (error) {
      setReadError(`${picked.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const update = (change: (s: HistorySettings) => HistorySettings) => setSettings((s) => (s ? change(s) : s));
  const setColumn = (field: HistoryField, value: string) =>
    update((s) => {
      const columns = { ...s.columns };
      if (value === UNMAPPED) delete columns[field];
      else columns[field] = Number(value);
      return { ...s, columns };
    });
  const use = () => {
    if (!preview || !file || !settings || preview.deals === 0) return;
    const state = useAppStore.getState();
    state.loadHistory({ history: signals?.history ?? preview.history, fileName: file.name, crmMapping: settings.stageMapping }, model, state.workspaceId);
    rememberHistoryColumns(state.workspaceId, columnsByHeader(file.table.headers, settings.columns));
    setFile(null);
    setSettings(null);
  };

  const fields = settings?.layout === 'stage-dates' ? HISTORY_FIELDS.filter((f) => f !== 'stage' && f !== 'date') : HISTORY_FIELDS;
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Closed-deal history</h2>
      <p className="card-subtitle">
        {loaded
          ? `Using ${loaded.fileName}: ${loaded.history.deals.length} deals up to ${friendlyDate(formatIsoDay(loaded.history.asOfDay))}.`
          : 'Import your CRM’s stage history: a Salesforce Opportunity History or Stage Duration report (a row per stage change), or a HubSpot deals export with its “Date entered” columns (a row per deal).'}
      </p>
      <CsvFilePicker label="History CSV file" error={readError} onFile={(f) => void load(f)} />
      {file && settings && preview ? (
        <div className="history-preview" role="region" aria-label="History preview">
          <div className="inline-row">
            <label htmlFor={`${inputId}-layout`}>The file has</label>
            <select id={`${inputId}-layout`} value={settings.layout} onChange={(e) => update((s) => ({ ...s, layout: e.target.value as HistorySettings['layout'] }))}>
              <option value="stage-changes">one row per stage change</option>
              <option value="stage-dates">one row per deal, a date column per stage</option>
            </select>
            <label htmlFor={`${inputId}-dates`}>Dates are written</label>
            <select id={`${inputId}-dates`} value={settings.dateOrder} onChange={(e) => update((s) => ({ ...s, dateOrder: e.target.value as HistorySettings['dateOrder'] }))}>
              <option value="month-first">month first (3/4/2026 is March 4)</option>
              <option value="day-first">day first (3/4/2026 is April 3)</option>
            </select>
            {file.dateAmbiguous ? <span className="field-hint">The file could be read either way: check this.</span> : null}
          </div>
          <div className="mapping-grid">
            <fieldset>
              <legend>Columns</legend>
              {fields.map((field) => (
                <label key={field} className="mapping-row">
                  <span>{HISTORY_FIELD_LABELS[field]}</span>
                  <select aria-label={`Column for ${HISTORY_FIELD_LABELS[field]}`} value={settings.columns[field] ?? UNMAPPED} onChange={(e) => setColumn(field, e.target.value)}>
                    <option value={UNMAPPED}>(none)</option>
                    <ColumnOptions headers={file.table.headers} />
                  </select>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>CRM stages</legend>
              {crmStages.map((crm) => (
                <label key={crm} className="mapping-row">
                  <span>{crm}</span>
                  <select
                    aria-label={crm}
                    value={settings.stageMapping[crm] ?? UNMAPPED}
                    onChange={(e) =>
                      update((s) => {
                        const stageMapping = { ...s.stageMapping };
                        if (e.target.value === UNMAPPED) delete stageMapping[crm];
                        else stageMapping[crm] = e.target.value;
                        return { ...s, stageMapping };
                      })
                    }
                  >
                    <option value={UNMAPPED}>(choose)</option>
                    <StageOptions stages={model.stages} />
                    <option value={WON}>Closed won</option>
                    <option value={LOST}>Closed lost</option>
                    <option value={IGNORE}>Not used</option>
                  </select>
                </label>
              ))}
            </fieldset>
          </div>
          <p className="import-summary">
            {preview.deals} deals with {preview.events} stage changes, up to {friendlyDate(formatIsoDay(preview.history.asOfDay))}.
          </p>
          {[...preview.notes, ...(signals?.notes ?? [])].map((n) => (
            <p key={n} className="field-hint">
              {n}
            </p>
          ))}
          {preview.problems.length > 0 ? (
            <div role="region" aria-label="Rows that cannot be read" className="problems">
              <p>{count(preview.problems.length, 'row')} cannot be read and will be left out:</p>
              <ul>
                {preview.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    Line {p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="modal-actions">
            <button type="button" onClick={() => (setFile(null), setSettings(null))}>
              Cancel
            </button>
            <button type="button" disabled={preview.deals === 0} onClick={use}>
              Use {preview.deals} deals
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
