import type { Deal, ForecastModel } from '../model/schema.ts';
import type { Cause } from './what-changed-steps.ts';
import type { DealChangeKind } from './what-changed.ts';

/** The deal's name as the after file has it, else as the before file had it. */
export function nameOf(id: string, before: ForecastModel, after: ForecastModel): string {
  const lists = [after.deals, after.closedWon ?? [], after.closedLost ?? [], before.deals, before.closedWon ?? []];
  for (const list of lists) {
    const found = list.find((d) => d.id === id);
    if (found) return found.name;
  }
  return id;
}

/** True when the CRM's close date of a deal open in both files moved later. */
export function closeDatePushed(before: Deal | undefined, after: Deal | undefined): boolean {
  return before?.crmCloseDate !== undefined && after?.crmCloseDate !== undefined && after.crmCloseDate > before.crmCloseDate;
}

const moved = (changes: number[] | undefined) => (changes ?? []).reduce((sum, v) => sum + Math.abs(v), 0);

/**
 * One word for what happened to a deal: its own record's change first (won, lost, gone, added, stage,
 * amount, dates, signal values), else whichever of time passing and the stage model moved its expected bookings more.
 */
export function kindOf(id: string, before: ForecastModel, after: ForecastModel, byCause: Record<Cause, number[]>): DealChangeKind {
  const was = before.deals.find((d) => d.id === id);
  const now = after.deals.find((d) => d.id === id);
  const wonNow = (after.closedWon ?? []).some((d) => d.id === id) && !(before.closedWon ?? []).some((d) => d.id === id);
  if (wonNow) return 'won';
  if (was && !now) return (after.closedLost ?? []).some((d) => d.id === id) ? 'lost' : 'removed';
  if (!was && now) return 'added';
  if (!was || !now) return 'removed';
  if (was.stage !== now.stage) return 'stage';
  if (was.amount !== now.amount) return 'amount';
  if (was.stageEnteredOn !== now.stageEnteredOn || JSON.stringify(was.closeWindow) !== JSON.stringify(now.closeWindow) || was.crmCloseDate !== now.crmCloseDate) return 'date';
  if (JSON.stringify(was.signals ?? {}) !== JSON.stringify(now.signals ?? {})) return 'signals';
  const aged = moved(byCause.time);
  const model = moved(byCause.model);
  if (aged === 0 && model === 0) return 'unchanged';
  return aged >= model ? 'aged' : 'model';
}
