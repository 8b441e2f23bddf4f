import { logNormalFromMedianP90, logNormalQuantile } from '../../shared/engine/lognormal.ts';
import { keyOfText, Stream } from '../../shared/engine/random.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { LOST, WON, type DealHistory, type History, type StageEvent } from '../../shared/history/history-types.ts';

export interface SyntheticOptions {
  deals: number;
  asOfDay: number;
  years: number;
  seed: number;
  amount: { median: number; p90: number };
  /** From this day on, stages convert at these rates instead (a change in the market half-way). */
  change?: { day: number; conversion: Readonly<Record<string, number>> };
}

/**
 * A history generated from known stage parameters, as the engine models deals: each deal is created
 * at a random moment, enters the first stage, moves on with the stage's conversion or is lost, and
 * stays a lognormal time drawn for that outcome (the losers' own `lossDuration` where the stage has
 * one, semantics 9). A CRM records only the day of each change (dates rounded down to days), and
 * changes after `asOfDay` have not happened yet (those deals are open). Used to check that the fit
 * recovers the parameters and that backtests are calibrated.
 */
export function syntheticHistory(truth: ForecastModel, options: SyntheticOptions): History {
  const stream = new Stream(keyOfText(`synthetic-${options.seed}`));
  const amount = logNormalFromMedianP90(options.amount.median, options.amount.p90);
  const stages = truth.stages.map((s) => ({
    id: s.id,
    conversion: s.conversion,
    duration: logNormalFromMedianP90(s.duration.median, s.duration.p90),
    lossDuration: logNormalFromMedianP90((s.lossDuration ?? s.duration).median, (s.lossDuration ?? s.duration).p90),
  }));
  const span = options.years * 365;
  // Visible: a change whose day is on or before the as-of day, i.e. before the end of that day.
  const end = options.asOfDay + 1;
  const deals: DealHistory[] = [];
  for (let i = 0; i < options.deals; i++) {
    const created = options.asOfDay - span + stream.next() * span;
    const events: StageEvent[] = [];
    let time = created;
    for (const [j, stage] of stages.entries()) {
      if (time >= end) break;
      events.push({ target: stage.id, day: Math.floor(time) });
      const rate = options.change && time >= options.change.day ? (options.change.conversion[stage.id] ?? stage.conversion) : stage.conversion;
      const moves = stream.next() < rate;
      const u = stream.next();
      time += logNormalQuantile(moves ? stage.duration : stage.lossDuration, u);
      if (time >= end) break;
      if (!moves) {
        events.push({ target: LOST, day: Math.floor(time) });
        break;
      }
      if (j === stages.length - 1) events.push({ target: WON, day: Math.floor(time) });
    }
    deals.push({ id: `H-${i + 1}`, name: `Account ${i + 1}`, amount: Math.round(logNormalQuantile(amount, stream.next())), owner: i % 2 === 0 ? 'Maya Chen' : 'Jon Alvarez', region: i % 3 === 0 ? 'EMEA' : 'Americas', createdDay: Math.floor(created), events });
  }
  return { deals, asOfDay: options.asOfDay };
}
