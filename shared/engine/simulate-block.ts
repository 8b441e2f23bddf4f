import { blockTrialRange, type Accumulator } from './accumulator.ts';
import { sampleBeta } from './beta.ts';
import { SALT } from './constants.ts';
import { normalQuantile } from './normal.ts';
import type { PreparedModel, PreparedNewPipeline } from './prepared.ts';
import { TABLE_STRIDE, tableQuantile, tableUpperQuantile } from './quantile-table.ts';
import { combineKeys, GOLDEN, hash32, Stream, uniformAt } from './random.ts';

/**
 * Simulates one block of trials into `acc`. The semantics, per trial:
 * 1. A deal in stage k that has spent t days there stays for a lognormal total time conditioned on > t
 *    (inverse CDF on the upper tail), minus t; later stages take unconditioned draws.
 * 2. On leaving a stage it advances with the trial's rate for that stage, otherwise it is lost then;
 *    advancing out of the last stage wins it then.
 * 3. Close day offset = floor(sum of remaining times); wins after the horizon go to the last column.
 * 4. Cost: cost per day × days spent after asOf, plus entry cost for stages entered after asOf.
 * 5. New pipeline arrives as a Poisson process over the horizon, enters the first stage on arrival.
 * 6. A deal with a forced close window that is won closes on a day drawn evenly from the window.
 * 7. Shared shocks fire per trial (with their probability, for all deals at once); a deal in the
 *    shock's stage on its date stays there the shock's delay longer, at that stage's cost per day.
 * Draw addressing: a deal's stage j uses draw 2j for its duration and 2j+1 for its conversion, and
 * draw 2S for its close window, so a deal uses the same random numbers whatever happens to other deals.
 */
export function simulateBlock(p: PreparedModel, block: number, acc: Accumulator): void {
  const S = p.stageCount;
  const costOffset = block * 2 * S;
  const [firstTrial, endTrial] = blockTrialRange(p, block);
  const trials = endTrial - firstTrial;

  // Trial-level draws first: each trial's key and its shared conversion rates.
  const blockKey = combineKeys(p.seedKey, (block + SALT.block) | 0);
  const trialKeys = new Int32Array(trials);
  const rates = new Float64Array(trials * S);
  const shocksActive = new Uint8Array(trials * p.shockCount);
  for (let t = 0; t < trials; t++) {
    trialKeys[t] = hash32((blockKey + Math.imul(t + 1, GOLDEN)) | 0);
    drawRates(p, trialKeys[t] as number, rates, t * S);
    drawShocks(p, trialKeys[t] as number, shocksActive, t * p.shockCount);
  }
  const totals: BlockTotals = {
    rates,
    shocksActive,
    durations: new Float64Array(S),
    costs: acc.blockCosts.subarray(costOffset, costOffset + S),
    lostCosts: acc.blockCosts.subarray(costOffset + S, costOffset + 2 * S),
    reached: acc.stageReached,
  };
  simulateExistingDeals(p, acc, totals, trialKeys, firstTrial);
  if (p.newPipeline) simulateNewPipeline(p, p.newPipeline, acc, totals, trialKeys, firstTrial);
  acc.blockDone[block] = 1;
}

/**
 * Deal-major within the block: a deal's histogram row stays in cache for all of the block's trials,
 * and the block's bookings rows are small. Each trial still adds deals in deal order, so the sums are
 * the same as a trial-major loop's, bit for bit.
 */
