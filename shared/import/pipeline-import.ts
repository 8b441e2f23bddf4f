import { parseIsoDay } from '../model/dates.ts';
import { fiscalQuarters } from '../model/fiscal.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import type { BookedDeal, Deal, ForecastModel } from '../model/schema.ts';
import { detectAmountStyle, parseAmount, type AmountStyle } from './amounts.ts';
import { FIELD_LABELS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './columns.ts';
import { detectDateOrder, type DateOrder } from './dates.ts';
import { contentId, ContentIdCounter, mergeKey } from './deal-identity.ts';
import type { CsvTable, LineProblem } from './read-table.ts';
import { checkAmount, checkDate, checkProbability, checkText, probabilityInPercent } from './row-values.ts';
import { BOOKED_STAGE, SKIP_STAGE } from './stage-mapping.ts';
import { readDealSignals } from '../signals/import-signals.ts';
import { closedLostRows, markLost } from './closed-lost.ts';
import { findSameNameDeals, matchByName, type SameNameChoice } from './same-name.ts';

export type { LineProblem } from './read-table.ts';

export interface ImportSettings {
  columns: ColumnMapping;
  amountStyle: AmountStyle;
  dateOrder: DateOrder;
  /** CRM stage name → model stage id, SKIP_STAGE or BOOKED_STAGE; a name not in the map is unmapped. */
  stageMapping: Record<string, string>;
  /** Signal id → the column its values are read from (semantics 12); absent: none. */
  signalColumns?: Record<string, number>;
}

/** One CRM stage of the file: its rows and amount, and how much of it the import takes. */
export interface StageTally {
  crmStage: string;
  rows: number;
  amount: number;
  imported: number;
  importedAmount: number;
}

export interface ImportPreview {
  /** Open deals to import. */
  deals: Deal[];
  /** Closed-won deals of the forecast's quarters, to import as booked. */
  booked: BookedDeal[];
  /** Closed-lost rows (also listed in `skipped`): an open deal of the workspace among them is marked lost. */
  lost: BookedDeal[];
  /** Rows that cannot be imported, with why (unreadable rows included). */
  problems: LineProblem[];
  /** Rows left out on purpose (closed lost, exact repeats, closed before the forecast), with why. */
  skipped: LineProblem[];
  /** Things the user should know about the whole file. */
  notes: string[];
  /** Data rows in the file: deals + booked + problems + skipped, always. */
  dataRows: number;
  /** Per CRM stage, in order of first appearance, for reconciling with the CRM report's totals. */
  stageTallies: StageTally[];
  /** How ids were made: from the CRM's id column, or from each row's content. */
  idSource: 'column' | 'content';
}

export type ImportMode = 'replace' | 'merge';

/** The distinct CRM stage names in the file, in order of first appearance. */
export function crmStagesOf(table: CsvTable, columns: ColumnMapping): string[] {
  const column = columns.stage;
  if (column === undefined) return [];
  return [...new Set(table.rows.map((r) => (r.cells[column] ?? '').trim()).filter((s) => s !== ''))];
}

/** Settings for the formats a file's columns can only be read one way in; the user confirms the rest. */
export function detectFormats(table: CsvTable, columns: ColumnMapping): { amountStyle: AmountStyle | null; dateOrder: DateOrder | null; dateAmbiguous: boolean } {
  const column = (field: ImportField) => (columns[field] === undefined ? [] : table.rows.map((r) => r.cells[columns[field] as number] ?? ''));
  const dates = detectDateOrder([...column('stageEnteredOn'), ...column('createdOn'), ...column('closeDate')]);
  return { amountStyle: detectAmountStyle(column('amount')), dateOrder: dates.order, dateAmbiguous: dates.ambiguous };
}

const ID_NOTE =
  'This file has no deal id column: each deal’s id is made from its account, name and created date, numbered when rows share all three. A merge matches a deal only while those stay the same in the CRM; for a merge you can rely on, add the Opportunity ID (or Record ID) column to the export.';

/**
 * Turns the rows into deals. Every data row ends up in exactly one place: an open deal, a booked
 * deal, a problem (it cannot be imported, and why) or skipped (left out on purpose, and why).
 */
export function buildImport(table: CsvTable, settings: ImportSettings, model: ForecastModel): ImportPreview {
  const { columns } = settings;
  const problems: LineProblem[] = [...table.unreadable];
  const skipped: LineProblem[] = [];
  const notes: string[] = [...table.notes];
  const deals: Deal[] = [];
  const booked: BookedDeal[] = [];
  const dataRows = table.rows.length + table.unreadable.length;
  const idSource = columns.id === undefined ? 'content' : 'column';
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const message = `no column is chosen for ${missing.map((f) => FIELD_LABELS[f]).join(', ')}`;
    for (const { line } of table.rows) problems.push({ line, message });
    return { deals, booked, lost: [], problems, skipped, notes, dataRows, stageTallies: [], idSource };
  }
  if (columns.stageEnteredOn === undefined) {
    notes.push(columns.createdOn === undefined ? `No stage date column: every deal is taken to have entered its stage on the as-of date, ${model.asOf}.` : 'No stage date column: the created date is used as the day each deal entered its stage.');
  }
  if (idSource === 'content') notes.push(ID_NOTE);

  const asOfDay = parseIsoDay(model.asOf) ?? 0;
  const currentQuarter = fiscalQuarters(asOfDay, model.fiscalYearStartMonth, 1)[0];
  const stageIds = new Set(model.stages.map((s) => s.id));
  const cell = (cells: string[], field: ImportField) => (columns[field] === undefined ? '' : (cells[columns[field] as number] ?? '').trim());
  // Names and other free text come in exactly as written (a name may start with a space or a tab); blank is empty.
  const freeText = (cells: string[], field: ImportField) => {
    const text = columns[field] === undefined ? '' : (cells[columns[field] as number] ?? '');
    return text.trim() === '' ? '' : text;
  };
  const inPercent = probabilityInPercent(table.rows.map((r) => cell(r.cells, 'probability')));
  const tallies = new Map<string, StageTally>();
  const idLines = new Map<string, number>();
  const rowLines = new Map<string, number>();
  const counter = new ContentIdCounter();
  const dealLines: number[] = [];
  const bookedLines: number[] = [];
  const signalReader = readDealSignals(model.signals ?? [], settings.signalColumns ?? {}, table.headers);

  for (const { line, cells } of table.rows) {
    const crmStage = cell(cells, 'stage');
    const mapped = settings.stageMapping[crmStage];
    const amountText = cell(cells, 'amount');
    const amount = parseAmount(amountText, settings.amountStyle);
    const tally = tallies.get(crmStage) ?? { crmStage, rows: 0, amount: 0, imported: 0, importedAmount: 0 };
    tallies.set(crmStage, tally);
    tally.rows++;
    if (amount !== null && amount > 0 && amount <= MODEL_LIMITS.maxAmount) tally.amount += amount;

    const wholeRow = cells.join('\u0001');
    const sameRow = rowLines.get(wholeRow);
    if (sameRow !== undefined) {
      skipped.push({ line, message: `the same as line ${sameRow} (every cell equal), imported once` });
      continue;
    }
    rowLines.set(wholeRow, line);
    if (mapped === SKIP_STAGE) {
      skipped.push({ line, message: `stage "${crmStage}" is not an open stage` });
      continue;
    }

    const reasons: string[] = [];
    const take = <T>(checked: { value: T } | { reason: string }, fallback: T): T => {
      if ('reason' in checked) {
        reasons.push(checked.reason);
        return fallback;
      }
      return checked.value;
    };
    const name = take(checkText(freeText(cells, 'name'), 'name'), '');
    if (!cell(cells, 'name')) reasons.push('the name is empty');
    if (amountText === '') reasons.push('the amount is empty');
    else if (amount === null) reasons.push(`the amount "${amountText}" is not a number in the chosen format`);
    else take(checkAmount(amount, amountText), 0);
    if (!crmStage) reasons.push('the stage is empty');
    else if (mapped === undefined || (mapped !== BOOKED_STAGE && !stageIds.has(mapped))) reasons.push(`stage "${crmStage}" is not mapped to a stage of the model`);
    const account = take(checkText(freeText(cells, 'account'), 'account'), '');
    const createdOn = take(checkDate(cell(cells, 'createdOn'), settings.dateOrder, 'created date'), null);
    const closeDate = take(checkDate(cell(cells, 'closeDate'), settings.dateOrder, 'close date'), null);
    const probability = take(checkProbability(cell(cells, 'probability'), inPercent), null);
    const extras: Record<string, string> = {};
    for (const field of ['owner', 'sponsorRole', 'forecastCategory'] as const) {
      const value = take(checkText(freeText(cells, field), FIELD_LABELS[field].toLowerCase()), '');
      if (value) extras[field === 'forecastCategory' ? 'crmForecastCategory' : field] = value;
    }

    let enteredOn = model.asOf;
    if (mapped !== BOOKED_STAGE) {
      const dateField: ImportField | null = columns.stageEnteredOn !== undefined ? 'stageEnteredOn' : columns.createdOn !== undefined ? 'createdOn' : null;
      if (dateField) {
        const label = FIELD_LABELS[dateField].toLowerCase();
        const text = cell(cells, dateField);
        const parsed = take(checkDate(text, settings.dateOrder, label), null);
        if (!text) reasons.push(`the ${label} is empty`);
        else if (parsed !== null && (parseIsoDay(parsed) ?? 0) > asOfDay) reasons.push(`the ${label} ${parsed} is after the as-of date ${model.asOf}`);
        else if (parsed !== null) enteredOn = parsed;
      }
    } else if (columns.closeDate === undefined) reasons.push('a closed-won deal needs the close date column');
    else if (!cell(cells, 'closeDate')) reasons.push('the close date of a closed-won deal is empty');
    else if (closeDate !== null && closeDate > model.asOf) reasons.push(`closed won with a close date ${closeDate} after the as-of date ${model.asOf}`);

    const idText = cell(cells, 'id');
    const id = idText ? take(checkText(idText, 'deal id'), '') : counter.next(contentId(account, name, createdOn ?? ''));
    const firstLine = idLines.get(mergeKey(id));
    if (id && firstLine !== undefined) reasons.push(`deal id "${id}" is also on line ${firstLine}`);
    if (reasons.length > 0) {
      problems.push({ line, message: reasons.join('; ') });
      continue;
    }
    idLines.set(mergeKey(id), line);
    const crmFields = {
      ...(account ? { account } : {}),
      ...(createdOn ? { createdOn } : {}),
      ...(probability !== null ? { crmProbability: probability } : {}),
      ...extras,
    };
    if (mapped === BOOKED_STAGE) {
      const closedOn = closeDate as string;
      if (currentQuarter && closedOn < currentQuarter.start) {
        skipped.push({ line, message: `closed won on ${closedOn}, before the current quarter (${currentQuarter.label} starts ${currentQuarter.start})` });
        continue;
      }
      booked.push({ id, name, amount: amount as number, closedOn, ...crmFields });
      bookedLines.push(line);
    } else {
      const signals = signalReader.read(cells);
      deals.push({ id, name, amount: amount as number, stage: mapped as string, stageEnteredOn: enteredOn, ...(closeDate ? { crmCloseDate: closeDate } : {}), ...crmFields, ...(signals ? { signals } : {}) });
      dealLines.push(line);
    }
    tally.imported++;
    tally.importedAmount += amount as number;
  }
  // Past the model's size the rows are listed, not cut silently.
  const tooMany = `a workspace holds at most ${MODEL_LIMITS.maxDeals.toLocaleString('en-US')} deals`;
  for (const line of dealLines.slice(deals.splice(MODEL_LIMITS.maxDeals).length > 0 ? MODEL_LIMITS.maxDeals : dealLines.length)) problems.push({ line, message: tooMany });
  for (const line of bookedLines.slice(booked.splice(MODEL_LIMITS.maxDeals).length > 0 ? MODEL_LIMITS.maxDeals : bookedLines.length)) problems.push({ line, message: tooMany });
  notes.push(...signalReader.notes());
  const byLine = (a: LineProblem, b: LineProblem) => a.line - b.line;
  return { deals, booked, lost: closedLostRows(table, settings, model), problems: problems.sort(byLine), skipped: skipped.sort(byLine), notes, dataRows, stageTallies: [...tallies.values()], idSource };
}

