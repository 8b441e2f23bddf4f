import { useMemo, useRef, useState } from 'react';
import { firstGuess } from '../../../shared/import/first-guess.ts';
import { applyImport, buildImport, crmStagesOf, type ImportMode, type ImportSettings } from '../../../shared/import/pipeline-import.ts';
import type { CsvTable } from '../../../shared/import/read-table.ts';
import { findSameNameDeals, type SameNameChoice } from '../../../shared/import/same-name.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { validateModel } from '../../../shared/model/validate.ts';
import type { Problem } from '../../../shared/result.ts';
import { count } from '../../../shared/format/numbers.ts';
import { useAppShallow } from '../../state/store.ts';
import { useSession } from '../../app/session-context.ts';
import { Modal } from '../../app/Modal.tsx';
import { CsvFilePicker, readCsvFile } from './CsvFilePicker.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportPreviewTable } from './ImportPreviewTable.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { ImportTally } from './ImportTally.tsx';
import { LeftOutRows } from './LeftOutRows.tsx';
import { SameNameDeals } from './SameNameDeals.tsx';

interface LoadedFile {
  name: string;
  encoding: string;
  table: CsvTable;
  amountStyleGuessed: boolean;
  dateOrderAmbiguous: boolean;
}

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

/** Scrolls the dialog's body to a part the footer speaks of, and puts the focus there for the keyboard. */
function bringIntoView(element: HTMLElement | null) {
  element?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  element?.focus({ preventScroll: true });
}

/**
 * Import a CRM pipeline export: pick the file, check how its columns, amounts, dates and stages are
 * read, see every row that cannot be imported and why, then confirm. Nothing changes before that.
 * The body scrolls between a fixed title and a fixed footer, which holds what the import will do and
 * the buttons, so neither is ever below the fold.
 */
export function ImportDialog({ model }: { model: ForecastModel }) {
  const { openDialog, edit, addNotice } = useAppShallow((s) => ({ openDialog: s.openDialog, edit: s.edit, addNotice: s.addNotice }));
  const session = useSession();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [mode, setMode] = useState<ImportMode>('replace');
  // Matching by name first: a merge should not put a deal in the pipeline twice unless the user asks.
  const [sameName, setSameName] = useState<SameNameChoice>('match-by-name');
  const [readError, setReadError] = useState<string | null>(null);
  const leftOutRef = useRef<HTMLDivElement>(null);
  const sameNameRef = useRef<HTMLElement>(null);
  const close = () => openDialog(null);

  const preview = useMemo(() => (file && settings ? buildImport(file.table, settings, model) : null), [file, settings, model]);
  const crmStages = useMemo(() => (file && settings ? crmStagesOf(file.table, settings.columns) : []), [file, settings]);
  const review = useMemo(() => (preview ? findSameNameDeals(model, preview) : null), [preview, model]);
  // The workspace the import would make, checked like a file: a confirmed import is always saveable.
  // Only problems the import itself brings count: a workspace that already has one stays importable.
  const introduced = useMemo(() => (preview && settings ? problemsIntroduced(model, applyImport(model, preview, mode, settings.stageMapping, sameName)) : []), [preview, settings, model, mode, sameName]);
  const importable = preview !== null && introduced.length === 0 && preview.deals.length + preview.booked.length > 0;
  const importLabel = preview ? `Import ${count(preview.deals.length, 'deal')}${preview.booked.length > 0 ? ` + ${preview.booked.length} booked` : ''}` : 'Import';
  const matchedByName = mode === 'merge' && sameName === 'match-by-name' ? (review?.pairs.length ?? 0) : 0;

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

  const confirm = () => {
    if (!preview || !settings || !importable) return;
    edit((m) => applyImport(m, preview, mode, settings.stageMapping, sameName));
    // Every import is a dated snapshot, taken once the imported pipeline's forecast has finished.
    session.takeSnapshot('import');
    const leftOut = preview.problems.length + preview.skipped.length;
    const booked = preview.booked.length > 0 ? ` and ${count(preview.booked.length, 'booked deal')}` : '';
    const merged = mode === 'merge' ? ` (merged by deal id${matchedByName > 0 ? `, ${count(matchedByName, 'deal')} matched by name` : ''})` : '';
    addNotice('info', `Imported ${count(preview.deals.length, 'deal')}${booked} from ${file?.name ?? 'the file'}${merged}.${leftOut ? ` ${count(leftOut, 'row was', 'rows were')} left out.` : ''} Undo brings the previous pipeline back.`);
    close();
  };

  return (
    <Modal labelledBy="import-title" className="import-dialog" onClose={close}>
      <div className="import-head">
        <h2 id="import-title">Import pipeline from CSV</h2>
        <p className="card-subtitle">An opportunity or deal export from Salesforce, HubSpot or another CRM. Nothing changes until you confirm.</p>
      </div>
      <div className="import-body">
        <CsvFilePicker label="CSV file" error={readError} onFile={(f) => void load(f)} />
        {file && settings && preview && review ? (
          <>
            <p className="field-hint">
              {file.name}: {count(preview.dataRows, 'data row')}, {file.encoding.toUpperCase()}, separated by {file.table.delimiter === '\t' ? 'tabs' : `“${file.table.delimiter}”`}.
            </p>
            <ImportMapping
              headers={file.table.headers}
              settings={settings}
              onChange={setSettings}
              crmStages={crmStages}
              preview={preview}
              amountStyleGuessed={file.amountStyleGuessed}
              dateOrderAmbiguous={file.dateOrderAmbiguous}
              model={model}
            />
            {preview.notes.map((note) => (
              <p key={note} className="field-hint">
                {note}
              </p>
            ))}
            <ImportTally preview={preview} stageMapping={settings.stageMapping} model={model} />
            <ImportPreviewTable deals={preview.deals} model={model} />
            <LeftOutRows ref={leftOutRef} preview={preview} />
            <fieldset className="import-choice">
              <legend>What to do with the current {count(model.deals.length, 'deal')}</legend>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace the pipeline with the imported deals
              </label>
              <label>
                <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge by deal id (update matching deals, add new ones, keep the rest)
              </label>
            </fieldset>
            {mode === 'merge' ? <SameNameDeals ref={sameNameRef} review={review} choice={sameName} onChoose={setSameName} model={model} /> : null}
          </>
        ) : null}
      </div>
      <div className="import-footer">
        {preview && review ? (
          <ImportSummary
            preview={preview}
            model={model}
            sameName={mode === 'merge' ? { review, choice: sameName } : null}
            onShowLeftOut={() => bringIntoView(leftOutRef.current)}
            onShowSameName={() => bringIntoView(sameNameRef.current)}
          />
        ) : null}
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
        <div className="modal-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!importable} onClick={confirm}>
            {importLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
