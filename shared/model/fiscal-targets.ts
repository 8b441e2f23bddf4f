import { parseIsoDay } from './dates.ts';
import { fiscalQuarters } from './fiscal.ts';
import type { ForecastModel } from './schema.ts';

export interface MovedTarget {
  from: string;
  to: string;
  /** The quarter's name under the new calendar, e.g. "FY2026 Q4". */
  label: string;
}

/** The first day of the fiscal quarter that contains `day`, under a fiscal year starting in `startMonth`. */
export function quarterStartOf(day: string, startMonth: number): { start: string; label: string } | null {
  const dayNumber = parseIsoDay(day);
  const [quarter] = dayNumber === null ? [] : fiscalQuarters(dayNumber, startMonth, 1);
  return quarter ? { start: quarter.start, label: quarter.label } : null;
}

/**
 * Targets are keyed by their quarter's first day, so a new fiscal year start would leave them on days
 * that start no quarter. Each target moves to the quarter that contains its old start; two landing in
 * one quarter are added together (the quarter's target covers both). Returns what moved, for the notice.
 */
export function retargetForFiscalYear(model: ForecastModel, startMonth: number): { model: ForecastModel; moved: MovedTarget[]; merged: string[] } {
  const moved: MovedTarget[] = [];
  const merged: string[] = [];
  const targets: Record<string, number> = {};
  for (const [day, amount] of Object.entries(model.targets ?? {})) {
    const quarter = quarterStartOf(day, startMonth);
    const key = quarter?.start ?? day;
    if (quarter && key !== day) moved.push({ from: day, to: key, label: quarter.label });
    if (targets[key] !== undefined) merged.push(key);
    targets[key] = (targets[key] ?? 0) + amount;
  }
  const next: ForecastModel = { ...model, fiscalYearStartMonth: startMonth };
  return { model: model.targets ? { ...next, targets } : next, moved, merged };
}