/**
 * The model after the import: the pipeline (open and booked deals) replaced, or merged by deal id
 * (imported deals replace deals with the same id, others are added, the rest stay; a deal now
 * booked or closed lost leaves the open pipeline). A deal that was open and comes back closed lost is
 * kept in `closedLost`, so a comparison says lost, not gone. The stage mapping is remembered.
 * When merging, an imported deal with the name of a workspace deal under another id updates that deal
 * (keeping its id) unless the user chose to keep both: the default, so a merge never adds a second
 * copy of a deal the user did not ask for.
 */
export function applyImport(model: ForecastModel, preview: ImportPreview, mode: ImportMode, stageMapping: Record<string, string>, sameName: SameNameChoice = 'match-by-name'): ForecastModel {
  const remembered = { ...(model.crmStageMapping ?? {}), ...stageMapping };
  const bookedNow = preview.booked.length > 0 || (model.closedWon ?? []).length > 0 ? { closedWon: preview.booked } : {};
  const lostNow = (deals: readonly Deal[], lostRows: readonly BookedDeal[]) => {
    const closedLost = markLost(model.closedLost, model.deals, deals, lostRows);
    return closedLost.length > 0 ? { closedLost } : {};
  };
  if (mode === 'replace') return { ...model, deals: preview.deals, ...bookedNow, ...lostNow(preview.deals, preview.lost), crmStageMapping: remembered };
  const merging = sameName === 'match-by-name' ? matchByName(preview, findSameNameDeals(model, preview).pairs) : preview;
  const closedKeys = new Set([...merging.booked, ...merging.lost].map((d) => mergeKey(d.id)));
  const deals = mergeById(model.deals, merging.deals).filter((d) => !closedKeys.has(mergeKey(d.id)));
  const closedWon = mergeById(model.closedWon ?? [], merging.booked);
  return { ...model, deals, ...(closedWon.length > 0 ? { closedWon } : {}), ...lostNow(deals, merging.lost), crmStageMapping: remembered };
}

function mergeById<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const updates = new Map(incoming.map((d) => [mergeKey(d.id), d]));
  const kept = current.map((d) => {
    const update = updates.get(mergeKey(d.id));
    if (!update) return d;
    updates.delete(mergeKey(d.id));
    return { ...d, ...update };
  });
  return [...kept, ...updates.values()];
}
