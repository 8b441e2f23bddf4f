import type { PreparedSignalOdds } from './signal-odds.ts';

/**
 * A model compiled into flat typed arrays for the simulation loop. Plain data only, so it can be
 * structured-cloned into a Web Worker or a worker thread.
 */
export interface PreparedModel extends PreparedSignalOdds {
  trials: number;
  seed: number;
  seedKey: number;
  /** Trials per block (blockTrialsFor the deal count); the last block may be shorter. */
  blockTrials: number;
  blockCount: number;
  stageCount: number;
  dealCount: number;
  quarterCount: number;
  /** Days from asOf to the first day after the horizon. */
  horizonDays: number;
  histogramBins: number;

  /**
   * Lognormal parameters by duration row: rows 0..S−1 are each stage's movers (`duration`), rows
   * S..2S−1 its losers (`lossDuration`, semantics 9); a stage without one uses its movers' row.
   */
  stageMu: Float64Array;
  stageSigma: Float64Array;
  /** The losers' duration row of each stage: S + j with a `lossDuration`, else j. */
  stageLossRow: Int32Array;
  /** Per duration row: the deals its parameters were fitted from (semantics 10), 0 when they are fixed. */
  rowSampleSize: Float64Array;
  /** Whether any row has a sample size, so trials must draw their own duration parameters. */
  durationsUncertain: boolean;
  /** 1 where a deal starting in the stage needs the general first-stage draw (losers' row or uncertain parameters). */
  stageGeneralStart: Uint8Array;
  stageConversion: Float64Array;
  /** Beta parameters of each stage's uncertain conversion rate; 0 where the rate is fixed. */
  stageBetaA: Float64Array;
  stageBetaB: Float64Array;
  stageKey: Int32Array;
  stageCostPerDay: Float64Array;
  stageEntryCost: Float64Array;
  /** Per-row quantile tables (see quantile-table.ts). */
  durationTable: Float32Array;

  dealStage: Int32Array;
  dealAmount: Float64Array;
  /** Days already spent in the current stage. */
  dealDaysIn: Float64Array;
  /** P(total time in stage > days already spent), for the movers' and the losers' lognormal. */
  dealSurvival: Float64Array;
  dealLossSurvival: Float64Array;
  /** log(S_loss(t) / S_move(t)) at the days already spent (semantics 9); 0 without a losers' time. */
  dealLogLossOverMove: Float64Array;
  dealKey: Int32Array;
  /** Forced close window of each deal, in day offsets from asOf: first day, and length in days (0: none). */
  dealWindowFrom: Int32Array;
  dealWindowDays: Int32Array;
  /** Tracked deals (see RunOptions.trackDeals): slot of each deal, −1 when not tracked. */
  dealTrackSlot: Int32Array;
  trackedCount: number;

  /** Shared shocks: stage index, day offset from asOf, delay in days, probability. */
  shockCount: number;
  shockStage: Int32Array;
  shockDay: Float64Array;
  shockDelay: Float64Array;
  shockProbability: Float64Array;

  /** Fiscal quarter index of each day offset within the horizon. */
  quarterOfDay: Uint8Array;
  /** Day offset from asOf of the first day after each quarter. */
  quarterEndDay: Float64Array;

  newPipeline: PreparedNewPipeline | null;
}

export interface PreparedNewPipeline {
  arrivalsPerDay: number;
  amountMu: number;
  amountSigma: number;
}
