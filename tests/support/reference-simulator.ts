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
import { mulberry32 } from './mulberry32.ts';

/** Uniform strictly inside (0, 1) from mulberry32 (a quantile of 0 or 1 would be infinite). */
function uniforms(seed: number): () => number {
  const words = mulberry32(seed);
  return () => (words() + 0.5) / 4294967296;
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

/** Semantics 10's cap on a time drawn with a trial's own parameters (100 years). */
const CAP_DAYS = 36_525;

/** log P(Z > z), written independently of the engine: direct below z = 25, Mills' continued fraction above. */
function logUpperTail(z: number): number {
  if (z < 25) return Math.log(normalSurvival(z));
  let fraction = z;
  for (let k = 40; k >= 1; k--) fraction = z + k / fraction;
  return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(fraction);
}

interface Lognormal {
  mu: number;
  sigma: number;
}

export interface ReferenceResult {
  quarterBookings: number[][]; // [quarter][trial], last = beyond
  dealWins: number[];
  dealWinsByQuarter: number[][];
  costByStage: number[];
  lostCostByStage: number[];
  /** Cost by the quarter it is spent in, last = beyond. */
  spendByQuarter: number[];
  /** Deals that reach each stage or start past it, then won. */
  funnel: number[];
  totalWins: number;
  trials: number;
}

export function referenceSimulate(model: ForecastModel, trials: number, seed: number): ReferenceResult {
  const rand = uniforms(seed);
  const asOf = parseIsoDay(model.asOf) ?? 0;
  const quarters = fiscalQuarters(asOf, model.fiscalYearStartMonth, model.horizonQuarters);
  const ends = quarters.map((q) => q.endDayExclusive - asOf);
  const D = ends[ends.length - 1] ?? 0;
  const lognormal = (d: { median: number; p90: number }): Lognormal => ({ mu: Math.log(d.median), sigma: (Math.log(d.p90) - Math.log(d.median)) / Z90 });
  const stages = model.stages.map((s) => ({ ...s, mover: lognormal(s.duration), loser: lognormal(s.lossDuration ?? s.duration) }));
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const uncertain = (k: number) => stages[k]!.durationSampleSize !== undefined;
  const H = quarters.length;
  const out: ReferenceResult = {
    quarterBookings: Array.from({ length: H + 1 }, () => new Array<number>(trials).fill(0)),
    dealWins: model.deals.map(() => 0),
    dealWinsByQuarter: model.deals.map(() => new Array<number>(H + 1).fill(0)),
    costByStage: stages.map(() => 0),
    lostCostByStage: stages.map(() => 0),
    spendByQuarter: new Array<number>(H + 1).fill(0),
    funnel: new Array<number>(stages.length + 1).fill(0),
    totalWins: 0,
    trials,
  };
  const quarterOf = (day: number) => {
    const q = ends.findIndex((e) => day < e);
    return q < 0 ? H : q;
  };
  // This trial's lognormals per stage: [movers, losers] (semantics 9 and 10).
  let trialLognormals: [Lognormal, Lognormal][] = [];
  const drawParameters = (d: Lognormal, n: number | undefined): Lognormal => {
    if (n === undefined) return d;
    const chiSquare = Math.max(1e-300, 2 * gamma((n - 1) / 2, rand));
    const sigma = d.sigma * Math.sqrt((n - 1) / chiSquare);
    return { mu: d.mu + (sigma / Math.sqrt(n)) * normalQuantile(rand()), sigma };
  };
  const cap = (x: number, uncertain: boolean) => (uncertain ? Math.min(CAP_DAYS, x) : x);
  const sampleDuration = (j: number, moves: boolean) => {
    const d = trialLognormals[j]![moves ? 0 : 1];
    return cap(Math.exp(d.mu + d.sigma * normalQuantile(rand())), stages[j]!.durationSampleSize !== undefined);
  };
  const addSpend = (from: number, to: number, perDay: number, entry: number) => {
    out.spendByQuarter[quarterOf(Math.floor(from))]! += entry;
    let start = from;
    for (let q = quarterOf(Math.floor(from)); q <= H; q++) {
      const end = q < H ? ends[q]! : Infinity;
      out.spendByQuarter[q]! += perDay * Math.max(0, Math.min(to, end) - start);
      start = Math.max(start, end);
      if (to <= end) break;
    }
  };
  // The deal has decided whether it moves on from stage k (`movesFirst`) and stays `first` there from `origin`.
  // Returns days to the win, or null when lost, and adds costs.
  const walk = (k: number, first: number, movesFirst: boolean, paysEntry: boolean, rates: number[], origin: number): number | null => {
    const spent: number[] = [];
    let total = first;
    spent[k] = stages[k]!.costPerDay * first + (paysEntry ? stages[k]!.entryCost : 0);
    addSpend(origin, origin + first, stages[k]!.costPerDay, paysEntry ? stages[k]!.entryCost : 0);
    out.funnel[k]!++;
    let j = k;
    let moves = movesFirst;
    for (;;) {
      if (!moves) {
        for (let m = k; m <= j; m++) {
          out.costByStage[m]! += spent[m]!;
          out.lostCostByStage[m]! += spent[m]!;
        }
        return null;
      }
      j++;
      out.funnel[j]!++;
      if (j === stages.length) break;
      moves = rand() < rates[j]!;
      const d = sampleDuration(j, moves);
      addSpend(origin + total, origin + total + d, stages[j]!.costPerDay, stages[j]!.entryCost);
      total += d;
      spent[j] = stages[j]!.costPerDay * d + stages[j]!.entryCost;
    }
    for (let m = k; m < stages.length; m++) out.costByStage[m]! += spent[m]!;
    return total;
  };

  for (let t = 0; t < trials; t++) {
    const trialRates = stages.map((s) => {
      if (s.conversionSampleSize === undefined || s.conversion === 1) return s.conversion;
      const x = gamma(s.conversion * s.conversionSampleSize, rand);
      const y = gamma((1 - s.conversion) * s.conversionSampleSize, rand);
      return x / (x + y);
    });
    trialLognormals = stages.map((s) => [drawParameters(s.mover, s.durationSampleSize), drawParameters(s.loser, s.durationSampleSize)]);
    // Semantics 12: this trial's odds ratio of every signal value (drawn where it has a spread).
    const trialOddsRatios = (model.signals ?? []).map((signal) =>
      Object.fromEntries(
        signal.values.map((value) => {
          if (value === signal.baseline) return [value, 1];
          const sd = signal.logSd?.[value] ?? 0;
          const ratio = signal.oddsRatios[value] ?? 1;
          return [value, sd > 0 ? Math.exp(Math.log(ratio) + sd * normalQuantile(rand())) : ratio];
        }),
      ),
    );
    model.deals.forEach((deal, i) => {
      const k = index.get(deal.stage)!;
      const rates = trialRates.map((r, j) => {
        let oddsRatio = 1;
        (model.signals ?? []).forEach((signal, s) => {
          if (index.get(signal.appliesFrom)! <= j) oddsRatio *= trialOddsRatios[s]![deal.signals?.[signal.id] ?? signal.baseline] ?? 1;
        });
        return oddsRatio === 1 ? r : (r * oddsRatio) / (1 - r + r * oddsRatio);
      });
      for (let j = 0; j < k; j++) out.funnel[j]!++;
      const [mover, loser] = trialLognormals[k]!;
      const daysIn = asOf - (parseIsoDay(deal.stageEnteredOn) ?? asOf);
      // Competing risks: the chance to move on after waiting daysIn, from the two survival functions.
      const r = rates[k]!;
      let a = r;
      if (daysIn > 0 && r > 0 && r < 1) {
        const logMove = logUpperTail((Math.log(daysIn) - mover.mu) / mover.sigma);
        const logLoss = logUpperTail((Math.log(daysIn) - loser.mu) / loser.sigma);
        a = 1 / (1 + ((1 - r) / r) * Math.exp(logLoss - logMove));
      }
      const moves = rand() < a;
      const d = moves ? mover : loser;
      const lo = daysIn > 0 ? 1 - normalSurvival((Math.log(daysIn) - d.mu) / d.sigma) : 0;
      const u = lo + (1 - lo) * rand();
      const totalInStage = cap(Math.exp(d.mu + d.sigma * normalQuantile(Math.min(u, 1 - 1e-16))), uncertain(k));
      const time = walk(k, Math.max(0, totalInStage - daysIn), moves, false, rates, 0);
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
        // New deals carry no signals.
        const moves = rand() < trialRates[0]!;
        const time = walk(0, sampleDuration(0, moves), moves, true, trialRates, arrival);
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
