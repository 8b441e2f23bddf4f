import { useMemo, useState } from 'react';
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from '../../../shared/import/columns.ts';
import { firstGuess } from '../../../shared/import/first-guess.ts';
import { applyImport, buildImport, crmStagesOf, type ImportMode, type ImportSettings } from '../../../shared/import/pipeline-import.ts';
import type { CsvTable } from '../../../shared/import/read-table.ts';
import { BOOKED_STAGE, SKIP_STAGE } from '../../../shared/import/stage-mapping.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { validateModel } from '../../../shared/model/validate.ts';
import type { Problem } from '../../../shared/result.ts';
import { compactMoney, count } from '../../../shared/format/numbers.ts';
import { friendlyDate } from '../../../shared/format/dates.ts';
import { useAppShallow } from '../../state/store.ts';
import { useSession } from '../../app/session-context.ts';
import { Modal } from '../../app/Modal.tsx';
import { CsvFilePicker, readCsvFile } from './CsvFilePicker.tsx';
import { ImportTally } from './ImportTally.tsx';
import { SignalColumns } from './SignalColumns.tsx';
import { ColumnOptions, StageOptions } from '../../fields/options.tsx';

interface LoadedFile {
  name: string;
  encoding: string;
  table: CsvTable;
  amountStyleGuessed: boolean;
  dateOrderAmbiguous: boolean;
}

const UNMAPPED = '__unmapped__';

/** Problems of `after` that `before` did not have (compared without list positions, which an import shifts). */
function problemsIntroduced(before: ForecastModel, after: ForecastModel): Problem[] {
  const problems = (model: ForecastModel) => {
    const result = validateModel(model);
    return result.ok ? [] : result.problems;
  };
  const key = (p: Problem) => `${p.path.replace(/\[\d+\]/g, '[]')}: ${p.message.replace(/\[\d+\]/g, '[]')}`;
  const known = new Set(problems(before).map(key));
  return problems(after).filter((p) => !known.has(key(p)));
}
const PREVIEW_ROWS = 8;

/**
 * Import a CRM pipeline export: pick the file, check how its columns, amounts, dates and stages are
 * read, see every row that cannot be imported and why, then confirm. Nothing changes before that.
 */
