import { parseIsoDay } from '../model/dates.ts';
import type { ForecastModel } from '../model/schema.ts';
import { detectAmountStyle, parseAmount, type AmountStyle } from '../import/amounts.ts';
import { guessColumnsByAlias, normalizeHeader } from '../import/columns.ts';
import { detectDateOrder, parseCrmDate, type DateOrder } from '../import/dates.ts';
import type { LineProblem } from '../import/pipeline-import.ts';
import type { CsvTable } from '../import/read-table.ts';
import { BOOKED_STAGE, guessStageMapping, SKIP_STAGE } from '../import/stage-mapping.ts';
import { IGNORE, LOST, WON, type DealHistory, type History, type StageEvent } from './history-types.ts';

/**
 * Two shapes of CRM stage history:
 * - stage changes: one row per change (Salesforce "Opportunity History" or "Stage Duration" reports,
 *   HubSpot deal stage history): deal id, stage, date entered;
 * - stage dates: one row per deal with a date column per stage (HubSpot's "Date entered …" columns).
 */
export type HistoryLayout = 'stage-changes' | 'stage-dates';

export const HISTORY_FIELDS = ['id', 'name', 'amount', 'stage', 'date', 'created', 'owner', 'region'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const HISTORY_FIELD_LABELS: Record<HistoryField, string> = {
  id: 'Deal id',
  name: 'Deal or account name',
  amount: 'Amount',
  stage: 'Stage (stage changes)',
  date: 'Date of the change',
  created: 'Created date',
  owner: 'Owner',
  region: 'Region or segment',
};

const ALIASES: Record<HistoryField, string[]> = {
  id: ['opportunity id', 'deal id', 'record id', 'opportunity id 18', 'id'],
  name: ['opportunity name', 'deal name', 'account name', 'name'],
  amount: ['amount', 'deal amount', 'opportunity amount', 'acv', 'tcv'],
  stage: ['to stage', 'new stage', 'stage', 'stage name', 'deal stage', 'new value'],
  // Salesforce Opportunity History ("Edit Date", "Last Modified"), Stage Duration ("Stage Entered",
  // "Stage Start Date") and other CRMs' names for the day a deal entered the stage of its row.
  date: [
    'stage entered', 'stage entered date', 'entered stage date', 'entered stage', 'date entered', 'date entered stage', 'stage start date', 'stage start',
    'stage change date', 'stage changed date', 'edit date', 'last modified date', 'last modified', 'last modified on', 'changed date', 'change date',
    'entered date', 'stage date', 'date',
  ],
  created: ['created date', 'create date', 'created on', 'date created'],
  owner: ['opportunity owner', 'deal owner', 'owner', 'owner name', 'sales rep'],
  region: ['region', 'territory', 'segment', 'market', 'geo'],
};

export type HistoryColumns = Partial<Record<HistoryField, number>>;

export interface HistorySettings {
  layout: HistoryLayout;
  columns: HistoryColumns;
  /** Stage-dates layout: column index → the CRM stage whose entry date it holds. */
  stageDateColumns: Record<number, string>;
  dateOrder: DateOrder;
  amountStyle: AmountStyle;
  /** CRM stage → model stage id, WON, LOST or IGNORE; a stage not in the map is unmapped. */
  stageMapping: Record<string, string>;
}

export interface HistoryPreview {
  history: History;
  problems: LineProblem[];
  deals: number;
  events: number;
  notes: string[];
}

/** Words that name "the stage" in general, not one stage: "Stage Entered" is a change date, not a stage's column. */
const GENERIC_STAGE = /^(the )?(current |deal |opportunity )?stage$/i;

/**
 * "Date entered "Contract Sent (Sales Pipeline)"" → "Contract Sent", "Became a Customer date" →
 * "Customer"; null when the header is not the entry date of one named stage.
 */
export function stageOfDateHeader(header: string): string | null {
  const text = header.trim();
  const quoted =
    /^date entered\s*["“'](.+?)["”']\s*$/i.exec(text) ??
    /^date entered\s+(.+)$/i.exec(text) ??
    /^became an?\s+(.+?)\s+date$/i.exec(text) ??
    /^entered\s+(.+?)(\s+date)?$/i.exec(text) ??
    /^(.+?)\s+(entered|entry date|start date)$/i.exec(text);
  if (!quoted?.[1]) return null;
  const stage = quoted[1].replace(/\s*\([^)]*pipeline[^)]*\)\s*$/i, '').replace(/["“”]/g, '').trim();
  return stage && !GENERIC_STAGE.test(stage) ? stage : null;
}

/**
 * Columns chosen by hand for an earlier file of this workspace (field → header), applied where this
 * file has a header of that name: a CRM exports the same report the same way every time.
 */
export function withRememberedColumns(headers: readonly string[], settings: HistorySettings, remembered: Readonly<Partial<Record<HistoryField, string>>>): HistorySettings {
  const normalized = headers.map(normalizeHeader);
  const columns = { ...settings.columns };
  for (const field of HISTORY_FIELDS) {
    const header = remembered[field];
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0) columns[field] = index;
  }
  return { ...settings, columns };
}

/** The chosen columns by header name, to remember for the next file. */
export const columnsByHeader = (headers: readonly string[], columns: HistoryColumns): Partial<Record<HistoryField, string>> =>
  Object.fromEntries(Object.entries(columns).flatMap(([field, index]) => (headers[index] === undefined ? [] : [[field, headers[index]]])));

const guessHistoryColumns = (headers: readonly string[], exclude: ReadonlySet<number>): HistoryColumns => guessColumnsByAlias(headers, HISTORY_FIELDS, ALIASES, exclude);

/** The CRM stages the file names, in order of first appearance. */
export function historyCrmStages(table: CsvTable, settings: Pick<HistorySettings, 'layout' | 'columns' | 'stageDateColumns'>): string[] {
  if (settings.layout === 'stage-dates') return Object.values(settings.stageDateColumns);
  const column = settings.columns.stage;
  if (column === undefined) return [];
  return [...new Set(table.rows.map((r) => (r.cells[column] ?? '').trim()).filter(Boolean))];
}

/** Maps CRM stages for history: the pipeline mapping first, then closed stages to won or lost. */
export function guessHistoryMapping(crmStages: readonly string[], model: ForecastModel): Record<string, string> {
  const open = guessStageMapping(crmStages, model.stages, model.crmStageMapping ?? {});
  const mapping: Record<string, string> = {};
  for (const crm of crmStages) {
    const text = normalizeHeader(crm);
    // HubSpot's internal stage ids ("closedwon", "closedlost") as well as the labels.
    if (/\bwon\b|\bclosedwon\b/.test(text) || open[crm] === BOOKED_STAGE) mapping[crm] = WON;
    else if (/\blost\b|\bclosedlost\b|disqualif|cancel|no decision/.test(text)) mapping[crm] = LOST;
    else if (open[crm] !== undefined && open[crm] !== SKIP_STAGE) mapping[crm] = open[crm];
    else if (open[crm] === SKIP_STAGE) mapping[crm] = IGNORE;
  }
  return mapping;
}

/** The settings a file suggests, before the user reviews them. */
export function guessHistorySettings(table: CsvTable, model: ForecastModel): { settings: HistorySettings; dateAmbiguous: boolean } {
  const stageDateColumns: Record<number, string> = {};
  table.headers.forEach((h, i) => {
    const stage = stageOfDateHeader(h);
    if (stage) stageDateColumns[i] = stage;
  });
  const layout: HistoryLayout = Object.keys(stageDateColumns).length >= 2 ? 'stage-dates' : 'stage-changes';
  const columns = guessHistoryColumns(table.headers, new Set(layout === 'stage-dates' ? Object.keys(stageDateColumns).map(Number) : []));
  if (layout === 'stage-dates') {
    delete columns.stage;
    delete columns.date;
  }
  const dateColumns = layout === 'stage-dates' ? Object.keys(stageDateColumns).map(Number) : [columns.date, columns.created].filter((c): c is number => c !== undefined);
  const dates = detectDateOrder(table.rows.flatMap((r) => dateColumns.map((c) => r.cells[c] ?? '')));
  const amounts = columns.amount === undefined ? null : detectAmountStyle(table.rows.map((r) => r.cells[columns.amount as number] ?? ''));
  const european = table.delimiter === ';';
  const partial = { layout, columns, stageDateColumns };
  return {
    settings: {
      ...partial,
      dateOrder: dates.order ?? (european ? 'day-first' : 'month-first'),
      amountStyle: amounts ?? (european ? 'comma-decimal' : 'dot-decimal'),
      stageMapping: guessHistoryMapping(historyCrmStages(table, partial), model),
    },
    dateAmbiguous: dates.ambiguous,
  };
}

interface DraftDeal {
  id: string;
  line: number;
  name: string;
  amount: number | null;
  owner: string | null;
  region: string | null;
  created: number | null;
  events: StageEvent[];
}

/**
 * Reads the stage history. Every row that cannot be read is reported with its line and why; the
 * caller uses the history only when the user accepts it (nothing in the model changes here).
 */
export function buildHistory(table: CsvTable, settings: HistorySettings, model: ForecastModel): HistoryPreview {
  const problems: LineProblem[] = [...table.unreadable];
  const { columns } = settings;
  const required: HistoryField[] = settings.layout === 'stage-changes' ? ['id', 'amount', 'stage', 'date'] : ['id', 'amount'];
  const missing = required.filter((f) => columns[f] === undefined);
  const empty = (): HistoryPreview => ({ history: { deals: [], asOfDay: parseIsoDay(model.asOf) ?? 0 }, problems, deals: 0, events: 0, notes: [] });
  if (missing.length > 0) {
    problems.push({ line: 1, message: `choose the column for ${missing.map((f) => HISTORY_FIELD_LABELS[f].toLowerCase()).join(', ')}` });
    return empty();
  }
  if (settings.layout === 'stage-dates' && Object.keys(settings.stageDateColumns).length === 0) {
    problems.push({ line: 1, message: 'no "Date entered" column for any stage' });
    return empty();
  }
  const cell = (cells: string[], field: HistoryField) => (columns[field] === undefined ? '' : (cells[columns[field] as number] ?? '').trim());
  const day = (raw: string) => {
    const iso = parseCrmDate(raw, settings.dateOrder);
    return iso === null ? null : parseIsoDay(iso);
  };
  const drafts = new Map<string, DraftDeal>();
  let latest = -Infinity;

  for (const { line, cells } of table.rows) {
    const id = cell(cells, 'id');
    if (!id) {
      problems.push({ line, message: 'has no deal id' });
      continue;
    }
    const draft = drafts.get(id) ?? { id, line, name: '', amount: null, owner: null, region: null, created: null, events: [] };
    drafts.set(id, draft);
    draft.name = cell(cells, 'name') || draft.name;
    draft.owner = cell(cells, 'owner') || draft.owner;
    draft.region = cell(cells, 'region') || draft.region;
    const amountText = cell(cells, 'amount');
    if (amountText) {
      const amount = parseAmount(amountText, settings.amountStyle);
      if (amount === null || !(amount > 0)) problems.push({ line, message: `amount "${amountText}" is not a positive amount` });
      else draft.amount = amount;
    }
    const createdText = cell(cells, 'created');
    if (createdText) {
      const created = day(createdText);
      if (created === null) problems.push({ line, message: `created date "${createdText}" is not a date` });
      else draft.created = draft.created === null ? created : Math.min(draft.created, created);
    }
    const entries: [string, string][] =
      settings.layout === 'stage-changes'
        ? [[cell(cells, 'stage'), cell(cells, 'date')]]
        : Object.entries(settings.stageDateColumns).map(([column, stage]) => [stage, (cells[Number(column)] ?? '').trim()]);
    for (const [stage, dateText] of entries) {
      if (settings.layout === 'stage-dates' && !dateText) continue;
      if (!stage) {
        problems.push({ line, message: 'has no stage' });
        continue;
      }
      const target = settings.stageMapping[stage];
      if (target === undefined) {
        problems.push({ line, message: `stage "${stage}" is not mapped to a stage of the model, won or lost` });
        continue;
      }
      if (target === IGNORE) continue;
      const when = day(dateText);
      if (when === null) {
        problems.push({ line, message: dateText ? `date "${dateText}" of stage "${stage}" is not a date` : `stage "${stage}" has no date` });
        continue;
      }
      draft.events.push({ target, day: when });
      latest = Math.max(latest, when);
    }
  }

  const order = new Map(model.stages.map((s, i) => [s.id, i]));
  const rank = (target: string) => order.get(target) ?? (target === WON || target === LOST ? model.stages.length : -1);
  const deals: DealHistory[] = [];
  for (const draft of drafts.values()) {
    if (draft.amount === null) {
      problems.push({ line: draft.line, message: `deal "${draft.id}" has no amount on any row` });
      continue;
    }
    if (draft.events.length === 0) continue;
    // Same-day changes keep the cycle's order; a close comes after the stage it closed from.
    draft.events.sort((a, b) => a.day - b.day || rank(a.target) - rank(b.target));
    const first = draft.events[0]?.day ?? 0;
    deals.push({ id: draft.id, name: draft.name || draft.id, amount: draft.amount, owner: draft.owner, region: draft.region, createdDay: Math.min(draft.created ?? first, first), events: draft.events });
  }
  const asOf = parseIsoDay(model.asOf) ?? 0;
  // Deals still open count as "in the stage at least until the export": the export's day is taken
  // as the as-of date when the last change is recent, else the last change itself.
  const exportDay = !Number.isFinite(latest) ? asOf : latest <= asOf && latest >= asOf - 60 ? asOf : latest;
  const notes: string[] = [...table.notes];
  const noEvents = [...drafts.values()].filter((d) => d.amount !== null && d.events.length === 0).length;
  if (noEvents > 0) notes.push(`${noEvents} deal${noEvents === 1 ? ' has' : 's have'} no stage change that maps to the model; left out.`);
  return {
    history: { deals, asOfDay: exportDay },
    problems,
    deals: deals.length,
    events: deals.reduce((n, d) => n + d.events.length, 0),
    notes,
  };
}