function simulateExistingDeals(p: PreparedModel, acc: Accumulator, totals: BlockTotals, trialKeys: Int32Array, firstTrial: number): void {
  const { costs, durations } = totals;
  const S = p.stageCount;
  const H = p.quarterCount;
  const columns = H + 1;
  const bins = p.histogramBins;
  const horizonDays = p.horizonDays;
  const trials = trialKeys.length;
  const { bookings, quarterWins, dealCloseHistogram, trackedQuarter } = acc;
  const { stageMu, stageSigma, durationTable, quarterOfDay } = p;
  const K = p.trackedCount;
  for (let i = 0; i < p.dealCount; i++) {
    const key = p.dealKey[i] as number;
    const k = p.dealStage[i] as number;
    const daysIn = p.dealDaysIn[i] as number;
    const survival = p.dealSurvival[i] as number;
    const amount = p.dealAmount[i] as number;
    const mu = stageMu[k] as number;
    const sigma = stageSigma[k] as number;
    const tableOffset = k * TABLE_STRIDE;
    const histogramRow = i * bins;
    const windowDays = p.dealWindowDays[i] as number;
    const windowFrom = p.dealWindowFrom[i] as number;
    const slot = p.dealTrackSlot[i] as number;
    for (let t = 0; t < trials; t++) {
      const base = hash32((trialKeys[t] as number) ^ key);
      const total = conditionalTotal(durationTable, tableOffset, mu, sigma, daysIn, survival, uniformAt(base, 2 * k));
      const time = walkStages(p, totals, costs, durations, base, k, Math.max(0, total - daysIn), 0, t, 0, -daysIn);
      if (time < 0) continue;
      const day = windowDays > 0 ? windowFrom + Math.floor(uniformAt(base, 2 * S) * windowDays) : Math.floor(time);
      const q = day < horizonDays ? (quarterOfDay[day] as number) : H;
      const cell = (firstTrial + t) * columns + q;
      bookings[cell] = (bookings[cell] as number) + amount;
      quarterWins[q] = (quarterWins[q] as number) + 1;
      if (slot >= 0) trackedQuarter[(firstTrial + t) * K + slot] = q;
      const bin = histogramRow + (day < horizonDays ? day : weeklyBin(day, horizonDays, bins));
      dealCloseHistogram[bin] = (dealCloseHistogram[bin] as number) + 1;
    }
  }
}

/** Deals not yet created: a Poisson process over the horizon; each enters the first stage on arrival. */
function simulateNewPipeline(
  p: PreparedModel,
  np: PreparedNewPipeline,
  acc: Accumulator,
  totals: BlockTotals,
  trialKeys: Int32Array,
  firstTrial: number,
): void {
  const H = p.quarterCount;
  const columns = H + 1;
  const { bookings, quarterWins } = acc;
  for (let t = 0; t < trialKeys.length; t++) {
    const arrivalsKey = combineKeys(trialKeys[t] as number, SALT.newPipeline);
    let arrival = 0;
    for (let n = 0; ; n++) {
      arrival -= Math.log(uniformAt(arrivalsKey, 2 * n)) / np.arrivalsPerDay;
      if (arrival >= p.horizonDays) break;
      const amount = Math.exp(np.amountMu + np.amountSigma * normalQuantile(uniformAt(arrivalsKey, 2 * n + 1)));
      const base = combineKeys(arrivalsKey, (n + SALT.newDeal) | 0);
      const first = tableQuantile(p.durationTable, 0, p.stageMu[0] as number, p.stageSigma[0] as number, uniformAt(base, 0));
      const time = walkStages(p, totals, totals.costs, totals.durations, base, 0, first, p.stageEntryCost[0] as number, t, arrival, 0);
      if (time < 0) continue;
      const day = Math.floor(arrival + time);
      const q = day < p.horizonDays ? (p.quarterOfDay[day] as number) : H;
      const cell = (firstTrial + t) * columns + q;
      bookings[cell] = (bookings[cell] as number) + amount;
      quarterWins[q] = (quarterWins[q] as number) + 1;
    }
  }
}

/** The block's cost sums and counters, shared by every deal the block walks. */
interface BlockTotals {
  rates: Float64Array;
  /** Per trial and shock: 1 when the shock happens in that trial. */
  shocksActive: Uint8Array;
  durations: Float64Array;
  costs: Float64Array;
  lostCosts: Float64Array;
  reached: Float64Array;
}

/**
 * Follows a deal from stage k (whose remaining time is `first`) to a win or a loss, adding its costs.
 * Returns the days to the win, or −1 when the deal is lost. Times are relative to `origin` (the deal's
 * day offset from asOf); the deal entered stage k at relative time `firstStart` (≤ 0). A plain top-level function taking typed
 * arrays, which the JIT inlines into the loops below (a closure here cost a third of the run time).
 */