export function ImportDialog({ model }: { model: ForecastModel }) {
  const { openDialog, edit, addNotice } = useAppShallow((s) => ({ openDialog: s.openDialog, edit: s.edit, addNotice: s.addNotice }));
  const session = useSession();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [readError, setReadError] = useState<string | null>(null);
  const close = () => openDialog(null);

  const preview = useMemo(() => (file && settings ? buildImport(file.table, settings, model) : null), [file, settings, model]);
  const crmStages = useMemo(() => (file && settings ? crmStagesOf(file.table, settings.columns) : []), [file, settings]);
  // The workspace the import would make, checked like a file: a confirmed import is always saveable.
  // Only problems the import itself brings count: a workspace that already has one stays importable.
  const introduced = useMemo(() => (preview && settings ? problemsIntroduced(model, applyImport(model, preview, mode, settings.stageMapping)) : []), [preview, settings, model, mode]);
  const importable = preview !== null && introduced.length === 0 && preview.deals.length + preview.booked.length > 0;
  const importLabel = preview ? `Import ${count(preview.deals.length, 'deal', 'deals')}${preview.booked.length > 0 ? ` + ${preview.booked.length} booked` : ''}` : 'Import';

  const load = async (picked: File) => {
    try {
      const { decoded, table } = await readCsvFile(picked);
      const guess = firstGuess(table, model);
      setFile({ name: picked.name, encoding: decoded.encoding, table, amountStyleGuessed: guess.amountStyleGuessed, dateOrderAmbiguous: guess.dateOrderAmbiguous });
      setSettings(guess.settings);
      setReadError(null);
    } catch (error) {
      setReadError(`${picked.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const setColumn = (field: ImportField, value: string) =>
    setSettings((s) => {
      if (!s) return s;
      const columns = { ...s.columns };
      if (value === UNMAPPED) delete columns[field];
      else columns[field] = Number(value);
      return { ...s, columns };
    });
  const setStage = (crm: string, value: string) =>
    setSettings((s) => {
      if (!s) return s;
      const stageMapping = { ...s.stageMapping };
      if (value === UNMAPPED) delete stageMapping[crm];
      else stageMapping[crm] = value;
      return { ...s, stageMapping };
    });

  const confirm = () => {
    if (!preview || !settings || !importable) return;
    edit((m) => applyImport(m, preview, mode, settings.stageMapping));
    // Every import is a dated snapshot, taken once the imported pipeline's forecast has finished.
    session.takeSnapshot('import');
    const leftOut = preview.problems.length + preview.skipped.length;
    const booked = preview.booked.length > 0 ? ` and ${count(preview.booked.length, 'booked deal', 'booked deals')}` : '';
    addNotice('info', `Imported ${count(preview.deals.length, 'deal', 'deals')}${booked} from ${file?.name ?? 'the file'}${mode === 'merge' ? ' (merged by deal id)' : ''}.${leftOut ? ` ${count(leftOut, 'row was', 'rows were')} left out.` : ''} Undo brings the previous pipeline back.`);
    close();
  };

  return (
    <Modal labelledBy="import-title" className="import-dialog" onClose={close}>
        <h2 id="import-title">Import pipeline from CSV</h2>
        <p className="card-subtitle">An opportunity or deal export from Salesforce, HubSpot or another CRM. Nothing changes until you confirm.</p>
        <CsvFilePicker label="CSV file" error={readError} onFile={(f) => void load(f)} />
        {file && settings && preview ? (
          <>
            <p className="field-hint">
              {file.name}: {count(preview.dataRows, 'data row', 'data rows')}, {file.encoding.toUpperCase()}, separated by {file.table.delimiter === '\t' ? 'tabs' : `“${file.table.delimiter}”`}.
            </p>
            <div className="import-grid">
              <fieldset>
                <legend>Columns</legend>
                {IMPORT_FIELDS.map((field) => (
                  <div className="field inline-field" key={field}>
                    <label htmlFor={`col-${field}`}>
                      {FIELD_LABELS[field]}
                      {REQUIRED_FIELDS.includes(field) ? ' *' : ''}
                    </label>
                    <select id={`col-${field}`} value={settings.columns[field] ?? UNMAPPED} onChange={(e) => setColumn(field, e.target.value)}>
                      <option value={UNMAPPED}>— not in this file —</option>
                      <ColumnOptions headers={file.table.headers} />
                    </select>
                  </div>
                ))}
              </fieldset>
              <fieldset>
                <legend>Formats</legend>
                <div className="field inline-field">
                  <label htmlFor="amount-style">Amounts are written like</label>
                  <select id="amount-style" value={settings.amountStyle} onChange={(e) => setSettings({ ...settings, amountStyle: e.target.value as ImportSettings['amountStyle'] })}>
                    <option value="dot-decimal">1,200,000.00</option>
                    <option value="comma-decimal">1.200.000,00</option>
                  </select>
                </div>
                {file.amountStyleGuessed ? <p className="field-hint">The file does not show which; please check.</p> : null}
                <div className="field inline-field">
                  <label htmlFor="date-order">Dates are written like</label>
                  <select id="date-order" value={settings.dateOrder} onChange={(e) => setSettings({ ...settings, dateOrder: e.target.value as ImportSettings['dateOrder'] })}>
                    <option value="month-first">3/4/2026 = March 4</option>
                    <option value="day-first">3/4/2026 = 3 April</option>
                  </select>
                </div>
                {file.dateOrderAmbiguous ? (
                  <p className="field-hint warning" role="status">
                    Every date in this file could be read either way (no day above 12). Please choose.
                  </p>
                ) : null}
              </fieldset>
              <fieldset>
                <legend>CRM stages</legend>
                {crmStages.length === 0 ? <p className="field-hint">Choose the stage column first.</p> : null}
                {crmStages.map((crm) => (
                  <div className="field inline-field" key={crm}>
                    <label htmlFor={`stage-${crm}`}>{crm}</label>
                    <select id={`stage-${crm}`} value={settings.stageMapping[crm] ?? UNMAPPED} onChange={(e) => setStage(crm, e.target.value)}>
                      <option value={UNMAPPED}>— choose —</option>
                      <StageOptions stages={model.stages} />
                      <option value={BOOKED_STAGE}>Booked (closed won)</option>
                      <option value={SKIP_STAGE}>Leave out (not open)</option>
                    </select>
                  </div>
                ))}
              </fieldset>
              <SignalColumns signals={model.signals ?? []} headers={file.table.headers} settings={settings} onChange={setSettings} />
            </div>
            {preview.notes.map((note) => (
              <p key={note} className="field-hint">
                {note}
              </p>
            ))}
            <ImportTally preview={preview} stageMapping={settings.stageMapping} model={model} />
            <h3>
              {preview.deals.length} deals ready to import
              {preview.deals.length > PREVIEW_ROWS ? ` (first ${PREVIEW_ROWS} shown)` : ''}
            </h3>
            <table className="data-table" aria-label="Import preview">
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  <th scope="col">Name</th>
                  <th scope="col">Account</th>
                  <th scope="col" className="num">Amount</th>
                  <th scope="col">Stage</th>
                  <th scope="col">In stage since</th>
                </tr>
              </thead>
              <tbody>
                {preview.deals.slice(0, PREVIEW_ROWS).map((d) => (
                  <tr key={d.id}>
                    <td>{d.id}</td>
                    <td>{d.name}</td>
                    <td>{typeof d.account === 'string' ? d.account : ''}</td>
                    <td className="num">{compactMoney(d.amount, model.currency)}</td>
                    <td>{model.stages.find((s) => s.id === d.stage)?.name}</td>
                    <td>{friendlyDate(d.stageEnteredOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.problems.length + preview.skipped.length > 0 ? (
              <div className="import-problems" role="region" aria-label="Rows left out">
                <h3>{preview.problems.length + preview.skipped.length} rows will be left out</h3>
                <ul>
                  {[...preview.problems, ...preview.skipped]
                    .sort((a, b) => a.line - b.line)
                    .map((p) => (
                      <li key={`${p.line}-${p.message}`}>
                        Line {p.line}: {p.message}
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            <fieldset className="import-mode">
              <legend>What to do with the current {model.deals.length} deals</legend>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace the pipeline with the imported deals
              </label>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge by deal id (update matching deals, add new ones, keep the rest)
              </label>
            </fieldset>
            {introduced.length > 0 ? (
              <div className="import-problems" role="alert">
                <h3>This import would make the workspace invalid</h3>
                <ul>
                  {introduced.slice(0, 5).map((p) => (
                    <li key={`${p.path}-${p.message}`}>
                      {p.path}: {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
        <div className="modal-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!importable} onClick={confirm}>
            {importLabel}
          </button>
        </div>
    </Modal>
  );
}
