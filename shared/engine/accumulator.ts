import type { PreparedModel } from './prepared.ts';

/**
 * What a run collects. Memory grows with trials + deals × bins, never trials × deals: per-trial figures
 * are quarter totals, and per-deal figures are counts and close-date histograms.
 * Integer counts add up in any order; floating-point cost sums are kept per block and added in block
 * order at the end, so a seed gives bit-identical results however blocks were spread over workers.
 */
export interface Accumulator {
  /** Bookings per trial and quarter (quarterCount + 1 columns; the last is beyond the horizon). */
  bookings: Float64Array;
  /** Wins per quarter (+ beyond), all deals including new pipeline. */
  quarterWins: Float64Array;
  /**
   * Close-day histogram per existing deal (won trials only): daily bins over the horizon, then weekly
   * bins, then one overflow bin. A deal's wins per quarter are sums over its daily bins.
   */
  dealCloseHistogram: Uint32Array;
  /** Deals that reached each stage (+ Closed Won), existing and new. */
  stageReached: Float64Array;
  /**
   * Per block (blockCostWidth values): cost by stage, then cost of deals that ended lost by stage,
   * then cost by the quarter it is spent in (quarterCount + 1 columns; the last is beyond the horizon).
   */
  blockCosts: Float64Array;
  /** 1 for each block that has been simulated. */
  blockDone: Uint8Array;
  /** Per trial and tracked deal: the quarter column it was won in, or −1 when lost. */
  trackedQuarter: Int8Array;
}

/** Columns of `bookings` per trial: one per quarter of the horizon, then one for beyond it. */
export const bookingColumns = (p: PreparedModel): number => p.quarterCount + 1;

/** Where a trial's bookings in one quarter column sit in `bookings` (trials are rows). */
export const bookingCell = (p: PreparedModel, trial: number, column: number): number => trial * (p.quarterCount + 1) + column;

/** A trial's simulated bookings in one quarter column (without what is already booked). */
export const trialBookings = (acc: Accumulator, p: PreparedModel, trial: number, column: number): number => acc.bookings[bookingCell(p, trial, column)] as number;

export function createAccumulator(p: PreparedModel): Accumulator {
  return {
    bookings: new Float64Array(p.trials * bookingColumns(p)),
    quarterWins: new Float64Array(bookingColumns(p)),
    dealCloseHistogram: new Uint32Array(p.dealCount * p.histogramBins),
    stageReached: new Float64Array(p.stageCount + 1),
    blockCosts: new Float64Array(p.blockCount * blockCostWidth(p)),
    blockDone: new Uint8Array(p.blockCount),
    trackedQuarter: new Int8Array(p.trials * p.trackedCount).fill(-1),
  };
}

/** Whether `acc` has the shape of `p`'s accumulators (so it can be cleared and used for a run of `p`). */
export function accumulatorFits(acc: Accumulator, p: PreparedModel): boolean {
  const fresh = { bookings: p.trials * bookingColumns(p), quarterWins: bookingColumns(p), dealCloseHistogram: p.dealCount * p.histogramBins, stageReached: p.stageCount + 1, blockCosts: p.blockCount * blockCostWidth(p), blockDone: p.blockCount, trackedQuarter: p.trials * p.trackedCount };
  return (Object.keys(fresh) as (keyof typeof fresh)[]).every((key) => acc[key].length === fresh[key]);
}

/** Makes `acc` what createAccumulator returns: nothing simulated yet. */
export function clearAccumulator(acc: Accumulator): void {
  for (const array of [acc.bookings, acc.quarterWins, acc.dealCloseHistogram, acc.stageReached, acc.blockCosts, acc.blockDone]) array.fill(0);
  acc.trackedQuarter.fill(-1);
}

/** Adds `from` (blocks no other accumulator has simulated) into `into`. */
export function mergeAccumulator(into: Accumulator, from: Accumulator, p: PreparedModel): void {
  addInto(into.quarterWins, from.quarterWins);
  addInto(into.dealCloseHistogram, from.dealCloseHistogram);
  addInto(into.stageReached, from.stageReached);
  const costWidth = blockCostWidth(p);
  for (let b = 0; b < p.blockCount; b++) {
    if (!from.blockDone[b]) continue;
    if (into.blockDone[b]) throw new Error(`block ${b} was simulated twice`);
    into.blockDone[b] = 1;
    into.blockCosts.set(from.blockCosts.subarray(b * costWidth, (b + 1) * costWidth), b * costWidth);
    const [first, last] = blockTrialRange(p, b);
    into.bookings.set(from.bookings.subarray(bookingCell(p, first, 0), bookingCell(p, last, 0)), bookingCell(p, first, 0));
    const K = p.trackedCount;
    if (K > 0) into.trackedQuarter.set(from.trackedQuarter.subarray(first * K, last * K), first * K);
  }
}

function addInto(into: Float64Array | Uint32Array, from: Float64Array | Uint32Array): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}

/** Values per block in `blockCosts`. */
export function blockCostWidth(p: PreparedModel): number {
  return 2 * p.stageCount + p.quarterCount + 1;
}

/** First and one-past-last trial of a block. */
export function blockTrialRange(p: PreparedModel, block: number): [number, number] {
  return [block * p.blockTrials, Math.min(p.trials, (block + 1) * p.blockTrials)];
}
