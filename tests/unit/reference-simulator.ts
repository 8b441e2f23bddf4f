/**
 * An independent, deliberately naive implementation of the engine's semantics, for tests only:
 * trial-major, exact lognormal quantiles, its own sequential generator, no tables, no blocks.
 * The engine must agree with it within Monte Carlo error.
 */
import { parseIsoDay } from '../../shared/model/dates.ts';
import { fiscalQuarters } from '../../shared/model/fiscal.ts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { normalQuantile, normalSurvival } from '../../shared/engine/normal.ts';
import { Z90 } from '../../shared/engine/lognormal.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function gamma(shape: number, rand: () => number): number {
  if (shape < 1) return gamma(shape + 1, rand) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(rand());
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(rand()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface ReferenceResult {
  quarterBookings: number[][]; // [quarter][trial], last = beyond
  dealWins: number[];
  dealWinsByQuarter: number[][];
  costByStage: number[];
  lostCostByStage: number[];
  totalWins: number;
  trials: number;
}

export function referenceSimulate(model: ForecastModel, trials: number, seed: number): ReferenceResult {
  const rand = mulberry32(seed);
  const asOf = parseIsoDay(model.asOf) ?? 0;
  const quarters = fiscalQuarters(asOf, model.fiscalYearStartMonth, model.horizonQuarters);
  const ends = quarters.map((q) => q.endDayExclusive - asOf);
  const D = ends[ends.length - 1] ?? 0;
  const stages = model.stages.map((s) => {
    const mu = Math.log(s.duration.median);
    return { ...s, mu, sigma: (Math.log(s.duration.p90) - mu) / Z90 };
  });
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const H = quarters.length;
  const out: ReferenceResult = {
    quarterBookings: Array.from({ length: H + 1 }, () => new Array<number>(trials).fill(0)),
    dealWins: model.deals.map(() => 0),
    dealWinsByQuarter: model.deals.map(() => new Array<number>(H + 1).fill(0)),
    costByStage: stages.map(() => 0),
    lostCostByStage: stages.map(() => 0),
    totalWins: 0,
    trials,
  };
  const quarterOf = (day: number) => {
    const q = ends.findIndex((e) => day < e);
    return q < 0 ? H : q;
  };
  const sampleDuration = (j: number) => {
    const s = stages[j]!;
    return Math.exp(s.mu + s.sigma * normalQuantile(rand()));
  };
  // Returns [won, days to win or loss] and adds costs.
  const walk = (k: number, first: number, paysEntry: boolean, rates: number[]): number | null => {
    const spent: number[] = [];
    let total = first;
    spent[k] = stages[k]!.costPerDay * first + (paysEntry ? stages[k]!.entryCost : 0);
    let j = k;
    for (;;) {
      if (rand() >= rates[j]!) {
        for (let m = k; m <= j; m++) {
          out.costByStage[m]! += spent[m]!;
          out.lostCostByStage[m]! += spent[m]!;
        }
        return null;
      }
      j++;
      if (j === stages.length) break;
      const d = sampleDuration(j);
      total += d;
      spent[j] = stages[j]!.costPerDay * d + stages[j]!.entryCost;
    }
    for (let m = k; m < stages.length; m++) out.costByStage[m]! += spent[m]!;
    return total;
  };

  for (let t = 0; t < trials; t++) {
    const rates = stages.map((s) => {
      if (s.conversionSampleSize === undefined || s.conversion === 1) return s.conversion;
      const x = gamma(s.conversion * s.conversionSampleSize, rand);
      const y = gamma((1 - s.conversion) * s.conversionSampleSize, rand);
      return x / (x + y);
    });
    model.deals.forEach((deal, i) => {
      const k = index.get(deal.stage)!;
      const s = stages[k]!;
      const daysIn = asOf - (parseIsoDay(deal.stageEnteredOn) ?? asOf);
      const lo = daysIn > 0 ? 1 - normalSurvival((Math.log(daysIn) - s.mu) / s.sigma) : 0;
      const u = lo + (1 - lo) * rand();
      const totalInStage = Math.exp(s.mu + s.sigma * normalQuantile(Math.min(u, 1 - 1e-16)));
      const time = walk(k, Math.max(0, totalInStage - daysIn), false, rates);
      if (time === null) return;
      const q = quarterOf(Math.floor(time));
      out.quarterBookings[q]![t]! += deal.amount;
      out.dealWins[i]!++;
      out.dealWinsByQuarter[i]![q]!++;
      out.totalWins++;
    });
    const np = model.newPipeline;
    if (np && np.dealsPerMonth > 0) {
      const lambda = ((np.dealsPerMonth * 12) / 365.25) * D;
      // Poisson count by inversion, then uniform arrival days, as the semantics state them.
      let count = 0;
      let p = Math.exp(-lambda);
      let cdf = p;
      const u = rand();
      while (u > cdf && count < 10_000) {
        count++;
        p *= lambda / count;
        cdf += p;
      }
      const amountMu = Math.log(np.amount.median);
      const amountSigma = (Math.log(np.amount.p90) - amountMu) / Z90;
      for (let n = 0; n < count; n++) {
        const arrival = rand() * D;
        const amount = Math.exp(amountMu + amountSigma * normalQuantile(rand()));
        const time = walk(0, sampleDuration(0), true, rates);
        if (time === null) continue;
        out.quarterBookings[quarterOf(Math.floor(arrival + time))]![t]! += amount;
        out.totalWins++;
      }
    }
  }
  // Deals already closed won count in full, in every trial, in the quarter whose days hold their close day.
  for (const booked of model.closedWon ?? []) {
    const day = parseIsoDay(booked.closedOn) ?? -Infinity;
    const q = quarters.findIndex((quarter) => quarter.startDay <= day && day < quarter.endDayExclusive);
    if (q < 0) continue;
    for (let t = 0; t < trials; t++) out.quarterBookings[q]![t]! += booked.amount;
  }
  return out;
}
