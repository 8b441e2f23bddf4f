import type { ForecastModel } from '../model/schema.ts';
import { SALT } from './constants.ts';
import { normalQuantile } from './normal.ts';
import { combineKeys, keyOfText, uniformAt } from './random.ts';

/**
 * Semantics 12 compiled for the loop. Only (signal, value) pairs that can change a rate are kept
 * ("pairs": not the baseline, and an odds ratio other than 1 or a spread), so a deal whose values
 * all have odds ratio 1 has no pairs and takes exactly the engine's path without signals.
 */
export interface PreparedSignalOdds {
  /** Number of pairs. */
  oddsPairCount: number;
  /** Per pair: ln odds ratio, its standard deviation (0: fixed), its stream key, its first stage index. */
  oddsLogMean: Float64Array;
  oddsLogSd: Float64Array;
  oddsKey: Int32Array;
  oddsAppliesFrom: Int32Array;
  /** Deal i's pairs are dealOddsPairs[dealOddsStart[i] .. dealOddsStart[i + 1]). */
  dealOddsStart: Int32Array;
  dealOddsPairs: Int32Array;
}

export function prepareSignalOdds(model: ForecastModel, stageIndex: ReadonlyMap<string, number>): PreparedSignalOdds {
  const pairOf = new Map<string, number>();
  const logMean: number[] = [];
  const logSd: number[] = [];
  const keys: number[] = [];
  const appliesFrom: number[] = [];
  for (const signal of model.signals ?? []) {
    for (const value of signal.values) {
      const ratio = signal.oddsRatios[value] ?? 1;
      const sd = signal.logSd?.[value] ?? 0;
      if (value === signal.baseline || (ratio === 1 && sd === 0)) continue;
      pairOf.set(pairName(signal.id, value), logMean.length);
      logMean.push(Math.log(ratio));
      logSd.push(sd);
      keys.push(keyOfText(pairName(signal.id, value)));
      appliesFrom.push(stageIndex.get(signal.appliesFrom) ?? 0);
    }
  }
  const dealOddsStart = new Int32Array(model.deals.length + 1);
  const pairs: number[] = [];
  model.deals.forEach((deal, i) => {
    for (const [id, value] of Object.entries(deal.signals ?? {})) {
      const pair = pairOf.get(pairName(id, value));
      if (pair !== undefined) pairs.push(pair);
    }
    dealOddsStart[i + 1] = pairs.length;
  });
  return {
    oddsPairCount: logMean.length,
    oddsLogMean: new Float64Array(logMean),
    oddsLogSd: new Float64Array(logSd),
    oddsKey: new Int32Array(keys),
    oddsAppliesFrom: new Int32Array(appliesFrom),
    dealOddsStart,
    dealOddsPairs: new Int32Array(pairs),
  };
}

const pairName = (signalId: string, value: string) => `${signalId}\u0000${value}`;

/**
 * Each trial draws ln odds ratio of every pair once, from Normal(ln oddsRatio, logSd), shared by every
 * deal with that value; a pair's random number follows its signal id and value, so adding a signal
 * changes no other draw.
 */
export function drawLogOdds(p: PreparedSignalOdds, trialKey: number, out: Float64Array, offset: number): void {
  const key = trialKey ^ SALT.signalOdds;
  for (let v = 0; v < p.oddsPairCount; v++) {
    const sd = p.oddsLogSd[v] as number;
    out[offset + v] = sd > 0 ? (p.oddsLogMean[v] as number) + sd * normalQuantile(uniformAt(combineKeys(key, p.oddsKey[v] as number), 0)) : (p.oddsLogMean[v] as number);
  }
}

/**
 * Deal `deal`'s rates in every trial of a block, into `out` (trials × S): at each stage at or after a
 * pair's first stage, the trial's rate r becomes r·OR / (1 − r + r·OR), OR the product of the deal's
 * pairs' odds ratios there; a stage no pair reaches keeps r exactly.
 */
export function fillDealRates(p: PreparedSignalOdds, stageCount: number, rates: Float64Array, logOdds: Float64Array, deal: number, out: Float64Array): void {
  const from = p.dealOddsStart[deal] as number;
  const to = p.dealOddsStart[deal + 1] as number;
  const V = p.oddsPairCount;
  const trials = rates.length / stageCount;
  for (let t = 0; t < trials; t++) {
    for (let j = 0; j < stageCount; j++) {
      let logOddsRatio = 0;
      for (let n = from; n < to; n++) {
        const pair = p.dealOddsPairs[n] as number;
        if ((p.oddsAppliesFrom[pair] as number) <= j) logOddsRatio += logOdds[t * V + pair] as number;
      }
      const r = rates[t * stageCount + j] as number;
      out[t * stageCount + j] = logOddsRatio === 0 ? r : adjustedRate(r, Math.exp(logOddsRatio));
    }
  }
}

/** A rate r with its odds multiplied by `oddsRatio`. */
export function adjustedRate(r: number, oddsRatio: number): number {
  const x = r * oddsRatio;
  return x / (1 - r + x);
}
