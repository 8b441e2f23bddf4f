import { formatIsoDay, parseIsoDay } from '../model/dates.ts';
import { blockCostWidth, blockTrialRange, trialBookings, type Accumulator } from './accumulator.ts';
import { fullCycleCac } from './full-cycle-cac.ts';
import { ENGINE_VERSION } from './constants.ts';
import type { ForecastPlan } from './prepare.ts';
import type { CacForecast, CloseDateRange, DealForecast, ForecastResult, FunnelStage, QuarterForecast } from './result-types.ts';
import { meanAndSd, quantilesOf } from './statistics.ts';

/** Turns what the simulated blocks collected into the result. Works on partial runs too. */
export function summarize(plan: ForecastPlan, acc: Accumulator, computeMs: number): ForecastResult {
  const p = plan.prepared;
  const doneBlocks: number[] = [];
  for (let b = 0; b < p.blockCount; b++) if (acc.blockDone[b]) doneBlocks.push(b);
  const trials = doneBlocks.reduce((n, b) => {
    const [first, end] = blockTrialRange(p, b);
    return n + end - first;
  }, 0);

  const columnValues = (q: number): Float64Array => {
    const values = new Float64Array(trials);
    let n = 0;
    for (const b of doneBlocks) {
      const [first, end] = blockTrialRange(p, b);
      for (let t = first; t < end; t++) values[n++] = trialBookings(acc, p, t, q);
    }
    return values;
  };
  const perTrial = (count: number) => (trials > 0 ? count / trials : 0);
  const targets = plan.model.targets ?? {};

  const quarters: QuarterForecast[] = plan.quarters.map((quarter, q) => {
    // What is already booked is the same in every trial: added before any statistic is taken.
    const booked = plan.booked[q] ?? { amount: 0, count: 0 };
    const values = columnValues(q).map((v) => v + booked.amount);
    const { mean, sd } = meanAndSd(values);
    const target = targets[quarter.start] ?? null;
    let reached = 0;
    if (target !== null) for (const v of values) if (v >= target) reached++;
    const [p10, p50, p90] = quantilesOf(values, [0.1, 0.5, 0.9]) as [number, number, number];
    return {
      label: quarter.label,
      start: quarter.start,
      end: quarter.end,
      mean,
      sd,
      se: trials > 0 ? sd / Math.sqrt(trials) : 0,
      p10,
      p50,
      p90,
      spend: perTrial(blockSum(plan, acc, doneBlocks, 2 * p.stageCount + q)),
      expectedWins: perTrial(acc.quarterWins[q] as number) + booked.count,
      booked: booked.amount,
      target,
      pTarget: target === null ? null : perTrial(reached),
    };
  });

  const beyond = meanAndSd(columnValues(p.quarterCount));
  const asOfDay = parseIsoDay(plan.model.asOf) ?? 0;
  // Deals share close days, so each bin's date is formatted once per summary.
  const binDates: (string | undefined)[] = new Array<string | undefined>(p.histogramBins);
  const dateOfBin = (bin: number): string => (binDates[bin] ??= formatIsoDay(asOfDay + dayOfBin(bin, p.horizonDays)));

  const deals: DealForecast[] = plan.model.deals.map((deal, i) => {
    // Quarter by quarter over the daily bins, then the bins past the horizon: whole counts, so the
    // sums are exact in any order (this runs for every deal at every partial result).
    const winsByQuarter = new Float64Array(p.quarterCount);
    const histogram = acc.dealCloseHistogram;
    const row = i * p.histogramBins;
    let wins = 0;
    let day = 0;
    for (let q = 0; q < p.quarterCount; q++) {
      const end = Math.min(p.horizonDays, p.quarterEndDay[q] as number);
      let inQuarter = 0;
      for (; day < end; day++) inQuarter += histogram[row + day] as number;
      winsByQuarter[q] = inQuarter;
      wins += inQuarter;
    }
    for (; day < p.histogramBins; day++) wins += histogram[row + day] as number;
    return {
      id: deal.id,
      name: deal.name,
      stage: deal.stage,
      amount: deal.amount,
      pWin: perTrial(wins),
      pWinByQuarter: Array.from(winsByQuarter, perTrial),
      closeDate: wins > 0 ? closeDateRange(histogram, row, wins, p.histogramBins, dateOfBin) : null,
    };
  });

  return {
    quarters,
    beyondHorizon: {
      mean: beyond.mean,
      expectedWins: perTrial(acc.quarterWins[p.quarterCount] as number),
      spend: perTrial(blockSum(plan, acc, doneBlocks, 2 * p.stageCount + p.quarterCount)),
    },
    deals,
    cac: cacOf(plan, acc, doneBlocks, perTrial),
    funnel: funnelOf(plan, acc, perTrial),
    meta: {
      trials,
      seed: p.seed,
      engineVersion: ENGINE_VERSION,
      computeMs,
      asOf: plan.model.asOf,
      currency: plan.model.currency,
      complete: trials === p.trials,
    },
  };
}

