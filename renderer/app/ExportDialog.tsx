import { useState } from 'react';
import { Modal } from './Modal.tsx';
import type { ForecastTable } from '../../shared/export/forecast-csv.ts';
import type { CsvFormat } from './exports.ts';
import { useSession } from './session-context.ts';
import { useAppStore } from '../state/store.ts';

const TABLES: { table: ForecastTable; label: string; what: string }[] = [
  { table: 'quarters', label: 'Quarters', what: 'P10, P50, P90, mean, target and the chance of reaching it, per fiscal quarter' },
  { table: 'deals', label: 'Deals', what: 'each deal’s chance to win, by quarter, and its close dates if won' },
  { table: 'cac', label: 'CAC by stage', what: 'full-cycle cost per won customer, and the cost to work the current pipeline, per stage' },
  { table: 'metadata', label: 'Run details', what: 'as-of date, trials, seed and versions, to go with the tables' },
];

/** File → Export: the forecast tables for finance, and the board pack. */
export function ExportDialog() {
  const { exports, api } = useSession();
  const close = () => useAppStore.getState().openDialog(null);
  const [format, setFormat] = useState<CsvFormat>('standard');
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<boolean>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="export-title" className="export-dialog" onClose={close}>
        <h2 id="export-title">Export the forecast</h2>
        <fieldset>
          <legend>CSV format</legend>
          <label>
            <input type="radio" name="csv-format" checked={format === 'standard'} onChange={() => setFormat('standard')} /> Comma-separated, decimal point (Excel and Google Sheets in English)
          </label>
          <label>
            <input type="radio" name="csv-format" checked={format === 'european'} onChange={() => setFormat('european')} /> Semicolon-separated, decimal comma (European spreadsheets)
          </label>
        </fieldset>
        <h3>Tables for finance</h3>
        <ul className="export-list">
          {TABLES.map((t) => (
            <li key={t.table}>
              <button type="button" disabled={busy} onClick={() => void act(() => exports.table(t.table, format))}>
                Save {t.label} CSV
              </button>
              <span>{t.what}</span>
            </li>
          ))}
        </ul>
        <h3>For the board deck</h3>
        <ul className="export-list">
          <li>
            <button type="button" disabled={busy} onClick={() => void act(() => exports.boardPack(format))}>
              Export board pack
            </button>
            <span>Four slide-sized charts (bookings per quarter, range of outcomes, cumulative bookings, CAC by stage) and the CSV files, in one folder{' '}(a zip file in the browser).</span>
          </li>
        </ul>
        <h3>For a board appendix</h3>
        <ul className="export-list">
          <li>
            <button type="button" disabled={busy} onClick={() => void act(() => exports.summaryPdf())}>
              {api.host === 'electron' ? 'Export PDF summary' : 'Print or save PDF summary'}
            </button>
            <span>One page: each quarter’s P10, median, P90 and chance of reaching the target, the bookings chart and CAC by stage, with the as-of date and run details.</span>
          </li>
        </ul>
        <p className="hint">Every chart on the dashboard also has its own Export menu for PNG, SVG and the clipboard.</p>
        <div className="modal-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
    </Modal>
  );
}
