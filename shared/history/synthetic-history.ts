import { logNormalFromMedianP90, logNormalQuantile } from '../engine/lognormal.ts';
import { keyOfText, Stream } from '../engine/random.ts';
import type { ForecastModel } from '../model/schema.ts';
import { LOST, WON, type DealHistory, type History } from './history-types.ts';

/**
 * A history generated from known stage parameters, as the engine models deals: each deal is created on
 * a random day, enters the first stage, stays a lognormal time, then moves on with the stage's
 * conversion or is lost. Stage changes after `asOfDay` have not happened yet (those deals are open).
 * Used to check that the fit recovers the parameters and that backtests are calibrated.
 */
export function syntheticHistory(truth: ForecastModel, options: { deals: number; asOfDay: number; years: number; seed: number; amount: { median: number; p90: number } }): History {
  const stream = new Stream(keyOfText(`synthetic-${options.seed}`));
  const amount = logNormalFromMedianP90(options.amount.median, options.amount.p90);
  const stages = truth.stages.map((s) => ({ id: s.id, conversion: s.conversion, duration: logNormalFromMedianP90(s.duration.median, s.duration.p90) }));
  const span = options.years * 365;
  const deals: DealHistory[] = [];
  for (let i = 0; i < options.deals; i++) {
    const createdDay = Math.floor(options.asOfDay - span + stream.next() * span);
    const events = [];
    let day = createdDay;
    for (const [j, stage] of stages.entries()) {
      if (day > options.asOfDay) break;
      events.push({ target: stage.id, day: Math.floor(day) });
      day += logNormalQuantile(stage.duration, stream.next());
      const moves = stream.next() < stage.conversion;
      if (day > options.asOfDay) break;
      if (!moves) {
        events.push({ target: LOST, day: Math.floor(day) });
        break;
      }
      if (j === stages.length - 1) events.push({ target: WON, day: Math.floor(day) });
    }
    deals.push({ id: `H-${i + 1}`, name: `Account ${i + 1}`, amount: Math.round(logNormalQuantile(amount, stream.next())), owner: i % 2 === 0 ? 'Maya Chen' : 'Jon Alvarez', region: i % 3 === 0 ? 'EMEA' : 'Americas', createdDay, events });
  }
  return { deals, asOfDay: options.asOfDay };
}
