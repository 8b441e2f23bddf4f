import type { ForecastModel } from '../../shared/model/schema.ts';
import type { Problem } from '../../shared/result.ts';
import { friendlyDate } from '../../shared/format/dates.ts';
import type { FieldRequest } from '../state/ui-slice.ts';
import { whole } from '../../shared/format/numbers.ts';

export interface DescribedProblem {
  /** A plain sentence naming the field as the user sees it. */
  text: string;
  /** Where to take the user to fix it, when the app has a field for it. */
  field: Omit<FieldRequest, 'serial'> | null;
}

const DEAL_FIELDS: Record<string, string> = { name: 'account name', amount: 'amount', stage: 'stage', stageEnteredOn: 'stage date', id: 'deal id', closeWindow: 'close window', 'closeWindow.from': 'close window start', 'closeWindow.to': 'close window end' };
const STAGE_FIELDS: Record<string, [string, string]> = {
  name: ['name', 'Name of stage'],
  id: ['id', 'Name of stage'],
  conversion: ['conversion', 'conversion'],
  conversionSampleSize: ['number of deals behind the rate', 'deals behind the rate'],
  duration: ['typical and slow-case time', 'typical days'],
  'duration.median': ['typical time', 'typical days'],
  'duration.p90': ['slow-case time', 'slow-case days'],
  costPerDay: ['cost per day', 'cost per day'],
  entryCost: ['cost on entry', 'cost on entry'],
};
const TOP_FIELDS: Record<string, [string, string]> = {
  asOf: ['The as-of date', 'Pipeline as of (YYYY-MM-DD)'],
  fiscalYearStartMonth: ['The fiscal year start', 'Fiscal year starts in'],
  horizonQuarters: ['The number of quarters to forecast', 'Quarters to forecast'],
  currency: ['The currency', 'Currency'],
  'newPipeline.dealsPerMonth': ['New deals per month', 'New deals per month'],
  'newPipeline.amount': ['The new deal size', 'Typical deal size'],
  'newPipeline.amount.median': ['The typical new deal size', 'Typical deal size'],
  'newPipeline.amount.p90': ['The large new deal size (P90)', 'Large deal size (P90)'],
  'simulation.trials': ['The number of trials', 'Trials'],
  'simulation.seed': ['The seed', 'Seed'],
};

/** A signal's field as the Signals section shows it: "odds ratio of “passed”", "stage it applies from". */
function signalField(rest: string): string {
  const [field = '', value] = rest.split(/\.(.*)/s);
  if (field === 'oddsRatios' && value) return `odds ratio of “${value}”`;
  if (field === 'logSd' && value) return `uncertainty of the odds ratio of “${value}”`;
  const names: Record<string, string> = { name: 'name', id: 'id', values: 'values', baseline: 'baseline value', appliesFrom: 'stage it applies from', oddsRatios: 'odds ratios', logSd: 'uncertainty' };
  return names[field] ?? (rest || 'definition');
}

const ITEM = /^(deals|stages|shocks|scenarios|signals)\[(\d+)\](?:\.(.+))?$/;
const TARGET = /^targets\["([^"]+)"\]$/;
const DATE = /\d{4}-\d{2}-\d{2}/g;

const LONG_NUMBER = /(?<![\d.,-])\d{5,}(?![\d-])/g;

/** Dates and long numbers in a message read as elsewhere in the app ("Nov 23, 2026", "1,000,000,000,000"). */
const readable = (message: string) =>
  message.replace(DATE, (day) => (Number.isNaN(Date.parse(day)) ? day : friendlyDate(day))).replace(LONG_NUMBER, (n) => whole(Number(n)));

/**
 * Turns a model problem (a path and a message, as the file validation reports it) into a sentence a
 * sales leader reads without knowing the file format, with the field to open. Unknown paths fall back
 * to the path itself, so nothing is ever hidden.
 */
export function describeProblem(model: ForecastModel, problem: Problem): DescribedProblem {
  const { path, message } = problem;
  const item = ITEM.exec(path);
  if (item) {
    const [, kind, indexText, rest = ''] = item;
    const index = Number(indexText);
    if (kind === 'deals') {
      const deal = model.deals[index];
      const who = deal?.name || deal?.id || `Deal ${index + 1}`;
      if (rest === 'stageEnteredOn' && /after the as-of date/.test(message)) {
        return { text: `${who}: the stage date (${friendlyDate(String(deal?.stageEnteredOn))}) is after the as-of date (${friendlyDate(model.asOf)})`, field: { view: 'settings', label: TOP_FIELDS.asOf?.[1] ?? '' } };
      }
      const signalId = rest.startsWith('signals.') ? rest.slice('signals.'.length) : null;
      const field = signalId !== null ? `“${model.signals?.find((x) => x.id === signalId)?.name ?? signalId}” value` : (DEAL_FIELDS[rest] ?? rest);
      const label = rest === 'name' ? `${who} account` : rest === 'amount' || rest === 'stage' ? `${who} ${rest}` : `${who} stage`;
      return { text: `${who}: the ${field} ${readable(message)}`, field: deal ? { view: 'pipeline', label, dealId: deal.id } : null };
    }
    if (kind === 'stages') {
      const stage = model.stages[index];
      const who = stage?.name || `Stage ${index + 1}`;
      const [field, suffix] = STAGE_FIELDS[rest] ?? [rest, ''];
      const label = suffix === 'Name of stage' ? `Name of stage ${index + 1}` : `${who} ${suffix}`;
      return { text: `${who}: the ${field} ${readable(message)}`, field: suffix ? { view: 'model', label } : null };
    }
    if (kind === 'signals') {
      const signal = model.signals?.[index];
      return { text: `Signal “${signal?.name || index + 1}”: the ${signalField(rest)} ${readable(message)}`, field: { view: 'model', label: '' } };
    }
    if (kind === 'shocks') {
      const shock = model.shocks?.[index];
      return { text: `Shared risk “${shock?.name || index + 1}”: ${rest ? `${rest} ` : ''}${readable(message)}`, field: { view: 'scenarios', label: '' } };
    }
    const scenario = model.scenarios?.[index];
    return { text: `Scenario “${scenario?.name || index + 1}”: ${rest ? `${rest.replace(/\./g, ' ')} ` : ''}${readable(message)}`, field: { view: 'scenarios', label: '' } };
  }
  const target = TARGET.exec(path);
  if (target?.[1]) {
    const day = target[1];
    const starts = /that quarter starts (\d{4}-\d{2}-\d{2})/.exec(message)?.[1];
    const text = starts
      ? `The target dated ${friendlyDate(day)} is not on the first day of a fiscal quarter (that quarter starts ${friendlyDate(starts)}); move it to its quarter or remove it`
      : `The target dated ${day}: ${readable(message)}`;
    return { text, field: { view: 'settings', label: `Misplaced target ${day}` } };
  }
  const top = TOP_FIELDS[path];
  if (top) return { text: `${top[0]} ${readable(message)}`, field: { view: 'settings', label: top[1] } };
  return { text: path ? `${path}: ${readable(message)}` : readable(message), field: null };
}
