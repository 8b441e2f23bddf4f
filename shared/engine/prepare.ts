import { parseIsoDay } from '../model/dates.ts';
import { fiscalQuarters, type FiscalQuarter } from '../model/fiscal.ts';
import type { ForecastModel } from '../model/schema.ts';
import { blockTrialsFor, EXTRA_WEEKLY_BINS, SALT } from './constants.ts';
import { logNormalLogSurvival } from './competing-risks.ts';
import { logNormalFromMedianP90, logNormalSurvival, type LogNormal } from './lognormal.ts';
import type { PreparedModel } from './prepared.ts';
import { fillQuantileTable, TABLE_STRIDE } from './quantile-table.ts';
import { hash32, keyOfText } from './random.ts';
import { prepareSignalOdds } from './signal-odds.ts';

export interface RunOptions {
  trials: number;
  seed: number;
  /**
   * Deal ids whose win quarter is recorded per trial (analyses such as a deal's contribution to the
   * target need it). Memory grows with trials × this list, so keep it short.
   */
  trackDeals?: readonly string[];
}

/** At most this many deals can be tracked in one run. */
export const MAX_TRACKED_DEALS = 64;

/** What a run needs besides the numbers: labels and ids for the result. */
export interface ForecastPlan {
  model: ForecastModel;
  quarters: FiscalQuarter[];
  prepared: PreparedModel;
  /** Per quarter: what is already booked in it (closed-won deals), the same in every trial. */
  booked: BookedInQuarter[];
}

export interface BookedInQuarter {
  amount: number;
  count: number;
}

/** Closed-won deals summed per forecast quarter; those closed before the first quarter count in none. */
export function bookedByQuarter(model: ForecastModel, quarters: readonly FiscalQuarter[]): BookedInQuarter[] {
  const booked = quarters.map(() => ({ amount: 0, count: 0 }));
  for (const deal of model.closedWon ?? []) {
    const day = parseIsoDay(deal.closedOn);
    const q = day === null ? -1 : quarters.findIndex((quarter) => day >= quarter.startDay && day < quarter.endDayExclusive);
    const into = booked[q];
    if (!into) continue;
    into.amount += deal.amount;
    into.count += 1;
  }
  return booked;
}

