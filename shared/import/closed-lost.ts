import type { BookedDeal, Deal, ForecastModel } from '../model/schema.ts';
import { MODEL_LIMITS } from '../model/limits.ts';
import { parseAmount } from './amounts.ts';
import type { ImportField } from './columns.ts';
import { contentId, mergeKey } from './deal-identity.ts';
import type { CsvTable } from './read-table.ts';
import { checkDate } from './row-values.ts';
import { SKIP_STAGE } from './stage-mapping.ts';
import type { ImportSettings } from './pipeline-import.ts';

/** CRM stage names that mean a deal was lost ("Closed Lost", HubSpot's "closedlost", "Lost"). */
const LOST_STAGE = /lost/i;

/**
 * The rows of closed-lost deals (a CRM stage that is left out of the pipeline and says "lost"), read as
 * far as they can be: id (the id column, else made from the content as for open deals), name, amount
 * and close date (the as-of date when it is missing or later). They stay listed as left out; this only
 * lets the import mark a deal that was open as lost rather than simply gone.
 */
export function closedLostRows(table: CsvTable, settings: ImportSettings, model: ForecastModel): BookedDeal[] {
  const { columns } = settings;
  const cell = (cells: string[], field: ImportField) => (columns[field] === undefined ? '' : (cells[columns[field] as number] ?? '').trim());
  const lost: BookedDeal[] = [];
  for (const { cells } of table.rows) {
    const crmStage = cell(cells, 'stage');
    if (settings.stageMapping[crmStage] !== SKIP_STAGE || !LOST_STAGE.test(crmStage)) continue;
    const name = cell(cells, 'name');
    const amount = parseAmount(cell(cells, 'amount'), settings.amountStyle);
    if (!name || amount === null || amount <= 0 || amount > MODEL_LIMITS.maxAmount) continue;
    const date = (text: string) => {
      const checked = checkDate(text, settings.dateOrder, 'date');
      return 'value' in checked ? checked.value : null;
    };
    const createdOn = date(cell(cells, 'createdOn'));
    const closed = date(cell(cells, 'closeDate'));
    const id = cell(cells, 'id') || contentId(cell(cells, 'account'), name, createdOn ?? '');
    lost.push({ id, name, amount, closedOn: closed !== null && closed <= model.asOf ? closed : model.asOf });
  }
  return lost;
}

/** The model's closed-lost list with the deals that were open before an import and come back closed lost in it. */
export function markLost(closedLost: readonly BookedDeal[] | undefined, openBefore: readonly Deal[], openAfter: readonly Deal[], lostRows: readonly BookedDeal[]): BookedDeal[] {
  const wasOpen = new Set(openBefore.map((d) => mergeKey(d.id)));
  const stillOpen = new Set(openAfter.map((d) => mergeKey(d.id)));
  const known = new Set((closedLost ?? []).map((d) => mergeKey(d.id)));
  const byKey = new Map(openBefore.map((d) => [mergeKey(d.id), d]));
  const marked = lostRows.filter((row) => wasOpen.has(mergeKey(row.id)) && !stillOpen.has(mergeKey(row.id)) && !known.has(mergeKey(row.id)));
  // The deal keeps the id it had in the workspace, so a comparison finds it.
  return [...(closedLost ?? []), ...marked.map((row) => ({ ...row, id: byKey.get(mergeKey(row.id))?.id ?? row.id }))];
}
