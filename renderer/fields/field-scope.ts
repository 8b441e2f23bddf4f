import type { ForecastModel } from '../../shared/model/schema.ts';
import type { Problem } from '../../shared/result.ts';

/** A smaller model that still holds everything the rules about one field read, and how to map its problems back. */
export interface FieldScope {
  model: ForecastModel;
  toFullPath(path: string): string;
}

const ITEM = /^(deals|scenarios)\[(\d+)\]/;

/**
 * The part of the model that the rules about `path` can read. A deal's field needs that deal, the
 * stages and the as-of date, not the other 4,999 deals; a stage, target or new-pipeline field needs no
 * deal at all; a scenario's field needs that scenario. Fields that every deal depends on (the as-of
 * date, the stage list itself) keep the whole model. Typing in a field then costs the same in a
 * 40-deal and a 100,000-deal workspace.
 */
export function scopeForField(model: ForecastModel, path: string): FieldScope {
  const item = ITEM.exec(path);
  const same = { model, toFullPath: (p: string) => p };
  if (item) {
    const [prefix, list, indexText] = item;
    const index = Number(indexText);
    const own = list === 'deals' ? model.deals[index] : model.scenarios?.[index];
    if (!own) return same;
    const local = `${list}[0]`;
    const reduced: ForecastModel = list === 'deals' ? { ...model, deals: [model.deals[index] ?? own] as ForecastModel['deals'], scenarios: undefined } : { ...model, deals: [], scenarios: [model.scenarios?.[index] ?? own] as ForecastModel['scenarios'] };
    return { model: reduced, toFullPath: (p) => (p.startsWith(local) ? `${prefix}${p.slice(local.length)}` : p) };
  }
  if (/^(targets|newPipeline|horizonQuarters|currency|name|simulation)\b/.test(path) || /^stages\[\d+\]\.(conversion|conversionSampleSize|duration|costPerDay|entryCost|name)/.test(path)) {
    return { model: { ...model, deals: [], scenarios: undefined }, toFullPath: (p) => p };
  }
  return same;
}

/** A deal id must be unique among all deals: the one rule about a deal that reads the others, checked by a scan. */
export function duplicateDealId(model: ForecastModel, path: string): Problem | null {
  const match = /^deals\[(\d+)\]\.id$/.exec(path);
  if (!match) return null;
  const index = Number(match[1]);
  const id = model.deals[index]?.id;
  const other = model.deals.findIndex((d, i) => i !== index && d.id === id);
  return other >= 0 ? { path, message: `duplicate deal id "${id}" (also deals[${other}])` } : null;
}
