import { formatIsoDay, parseIsoDay } from '../model/dates.ts';
import type { CalibrationSettings } from '../model/schema.ts';
import type { History } from './history-types.ts';

export type KeptHistory = NonNullable<CalibrationSettings['history']>;

/** The imported history in the workspace's format (ISO days), to keep it with the workspace. */
export function keepHistory(history: History, fileName: string): KeptHistory {
  return {
    fileName,
    asOf: formatIsoDay(history.asOfDay),
    deals: history.deals.map((d) => ({
      id: d.id,
      name: d.name,
      amount: d.amount,
      ...(d.owner ? { owner: d.owner } : {}),
      ...(d.region ? { region: d.region } : {}),
      created: formatIsoDay(d.createdDay),
      events: d.events.map((e) => ({ stage: e.target, date: formatIsoDay(e.day) })),
      ...(d.signals && Object.keys(d.signals).length > 0 ? { signals: d.signals } : {}),
    })),
  };
}

/** The history kept with a workspace, as the fit reads it (the schema has checked every date). */
export function historyFromKept(kept: KeptHistory): History {
  const day = (iso: string) => parseIsoDay(iso) ?? 0;
  return {
    asOfDay: day(kept.asOf),
    deals: kept.deals.map((d) => ({ id: d.id, name: d.name, amount: d.amount, owner: d.owner ?? null, region: d.region ?? null, createdDay: day(d.created), events: d.events.map((e) => ({ target: e.stage, day: day(e.date) })), ...(d.signals ? { signals: d.signals } : {}) })),
  };
}