/** Block sums of column `column` of blockCosts, added in block order so no worker split changes the total. */
function blockSum(plan: ForecastPlan, acc: Accumulator, doneBlocks: number[], column: number): number {
  const width = blockCostWidth(plan.prepared);
  let sum = 0;
  for (const b of doneBlocks) sum += acc.blockCosts[b * width + column] as number;
  return sum;
}

function cacOf(plan: ForecastPlan, acc: Accumulator, doneBlocks: number[], perTrial: (n: number) => number): CacForecast {
  const S = plan.prepared.stageCount;
  let totalWins = 0;
  for (const count of acc.quarterWins) totalWins += count;
  const expectedWins = perTrial(totalWins);
  const costByStage: Record<string, number> = {};
  const costPerWinByStage: Record<string, number | null> = {};
  const lostCostByStage: Record<string, number> = {};
  let totalCost = 0;
  plan.model.stages.forEach((stage, j) => {
    const cost = blockSum(plan, acc, doneBlocks, j);
    const lost = blockSum(plan, acc, doneBlocks, S + j);
    costByStage[stage.id] = perTrial(cost);
    lostCostByStage[stage.id] = perTrial(lost);
    costPerWinByStage[stage.id] = expectedWins > 0 ? perTrial(cost) / expectedWins : null;
    totalCost += perTrial(cost);
  });
  return {
    expectedWins,
    costByStage,
    costPerWinByStage,
    costPerWin: expectedWins > 0 ? totalCost / expectedWins : null,
    lostCostByStage,
    totalCost,
    fullCycle: fullCycleCac(plan.model),
  };
}

/**
 * Deals that reach each stage or start the forecast past it: an open deal in procurement has passed
 * security, so it counts there too, and the funnel never rises from one stage to the next.
 */
function funnelOf(plan: ForecastPlan, acc: Accumulator, perTrial: (n: number) => number): FunnelStage[] {
  const startedPast = new Float64Array(plan.prepared.stageCount);
  for (const k of plan.prepared.dealStage) for (let j = 0; j < k; j++) startedPast[j] = (startedPast[j] as number) + 1;
  const stages: FunnelStage[] = plan.model.stages.map((stage, j) => ({
    stage: stage.id,
    name: stage.name,
    expectedDeals: perTrial(acc.stageReached[j] as number) + (startedPast[j] as number),
  }));
  stages.push({ stage: 'won', name: 'Closed won', expectedDeals: perTrial(acc.stageReached[plan.prepared.stageCount] as number) });
  return stages;
}

const CLOSE_DATE_SHARES = [0.1, 0.5, 0.9] as const;

/**
 * Close-date percentiles (the first day by which that share of the deal's wins had closed), found in
 * one pass over the deal's histogram row: this runs for every deal at every partial result.
 */
function closeDateRange(histogram: Uint32Array, row: number, wins: number, bins: number, dateOfBin: (bin: number) => string): CloseDateRange {
  const ranks = CLOSE_DATE_SHARES.map((share) => Math.max(1, Math.ceil(share * wins)));
  const found = CLOSE_DATE_SHARES.map(() => bins - 1);
  let next = 0;
  let cumulative = 0;
  for (let b = 0; b < bins && next < ranks.length; b++) {
    cumulative += histogram[row + b] as number;
    while (next < ranks.length && cumulative >= (ranks[next] as number)) found[next++] = b;
  }
  return { p10: dateOfBin(found[0] as number), p50: dateOfBin(found[1] as number), p90: dateOfBin(found[2] as number) };
}

/** A bin's day offset: exact within the horizon, mid-week beyond it (the last bin: "on or after"). */
function dayOfBin(bin: number, dailyBins: number): number {
  return bin < dailyBins ? bin : dailyBins + (bin - dailyBins) * 7 + 3;
}
