import { logNormalFromMedianP90, logNormalQuantile } from '../../shared/engine/lognormal.ts';
import { keyOfText, Stream } from '../../shared/engine/random.ts';
import { adjustedRate } from '../../shared/engine/signal-odds.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { LOST, WON, type DealHistory, type History, type StageEvent } from '../../shared/history/history-types.ts';

export interface SyntheticSignalOptions {
  deals: number;
  asOfDay: number;
  years: number;
  seed: number;
  /** Signal id → value → its share of deals (the rest are at the baseline). */
  shares: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * A closed-deal history generated from a model whose signals have known odds ratios: each deal draws
 * its signal values, then walks the stages as semantics 12 says (its rate at stage j is the stage's
 * rate with the odds of its values that apply at j multiplied in), with lognormal stays rounded down
 * to days. Used to check that the signal fit recovers the odds ratios and the baseline's rates.
 */
export function syntheticSignalHistory(truth: ForecastModel, options: SyntheticSignalOptions): History {
  const stream = new Stream(keyOfText(`signals-${options.seed}`));
  const signals = truth.signals ?? [];
  const stageIndex = new Map(truth.stages.map((s, j) => [s.id, j]));
  const durations = truth.stages.map((s) => logNormalFromMedianP90(s.duration.median, s.duration.p90));
  const span = options.years * 365;
  const end = options.asOfDay + 1;
  const deals: DealHistory[] = [];
  for (let i = 0; i < options.deals; i++) {
    const values: Record<string, string> = {};
    for (const signal of signals) {
      let u = stream.next();
      values[signal.id] = signal.baseline;
      for (const [value, share] of Object.entries(options.shares[signal.id] ?? {})) {
        if (u < share) {
          values[signal.id] = value;
          break;
        }
        u -= share;
      }
    }
    const created = options.asOfDay - span + stream.next() * span;
    const events: StageEvent[] = [];
    let time = created;
    for (const [j, stage] of truth.stages.entries()) {
      if (time >= end) break;
      events.push({ target: stage.id, day: Math.floor(time) });
      const oddsRatio = signals.reduce((or, s) => ((stageIndex.get(s.appliesFrom) ?? 0) <= j ? or * (s.oddsRatios[values[s.id] ?? s.baseline] ?? 1) : or), 1);
      const moves = stream.next() < adjustedRate(stage.conversion, oddsRatio);
      time += logNormalQuantile(durations[j] ?? { mu: 0, sigma: 1 }, stream.next());
      if (time >= end) break;
      if (!moves) {
        events.push({ target: LOST, day: Math.floor(time) });
        break;
      }
      if (j === truth.stages.length - 1) events.push({ target: WON, day: Math.floor(time) });
    }
    deals.push({ id: `H-${i + 1}`, name: `Account ${i + 1}`, amount: 100_000, owner: null, region: null, createdDay: Math.floor(created), events, signals: values });
  }
  return { deals, asOfDay: options.asOfDay };
}
