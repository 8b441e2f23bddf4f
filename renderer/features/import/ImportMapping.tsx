import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from '../../../shared/import/columns.ts';
import type { ImportPreview, ImportSettings } from '../../../shared/import/pipeline-import.ts';
import { BOOKED_STAGE, SKIP_STAGE } from '../../../shared/import/stage-mapping.ts';
import type { ForecastModel } from '../../../shared/model/schema.ts';
import { count } from '../../../shared/format/numbers.ts';
import { ColumnOptions, StageOptions } from '../../fields/options.tsx';
import { SignalColumns } from './SignalColumns.tsx';

const UNMAPPED = '__unmapped__';

interface ImportMappingProps {
  headers: readonly string[];
  settings: ImportSettings;
  onChange: (settings: ImportSettings) => void;
  /** The file's CRM stages, in order of first appearance. */
  crmStages: readonly string[];
  preview: ImportPreview;
  amountStyleGuessed: boolean;
  dateOrderAmbiguous: boolean;
  model: ForecastModel;
}

/**
 * How the file is read: which column holds each field, how amounts and dates are written, which stage
 * of the model each CRM stage goes to, and which columns hold the signals. Every choice's label sits
 * beside a select wide enough for the longest stage name, so no choice is cut off.
 */
export function ImportMapping({ headers, settings, onChange, crmStages, preview, amountStyleGuessed, dateOrderAmbiguous, model }: ImportMappingProps) {
  const setColumn = (field: ImportField, value: string) => {
    const columns = { ...settings.columns };
    if (value === UNMAPPED) delete columns[field];
    else columns[field] = Number(value);
    onChange({ ...settings, columns });
  };
  const setStage = (crm: string, value: string) => {
    const stageMapping = { ...settings.stageMapping };
    if (value === UNMAPPED) delete stageMapping[crm];
    else stageMapping[crm] = value;
    onChange({ ...settings, stageMapping });
  };
  const rowsOf = (crm: string) => preview.stageTallies.find((t) => t.crmStage === crm)?.rows ?? 0;

  return (
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
              <ColumnOptions headers={headers} />
            </select>
          </div>
        ))}
      </fieldset>
      <div className="import-grid-stack">
        <fieldset>
          <legend>Formats</legend>
          <div className="field inline-field">
            <label htmlFor="amount-style">Amounts are written like</label>
            {/* The options are exactly the two styles. */}
            <select id="amount-style" value={settings.amountStyle} onChange={(e) => onChange({ ...settings, amountStyle: e.target.value as ImportSettings['amountStyle'] })}>
              <option value="dot-decimal">1,200,000.00</option>
              <option value="comma-decimal">1.200.000,00</option>
            </select>
          </div>
          {amountStyleGuessed ? <p className="field-hint">The file does not show which; please check.</p> : null}
          <div className="field inline-field">
            <label htmlFor="date-order">Dates are written like</label>
            {/* The options are exactly the two orders. */}
            <select id="date-order" value={settings.dateOrder} onChange={(e) => onChange({ ...settings, dateOrder: e.target.value as ImportSettings['dateOrder'] })}>
              <option value="month-first">3/4/2026 = March 4</option>
              <option value="day-first">3/4/2026 = 3 April</option>
            </select>
          </div>
          {dateOrderAmbiguous ? (
            <p className="field-hint warning" role="status">
              Every date in this file could be read either way (no day above 12). Please choose.
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>CRM stages</legend>
          {crmStages.length === 0 ? <p className="field-hint">Choose the stage column first.</p> : null}
          {crmStages.map((crm) => {
            const unmapped = settings.stageMapping[crm] === undefined;
            return (
              <div key={crm}>
                <div className={`field inline-field${unmapped ? ' unmapped' : ''}`}>
                  <label htmlFor={`stage-${crm}`}>{crm}</label>
                  <select id={`stage-${crm}`} value={settings.stageMapping[crm] ?? UNMAPPED} onChange={(e) => setStage(crm, e.target.value)}>
                    <option value={UNMAPPED}>— choose —</option>
                    <StageOptions stages={model.stages} />
                    <option value={BOOKED_STAGE}>Booked (closed won)</option>
                    <option value={SKIP_STAGE}>Leave out (not open)</option>
                  </select>
                </div>
                {/* In the colour of every row left out, so the two read as one thing to fix. */}
                {unmapped ? <p className="field-hint left-out">Not mapped yet: {count(rowsOf(crm), 'row')} left out</p> : null}
              </div>
            );
          })}
        </fieldset>
        <SignalColumns signals={model.signals ?? []} headers={headers} settings={settings} onChange={onChange} />
      </div>
    </div>
  );
}
