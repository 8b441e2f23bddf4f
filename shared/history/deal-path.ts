import { LOST, WON, type DealHistory } from './history-types.ts';

/**
 * A deal's way through the stages, with the rules for messy CRM histories applied:
 * - skipped stages (entered stage 3 straight from 1) count as passed, with no time observed in them;
 * - moves backwards are ignored: the deal stays at the furthest stage it reached (the time after a
 *   step back counts toward that stage);
 * - reopened deals (a stage change after closing) continue: the earlier close is ignored;
 * - a deal that closes won before its last stage passed the stages in between.
 * Events after `cutoffDay` are not known yet and are dropped (backtests replay the past this way).
 */
export interface DealPath {
  /** Day the deal entered each stage, or null when it never did (not reached, or skipped). */
  entered: (number | null)[];
  /** The furthest stage reached (−1: none). */
  furthest: number;
  outcome: { kind: 'won' | 'lost'; day: number } | null;
  backwardMoves: number;
  reopened: boolean;
}

export function dealPath(deal: DealHistory, stageIds: readonly string[], cutoffDay: number): DealPath {
  const index = new Map(stageIds.map((id, i) => [id, i]));
  const entered: (number | null)[] = stageIds.map(() => null);
  let furthest = -1;
  let outcome: DealPath['outcome'] = null;
  let backwardMoves = 0;
  let reopened = false;
  for (const event of deal.events) {
    if (event.day > cutoffDay) break;
    if (event.target === WON || event.target === LOST) {
      outcome = { kind: event.target === WON ? 'won' : 'lost', day: event.day };
      continue;
    }
    const k = index.get(event.target);
    if (k === undefined) continue;
    if (outcome) {
      reopened = true;
      outcome = null;
    }
    if (k > furthest) {
      entered[k] = event.day;
      furthest = k;
    } else if (k < furthest) backwardMoves++;
  }
  return { entered, furthest, outcome, backwardMoves, reopened };
}

/**
 * Per stage: did the deal leave it forward (true), get lost there (false), or neither yet (null)?
 * Stages before the first one the deal was seen in are not counted: it started later in the cycle.
 */
export function stageOutcome(path: DealPath, j: number): boolean | null {
  const first = path.entered.findIndex((day) => day !== null);
  if (first < 0 || j < first) return null;
  if (path.outcome?.kind === 'won' || j < path.furthest) return true;
  if (path.outcome?.kind === 'lost' && j === path.furthest) return false;
  return null;
}

/**
 * Time spent in stage j, if the deal entered it: to the next stage it entered or its close from j
 * (an event), or to the cutoff while still there (censored: it has been there at least this long).
 */
export function stageTime(path: DealPath, j: number, cutoffDay: number): { days: number; ended: boolean } | null {
  const start = path.entered[j];
  if (start === null || start === undefined) return null;
  for (let m = j + 1; m < path.entered.length; m++) {
    const next = path.entered[m];
    if (next !== null && next !== undefined) return { days: next - start, ended: true };
  }
  // No later stage entered, so j is the furthest: a close ends the time in it.
  if (path.outcome) return { days: path.outcome.day - start, ended: true };
  return { days: cutoffDay - start, ended: false };
}

/** The day the deal left stage j (moved on, won or lost from it), or null while it has not. */
export function stageExitDay(path: DealPath, j: number): number | null {
  const first = path.entered.findIndex((day) => day !== null);
  if (first < 0 || j < first) return null;
  for (let m = j + 1; m < path.entered.length; m++) {
    const next = path.entered[m];
    if (next !== null && next !== undefined) return next;
  }
  return path.outcome && j <= path.furthest ? path.outcome.day : null;
}
