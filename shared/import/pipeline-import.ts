import { parseIsoDay } from '../model/dates.ts';
import type { Deal, ForecastModel } from '../model/schema.ts';
import { detectAmountStyle, parseAmount, type AmountStyle } from './amounts.ts';
import { FIELD_LABELS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './columns.ts';
import { detectDateOrder, parseCrmDate, type DateOrder } from './dates.ts';
import type { CsvTable } from './read-table.ts';
import { SKIP_STAGE } from './stage-mapping.ts';

export interface ImportSettings {
  columns: ColumnMapping;
  amountStyle: AmountStyle;
  dateOrder: DateOrder;
  /** CRM stage name → model stage id, or SKIP_STAGE; a name not in the map is unmapped. */
  stageMapping: Record<string, string>;
}

export interface LineProblem {
  line: number;
  message: string;
}

export interface ImportPreview {
  deals: Deal[];
  /** Rows that cannot be imported, with why. */
  problems: LineProblem[];
  /** Rows left out on purpose (closed deals), with why. */
  skipped: LineProblem[];
  /** Things the user should know about the whole file. */
  notes: string[];
}

export type ImportMode = 'replace' | 'merge';

/** The distinct CRM stage names in the file, in order of first appearance. */
export function crmStagesOf(table: CsvTable, columns: ColumnMapping): string[] {
  const column = columns.stage;
  if (column === undefined) return [];
  return [...new Set(table.rows.map((r) => r.cells[column] ?? '').filter((s) => s !== ''))];
}

/** Settings for the formats a file's columns can only be read one way in; the user confirms the rest. */
export function detectFormats(table: CsvTable, columns: ColumnMapping): { amountStyle: AmountStyle | null; dateOrder: DateOrder | null; dateAmbiguous: boolean } {
  const column = (field: ImportField) => (columns[field] === undefined ? [] : table.rows.map((r) => r.cells[columns[field] as number] ?? ''));
  const dates = detectDateOrder([...column('stageEnteredOn'), ...column('createdOn'), ...column('closeDate')]);
  return { amountStyle: detectAmountStyle(column('amount')), dateOrder: dates.order, dateAmbiguous: dates.ambiguous };
}

/** Turns the rows into deals, listing every row that cannot be imported with its line and reason. */
export function buildImport(table: CsvTable, settings: ImportSettings, model: ForecastModel): ImportPreview {
  const { columns } = settings;
  const problems: LineProblem[] = [];
  const skipped: LineProblem[] = [];
  const notes: string[] = [];
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    return { deals: [], problems: [{ line: 1, message: `no column is chosen for ${missing.map((f) => FIELD_LABELS[f]).join(', ')}` }], skipped, notes };
  }
  if (columns.stageEnteredOn === undefined) {
    notes.push(columns.createdOn === undefined ? `No stage date column: every deal is taken to have entered its stage on the as-of date, ${model.asOf}.` : 'No stage date column: the created date is used as the day each deal entered its stage.');
  }
  const asOfDay = parseIsoDay(model.asOf) ?? 0;
  const stageIds = new Set(model.stages.map((s) => s.id));
  const cell = (cells: string[], field: ImportField) => (columns[field] === undefined ? '' : (cells[columns[field] as number] ?? '').trim());
  const seen = new Map<string, number>();
  const deals: Deal[] = [];

  for (const { line, cells } of table.rows) {
    const crmStage = cell(cells, 'stage');
    const mapped = settings.stageMapping[crmStage];
    if (mapped === SKIP_STAGE) {
      skipped.push({ line, message: `stage "${crmStage}" is not an open stage` });
      continue;
    }
    const reasons: string[] = [];
    const name = cell(cells, 'name');
    if (!name) reasons.push('the name is empty');
    const amountText = cell(cells, 'amount');
    const amount = parseAmount(amountText, settings.amountStyle);
    if (amountText === '') reasons.push('the amount is empty');
    else if (amount === null) reasons.push(`the amount "${amountText}" is not a number in the chosen format`);
    else if (amount <= 0) reasons.push(`the amount ${amountText} is not above zero`);
    if (!crmStage) reasons.push('the stage is empty');
    else if (mapped === undefined || !stageIds.has(mapped)) reasons.push(`stage "${crmStage}" is not mapped to a stage of the model`);

    const dateField: ImportField | null = columns.stageEnteredOn !== undefined ? 'stageEnteredOn' : columns.createdOn !== undefined ? 'createdOn' : null;
    let enteredOn = model.asOf;
    if (dateField) {
      const text = cell(cells, dateField);
      const parsed = text ? parseCrmDate(text, settings.dateOrder) : null;
      if (!text) reasons.push(`the ${FIELD_LABELS[dateField].toLowerCase()} is empty`);
      else if (!parsed) reasons.push(`"${text}" is not a date`);
      else if ((parseIsoDay(parsed) ?? 0) > asOfDay) reasons.push(`the ${FIELD_LABELS[dateField].toLowerCase()} ${parsed} is after the as-of date ${model.asOf}`);
      else enteredOn = parsed;
    }
    const id = cell(cells, 'id') || `CSV-${name || line}`;
    const firstLine = seen.get(id);
    if (firstLine !== undefined) reasons.push(`deal id "${id}" is also on line ${firstLine}`);

    if (reasons.length > 0) {
      problems.push({ line, message: reasons.join('; ') });
      continue;
    }
    seen.set(id, line);
    const deal: Deal = { id, name, amount: amount as number, stage: mapped as string, stageEnteredOn: enteredOn };
    const closeText = cell(cells, 'closeDate');
    const close = closeText ? parseCrmDate(closeText, settings.dateOrder) : null;
    if (close) deal.crmCloseDate = close;
    const created = cell(cells, 'createdOn');
    const createdOn = created ? parseCrmDate(created, settings.dateOrder) : null;
    if (createdOn) deal.createdOn = createdOn;
    for (const field of ['owner', 'sponsorRole'] as const) {
      const value = cell(cells, field);
      if (value) deal[field] = value;
    }
    deals.push(deal);
  }
  return { deals, problems, skipped, notes };
}

/**
 * The model after the import: the pipeline replaced, or merged by deal id (imported deals replace
 * deals with the same id, others are added, the rest stay). The stage mapping is remembered.
 */
export function applyImport(model: ForecastModel, preview: ImportPreview, mode: ImportMode, stageMapping: Record<string, string>): ForecastModel {
  const remembered = { ...(model.crmStageMapping ?? {}), ...stageMapping };
  if (mode === 'replace') return { ...model, deals: preview.deals, crmStageMapping: remembered };
  const incoming = new Map(preview.deals.map((d) => [d.id, d]));
  const kept = model.deals.map((d) => {
    const update = incoming.get(d.id);
    if (!update) return d;
    incoming.delete(d.id);
    return { ...d, ...update };
  });
  return { ...model, deals: [...kept, ...incoming.values()], crmStageMapping: remembered };
}