function walkStages(
  p: PreparedModel,
  totals: BlockTotals,
  costs: Float64Array,
  durations: Float64Array,
  base: number,
  k: number,
  remaining: number,
  firstEntryCost: number,
  trial: number,
  origin: number,
  firstStart: number,
): number {
  const S = p.stageCount;
  const costPerDay = p.stageCostPerDay;
  const entryCost = p.stageEntryCost;
  const rates = totals.rates;
  const ratesOffset = trial * S;
  const reached = totals.reached;
  const shocked = p.shockCount > 0;
  const first = shocked ? remaining + shockDelay(p, totals.shocksActive, trial, k, origin + firstStart, origin + remaining) : remaining;
  const firstCost = (costPerDay[k] as number) * first + firstEntryCost;
  costs[k] = (costs[k] as number) + firstCost;
  reached[k] = (reached[k] as number) + 1;
  let total = first;
  let j = k;
  while (uniformAt(base, 2 * j + 1) < (rates[ratesOffset + j] as number)) {
    j++;
    reached[j] = (reached[j] as number) + 1;
    if (j === S) return total;
    const drawn = tableQuantile(p.durationTable, j * TABLE_STRIDE, p.stageMu[j] as number, p.stageSigma[j] as number, uniformAt(base, 2 * j));
    const d = shocked ? drawn + shockDelay(p, totals.shocksActive, trial, j, origin + total, origin + total + drawn) : drawn;
    durations[j] = d;
    total += d;
    costs[j] = (costs[j] as number) + (costPerDay[j] as number) * d + (entryCost[j] as number);
  }
  // Lost on leaving stage j: everything it cost counts as spent on a lost deal.
  const lostCosts = totals.lostCosts;
  lostCosts[k] = (lostCosts[k] as number) + firstCost;
  for (let m = k + 1; m <= j; m++) {
    lostCosts[m] = (lostCosts[m] as number) + (costPerDay[m] as number) * (durations[m] as number) + (entryCost[m] as number);
  }
  return -1;
}

/**
 * Total time in stage given more than `daysIn` days already spent: the quantile at upper-tail
 * probability survival × v, v uniform in (0, 1), which is inverse-CDF sampling on U(F(t), 1).
 */
function conditionalTotal(
  table: Float32Array,
  offset: number,
  mu: number,
  sigma: number,
  daysIn: number,
  survival: number,
  v: number,
): number {
  if (survival > 1e-280) return tableUpperQuantile(table, offset, mu, sigma, survival * v);
  // So far past the usual time that the tail probability underflows: Z − z0 given Z > z0 is
  // asymptotically exponential with rate z0 (Mills ratio), which stays finite and exact in the limit.
  const z0 = (Math.log(daysIn) - mu) / sigma;
  return Math.exp(mu + sigma * (z0 - Math.log(v) / z0));
}

/**
 * Extra days in stage j for a deal there from day `from` to day `to` (offsets from asOf): the delays
 * of the shocks of this trial that hit stage j on a day the deal is in it. Delays apply in date order
 * of the shocks, each extending the stay (so a later shock can catch a deal an earlier one held back).
 */
function shockDelay(p: PreparedModel, active: Uint8Array, trial: number, j: number, from: number, to: number): number {
  let end = to;
  const row = trial * p.shockCount;
  for (let s = 0; s < p.shockCount; s++) {
    if (active[row + s] === 0 || p.shockStage[s] !== j) continue;
    const day = p.shockDay[s] as number;
    if (from <= day && day < end) end += p.shockDelay[s] as number;
  }
  return end - to;
}

/** Each trial decides once whether each shock happens; every deal in the trial sees the same. */
function drawShocks(p: PreparedModel, trialKey: number, active: Uint8Array, offset: number): void {
  for (let s = 0; s < p.shockCount; s++) active[offset + s] = uniformAt(combineKeys(trialKey, SALT.shock), s) < (p.shockProbability[s] as number) ? 1 : 0;
}

/** Each trial draws every uncertain conversion rate once; all deals in the trial share it. */
function drawRates(p: PreparedModel, trialKey: number, rates: Float64Array, offset: number): void {
  for (let j = 0; j < p.stageCount; j++) {
    const a = p.stageBetaA[j] as number;
    rates[offset + j] = a > 0
      ? sampleBeta(a, p.stageBetaB[j] as number, new Stream(combineKeys(trialKey ^ SALT.rates, p.stageKey[j] as number)))
      : (p.stageConversion[j] as number);
  }
}

/** Past the horizon, close days go into weekly bins, and the last bin takes everything later. */
function weeklyBin(day: number, dailyBins: number, bins: number): number {
  return Math.min(bins - 1, dailyBins + Math.floor((day - dailyBins) / 7));
}
