import type { Problem } from '../result.ts';
import { formatPath } from './problem-path.ts';

type Loose = Record<string, unknown>;
const record = (value: unknown): Loose | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const quoted = (values: Iterable<string>) => [...values].map((v) => `"${v}"`).join(', ');

/**
 * Checks that tie signals (semantics 12) to each other, to the stages and to the deals: ids and
 * values unique, the baseline and every odds ratio naming one of the signal's values, `appliesFrom`
 * a stage, and every deal's value one that its signal declares. Reads the raw input defensively.
 */
export function signalProblems(model: Loose, stageIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const valuesById = new Map<string, Set<string>>();
  list(model.signals).forEach((raw, i) => {
    const signal = record(raw);
    if (!signal) return;
    const at = (field: string, ...rest: string[]) => formatPath(['signals', i, field, ...rest]);
    const id = text(signal.id);
    if (id !== null && valuesById.has(id)) problems.push({ path: at('id'), message: `duplicate signal id "${id}"` });
    const values = new Set<string>();
    list(signal.values).forEach((value, v) => {
      if (typeof value !== 'string') return;
      if (values.has(value)) problems.push({ path: formatPath(['signals', i, 'values', v]), message: `"${value}" is listed twice` });
      values.add(value);
    });
    if (id !== null && !valuesById.has(id)) valuesById.set(id, values);
    const baseline = text(signal.baseline);
    if (baseline !== null && !values.has(baseline)) problems.push({ path: at('baseline'), message: `"${baseline}" is not one of the values (${quoted(values)})` });
    const from = text(signal.appliesFrom);
    if (from !== null && stageIds.size > 0 && !stageIds.has(from)) problems.push({ path: at('appliesFrom'), message: `unknown stage "${from}" (the stages are ${quoted(stageIds)})` });
    for (const field of ['oddsRatios', 'logSd']) {
      for (const [value, ratio] of Object.entries(record(signal[field]) ?? {})) {
        if (!values.has(value)) problems.push({ path: at(field, value), message: `"${value}" is not one of the values (${quoted(values)})` });
        else if (value === baseline && ratio !== (field === 'oddsRatios' ? 1 : 0)) problems.push({ path: at(field, value), message: `the baseline's odds ratio is exactly 1 by definition (here ${field === 'oddsRatios' ? String(ratio) : `a spread of ${String(ratio)}`})` });
      }
    }
  });
  list(model.deals).forEach((raw, i) => {
    for (const [id, value] of Object.entries(record(record(raw)?.signals) ?? {})) {
      const values = valuesById.get(id);
      const path = formatPath(['deals', i, 'signals', id]);
      if (!values) problems.push({ path, message: `unknown signal "${id}"${valuesById.size > 0 ? ` (the signals are ${quoted(valuesById.keys())})` : ' (the model declares no signals)'}` });
      else if (typeof value === 'string' && !values.has(value)) problems.push({ path, message: `"${value}" is not one of the values (${quoted(values)})` });
    }
  });
  return problems;
}