/** Compiles a validated model for the simulation loop. */
export function planForecast(model: ForecastModel, options: RunOptions): ForecastPlan {
  const asOfDay = parseIsoDay(model.asOf) ?? 0;
  const quarters = fiscalQuarters(asOfDay, model.fiscalYearStartMonth, model.horizonQuarters);
  const lastQuarter = quarters[quarters.length - 1];
  const horizonDays = lastQuarter ? lastQuarter.endDayExclusive - asOfDay : 0;
  const S = model.stages.length;
  const N = model.deals.length;
  const blockTrials = blockTrialsFor(N);

  const stageIndex = new Map(model.stages.map((stage, i) => [stage.id, i]));
  const stageMu = new Float64Array(2 * S);
  const stageSigma = new Float64Array(2 * S);
  const stageLossRow = new Int32Array(S);
  const rowSampleSize = new Float64Array(2 * S);
  const stageGeneralStart = new Uint8Array(S);
  const stageConversion = new Float64Array(S);
  const stageBetaA = new Float64Array(S);
  const stageBetaB = new Float64Array(S);
  const stageKey = new Int32Array(S);
  const stageCostPerDay = new Float64Array(S);
  const stageEntryCost = new Float64Array(S);
  const durationTable = new Float32Array(2 * S * TABLE_STRIDE);
  const setRow = (row: number, d: LogNormal, sampleSize: number | undefined) => {
    stageMu[row] = d.mu;
    stageSigma[row] = d.sigma;
    rowSampleSize[row] = sampleSize ?? 0;
    fillQuantileTable(durationTable, row * TABLE_STRIDE, d);
  };
  model.stages.forEach((stage, j) => {
    setRow(j, logNormalFromMedianP90(stage.duration.median, stage.duration.p90), stage.durationSampleSize);
    stageLossRow[j] = j;
    if (stage.lossDuration) {
      stageLossRow[j] = S + j;
      setRow(S + j, logNormalFromMedianP90(stage.lossDuration.median, stage.lossDuration.p90), stage.durationSampleSize);
    }
    stageGeneralStart[j] = stage.lossDuration || stage.durationSampleSize !== undefined ? 1 : 0;
    stageConversion[j] = stage.conversion;
    // A rate of exactly 1 has no uncertainty left to draw (Beta(n, 0) is a point mass at 1).
    if (stage.conversionSampleSize !== undefined && stage.conversion < 1) {
      stageBetaA[j] = stage.conversion * stage.conversionSampleSize;
      stageBetaB[j] = (1 - stage.conversion) * stage.conversionSampleSize;
    }
    stageKey[j] = keyOfText(stage.id);
    stageCostPerDay[j] = stage.costPerDay;
    stageEntryCost[j] = stage.entryCost;
  });
  const rowOf = (row: number): LogNormal => ({ mu: stageMu[row] ?? 0, sigma: stageSigma[row] ?? 1 });

  const dealStage = new Int32Array(N);
  const dealAmount = new Float64Array(N);
  const dealDaysIn = new Float64Array(N);
  const dealSurvival = new Float64Array(N);
  const dealLossSurvival = new Float64Array(N);
  const dealLogLossOverMove = new Float64Array(N);
  const dealKey = new Int32Array(N);
  const usedKeys = new Set<number>();
  const dealWindowFrom = new Int32Array(N);
  const dealWindowDays = new Int32Array(N);
  const dealTrackSlot = new Int32Array(N).fill(-1);
  const tracked = new Map((options.trackDeals ?? []).slice(0, MAX_TRACKED_DEALS).map((id, slot) => [id, slot]));
  model.deals.forEach((deal, i) => {
    if (deal.closeWindow) {
      const from = (parseIsoDay(deal.closeWindow.from) ?? asOfDay) - asOfDay;
      const to = (parseIsoDay(deal.closeWindow.to) ?? asOfDay) - asOfDay;
      dealWindowFrom[i] = Math.max(0, from);
      dealWindowDays[i] = Math.max(1, to - Math.max(0, from) + 1);
    }
    dealTrackSlot[i] = tracked.get(deal.id) ?? -1;
    const k = stageIndex.get(deal.stage) ?? 0;
    dealStage[i] = k;
    dealAmount[i] = deal.amount;
    const daysIn = Math.max(0, asOfDay - (parseIsoDay(deal.stageEnteredOn) ?? asOfDay));
    dealDaysIn[i] = daysIn;
    const lossRow = stageLossRow[k] ?? k;
    dealSurvival[i] = logNormalSurvival(rowOf(k), daysIn);
    dealLossSurvival[i] = logNormalSurvival(rowOf(lossRow), daysIn);
    dealLogLossOverMove[i] = lossRow === k ? 0 : logNormalLogSurvival(rowOf(lossRow), daysIn) - logNormalLogSurvival(rowOf(k), daysIn);
    // Keys follow the deal id; on the rare hash collision, rehash so no two deals share a stream.
    let key = keyOfText(deal.id);
    while (usedKeys.has(key)) key = hash32(key + 1);
    usedKeys.add(key);
    dealKey[i] = key;
  });

  const quarterOfDay = new Uint8Array(Math.max(0, horizonDays));
  quarters.forEach((quarter, q) => {
    const from = Math.max(0, quarter.startDay - asOfDay);
    quarterOfDay.fill(q, from, quarter.endDayExclusive - asOfDay);
  });

  // In date order, so a later shock can catch a deal an earlier one held back.
  const shocks = [...(model.shocks ?? [])].sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0));
  const shockStage = new Int32Array(shocks.map((s) => stageIndex.get(s.stage) ?? 0));
  const shockDay = new Float64Array(shocks.map((s) => (parseIsoDay(s.onDate) ?? asOfDay) - asOfDay));
  const shockDelay = new Float64Array(shocks.map((s) => s.delayDays));
  const shockProbability = new Float64Array(shocks.map((s) => s.probability));

  const np = model.newPipeline;
  const amount = np ? logNormalFromMedianP90(np.amount.median, np.amount.p90) : null;
  return {
    model,
    quarters,
    booked: bookedByQuarter(model, quarters),
    prepared: {
      trials: options.trials,
      seed: options.seed,
      seedKey: hash32((options.seed ^ SALT.seed) | 0),
      blockTrials,
      blockCount: Math.ceil(options.trials / blockTrials),
      stageCount: S,
      dealCount: N,
      quarterCount: quarters.length,
      horizonDays,
      histogramBins: horizonDays + EXTRA_WEEKLY_BINS + 1,
      stageMu,
      stageSigma,
      stageLossRow,
      rowSampleSize,
      durationsUncertain: rowSampleSize.some((n) => n > 0),
      stageGeneralStart,
      stageConversion,
      stageBetaA,
      stageBetaB,
      stageKey,
      stageCostPerDay,
      stageEntryCost,
      durationTable,
      dealStage,
      dealAmount,
      dealDaysIn,
      dealSurvival,
      dealLossSurvival,
      dealLogLossOverMove,
      dealKey,
      dealWindowFrom,
      dealWindowDays,
      dealTrackSlot,
      trackedCount: tracked.size,
      shockCount: shocks.length,
      shockStage,
      shockDay,
      shockDelay,
      shockProbability,
      quarterOfDay,
      quarterEndDay: new Float64Array(quarters.map((quarter) => quarter.endDayExclusive - asOfDay)),
      ...prepareSignalOdds(model, stageIndex),
      newPipeline:
        np && amount && np.dealsPerMonth > 0
          ? { arrivalsPerDay: (np.dealsPerMonth * 12) / 365.25, amountMu: amount.mu, amountSigma: amount.sigma }
          : null,
    },
  };
}
