import { blockCostWidth, blockTrialRange, type Accumulator } from './accumulator.ts';
import { sampleBeta } from './beta.ts';
import { logNormalLogSurvival, moveChanceFromLogRatio } from './competing-risks.ts';
import { BLOCK_TRIALS, MAX_DRAWN_STAGE_DAYS, SALT } from './constants.ts';
import { drawLogNormalParameters } from './duration-uncertainty.ts';
import { normalQuantile, normalSurvival } from './normal.ts';
import type { PreparedModel, PreparedNewPipeline } from './prepared.ts';
import { drawLogOdds, fillDealRates } from './signal-odds.ts';
import { TABLE_STRIDE, tableQuantile, tableUpperQuantile, zQuantile, zUpperQuantile } from './quantile-table.ts';
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
 * 9. A stage with a losers' time: whether the deal moves on is decided first (for a deal already t
 *    days in, with the chance a(t) of competing-risks.ts), then its time comes from the movers' or
 *    the losers' lognormal.
 * 10. A stage with a duration sample size: each trial draws its lognormal parameters once
 *    (duration-uncertainty.ts), shared by all the trial's deals.
 * 12. A deal with signals whose odds ratios are not 1 walks with its own rates (signal-odds.ts): the
 *    trial's rates with its odds multiplied from each signal's first stage on; every other deal
 *    walks with the trial's rates as they are.
 * Draw addressing: a deal's stage j uses draw 2j for its duration and 2j+1 for its conversion, and
 * draw 2S for its close window, so a deal uses the same random numbers whatever happens to other deals.
 */
export function simulateBlock(p: PreparedModel, block: number, acc: Accumulator): void {
  const S = p.stageCount;
  const costOffset = block * blockCostWidth(p);
  const [firstTrial, endTrial] = blockTrialRange(p, block);
  const trials = endTrial - firstTrial;

  // Trial-level draws first: each trial's key and its shared conversion rates. A trial's key
  // depends on its number alone (through groups of BLOCK_TRIALS, whatever this run's block size),
  // so pipelines of any size, and scenarios that add or drop deals, share their random numbers.
  const trialKeys = new Int32Array(trials);
  const rates = new Float64Array(trials * S);
  const shocksActive = new Uint8Array(trials * p.shockCount);
  const durationParameters = new Float64Array(p.durationsUncertain ? trials * 4 * S : 0);
  const logOdds = new Float64Array(trials * p.oddsPairCount);
  for (let t = 0; t < trials; t++) {
    trialKeys[t] = trialKey(p.seedKey, firstTrial + t);
    drawRates(p, trialKeys[t] as number, rates, t * S);
    drawShocks(p, trialKeys[t] as number, shocksActive, t * p.shockCount);
    if (p.durationsUncertain) drawDurationParameters(p, trialKeys[t] as number, durationParameters, t * 4 * S);
    if (p.oddsPairCount > 0) drawLogOdds(p, trialKeys[t] as number, logOdds, t * p.oddsPairCount);
  }
  const totals: BlockTotals = {
    rates,
    shocksActive,
    durationParameters,
    logOdds,
    durations: new Float64Array(S),
    costs: acc.blockCosts.subarray(costOffset, costOffset + S),
    lostCosts: acc.blockCosts.subarray(costOffset + S, costOffset + 2 * S),
    spend: acc.blockCosts.subarray(costOffset + 2 * S, costOffset + blockCostWidth(p)),
    reached: acc.stageReached,
    walks: createWalks(trials),
  };
  simulateExistingDeals(p, acc, totals, trialKeys, firstTrial);
  if (p.newPipeline) simulateNewPipeline(p, p.newPipeline, acc, totals, trialKeys, firstTrial);
  acc.blockDone[block] = 1;
}

/** Trial number `trial`'s random key: a hash of the seed, its group of BLOCK_TRIALS and its place in that group. */
function trialKey(seedKey: number, trial: number): number {
  const group = Math.floor(trial / BLOCK_TRIALS);
  return hash32((combineKeys(seedKey, (group + SALT.block) | 0) + Math.imul(trial - group * BLOCK_TRIALS + 1, GOLDEN)) | 0);
}

/**
 * Deal-major within the block: a deal's histogram row stays in cache for all of the block's trials,
 * and the block's bookings rows are small. Each trial still adds deals in deal order, so the sums are
 * the same as a trial-major loop's, bit for bit.
 */
function simulateExistingDeals(p: PreparedModel, acc: Accumulator, totals: BlockTotals, trialKeys: Int32Array, firstTrial: number): void {
  const S = p.stageCount;
  const H = p.quarterCount;
  const columns = H + 1;
  const bins = p.histogramBins;
  const horizonDays = p.horizonDays;
  const trials = trialKeys.length;
  const { bookings, quarterWins, dealCloseHistogram, trackedQuarter } = acc;
  const { stageMu, stageSigma, durationTable, quarterOfDay } = p;
  const K = p.trackedCount;
  const walks = reserveWalks(totals, trials);
  // Semantics 12: deals with odds walk with their own rates, filled per deal; the others with the trial's.
  const oddsTotals = p.oddsPairCount > 0 ? { ...totals, rates: new Float64Array(totals.rates.length) } : totals;
  for (let i = 0; i < p.dealCount; i++) {
    const withOdds = (p.dealOddsStart[i + 1] as number) > (p.dealOddsStart[i] as number);
    if (withOdds) fillDealRates(p, S, totals.rates, totals.logOdds, i, oddsTotals.rates);
    const dealTotals = withOdds ? oddsTotals : totals;
    const rates = dealTotals.rates;
    const key = p.dealKey[i] as number;
    const k = p.dealStage[i] as number;
    const general = p.stageGeneralStart[k] === 1;
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
      let rate = rates[t * S + k] as number;
      let total: number;
      if (general) {
        rate = startMoveChance(p, dealTotals, t, i, k, rate);
        total = startTotal(p, dealTotals, t, i, uniformAt(base, 2 * k + 1) < rate ? k : (p.stageLossRow[k] as number), uniformAt(base, 2 * k));
      } else {
        total = conditionalTotal(durationTable, tableOffset, mu, sigma, daysIn, survival, uniformAt(base, 2 * k));
      }
      walks.base[t] = base;
      walks.trial[t] = t;
      walks.remaining[t] = Math.max(0, total - daysIn);
      walks.origin[t] = 0;
      walks.firstStart[t] = -daysIn;
      walks.firstRate[t] = rate;
    }
    walkStages(p, dealTotals, walks, trials, k, 0);
    for (let t = 0; t < trials; t++) {
      const time = walks.time[t] as number;
      if (time < 0) continue;
      const day = windowDays > 0 ? windowFrom + Math.floor(uniformAt(walks.base[t] as number, 2 * S) * windowDays) : Math.floor(time);
      const q = columnOfDay(quarterOfDay, horizonDays, H, day);
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
    let count = 0;
    for (let n = 0; ; n++) {
      arrival -= Math.log(uniformAt(arrivalsKey, 2 * n)) / np.arrivalsPerDay;
      if (arrival >= p.horizonDays) break;
      const base = combineKeys(arrivalsKey, (n + SALT.newDeal) | 0);
      const rate = totals.rates[t * p.stageCount] as number;
      const walks = reserveWalks(totals, count + 1);
      walks.amount[count] = Math.exp(np.amountMu + np.amountSigma * normalQuantile(uniformAt(arrivalsKey, 2 * n + 1)));
      walks.base[count] = base;
      walks.trial[count] = t;
      walks.remaining[count] = drawTime(p, totals, t, uniformAt(base, 1) < rate ? 0 : (p.stageLossRow[0] as number), uniformAt(base, 0));
      walks.origin[count] = arrival;
      walks.firstStart[count] = 0;
      walks.firstRate[count] = rate;
      count++;
    }
    const walks = totals.walks;
    walkStages(p, totals, walks, count, 0, p.stageEntryCost[0] as number);
    for (let w = 0; w < count; w++) {
      const time = walks.time[w] as number;
      if (time < 0) continue;
      const day = Math.floor((walks.origin[w] as number) + time);
      const q = columnOfDay(p.quarterOfDay, p.horizonDays, H, day);
      const cell = (firstTrial + t) * columns + q;
      bookings[cell] = (bookings[cell] as number) + (walks.amount[w] as number);
      quarterWins[q] = (quarterWins[q] as number) + 1;
    }
  }
}

/** The block's cost sums and counters, shared by every deal the block walks. */
interface BlockTotals {
  rates: Float64Array;
  /** Per trial and shock: 1 when the shock happens in that trial. */
  shocksActive: Uint8Array;
  /** Per trial and duration row (2S of them): the trial's μ* and σ* (semantics 10); empty when no row is uncertain. */
  durationParameters: Float64Array;
  /** Per trial and signal-value pair: the trial's ln odds ratio (semantics 12); empty without pairs. */
  logOdds: Float64Array;
  durations: Float64Array;
  costs: Float64Array;
  lostCosts: Float64Array;
  /** Cost by the quarter it is spent in (+ beyond the horizon). */
  spend: Float64Array;
  reached: Float64Array;
  walks: Walks;
}

/**
 * Walks handed to walkStages together, one entry each: its random stream, its trial, the time left
 * in its first stage, its day offset from asOf (origin), when it entered its first stage relative to
 * the origin (≤ 0), and its chance to move on from there; `amount` is a new deal's size (unused for
 * open deals). walkStages writes each walk's days to the win, or −1 when lost, into `time`.
 */
interface Walks {
  base: Int32Array;
  trial: Int32Array;
  remaining: Float64Array;
  origin: Float64Array;
  firstStart: Float64Array;
  firstRate: Float64Array;
  amount: Float64Array;
  time: Float64Array;
}

function createWalks(capacity: number): Walks {
  return {
    base: new Int32Array(capacity),
    trial: new Int32Array(capacity),
    remaining: new Float64Array(capacity),
    origin: new Float64Array(capacity),
    firstStart: new Float64Array(capacity),
    firstRate: new Float64Array(capacity),
    amount: new Float64Array(capacity),
    time: new Float64Array(capacity),
  };
}

/** The block's walks with room for at least `count`, keeping what they hold. */
function reserveWalks(totals: BlockTotals, count: number): Walks {
  const old = totals.walks;
  if (old.base.length >= count) return old;
  const walks = createWalks(Math.max(count, 2 * old.base.length));
  walks.base.set(old.base);
  walks.trial.set(old.trial);
  walks.remaining.set(old.remaining);
  walks.origin.set(old.origin);
  walks.firstStart.set(old.firstStart);
  walks.firstRate.set(old.firstRate);
  walks.amount.set(old.amount);
  walks.time.set(old.time);
  totals.walks = walks;
  return walks;
}

/**
 * Follows each of the first `count` walks from stage k (all of the batch start there; the first
 * stage's entry cost is `firstEntryCost`) to a win or a loss, adding its costs, and writes its days to
 * the win, or −1 when lost, into `walks.time`. Times are relative to the walk's origin; it moves on
 * from stage k with its first rate (the trial's rate, or a(t) for a deal that has waited, semantics 9);
 * its time in each later stage is drawn once it is known whether it moves on from there. Walks are
 * handed over in batches (a deal's trials, a trial's new deals) so that this hot loop is one function
 * the JIT compiles whole, with its small helpers inlined: called once per deal and trial, it was too
 * big to be inlined into its callers, and the call with its fractional arguments cost a third of a run.
 */
function walkStages(p: PreparedModel, totals: BlockTotals, walks: Walks, count: number, k: number, firstEntryCost: number): void {
  const S = p.stageCount;
  const costPerDay = p.stageCostPerDay;
  const entryCost = p.stageEntryCost;
  const lossRow = p.stageLossRow;
  const { rates, reached, costs, lostCosts, durations, spend, shocksActive } = totals;
  const shocked = p.shockCount > 0;
  const H = p.quarterCount;
  // Read once per batch rather than per stage: this loop is most of a run's time.
  const { rowSampleSize, durationTable, stageMu, stageSigma, quarterOfDay, quarterEndDay, horizonDays } = p;
  const { base: bases, trial: trials, remaining: remainings, origin: origins, firstStart, firstRate, time } = walks;
  for (let w = 0; w < count; w++) {
    const base = bases[w] as number;
    const trial = trials[w] as number;
    const remaining = remainings[w] as number;
    const origin = origins[w] as number;
    const ratesOffset = trial * S;
    const first = shocked ? remaining + shockDelay(p, shocksActive, trial, k, origin + (firstStart[w] as number), origin + remaining) : remaining;
    const firstCost = (costPerDay[k] as number) * first + firstEntryCost;
    costs[k] = (costs[k] as number) + firstCost;
    let q = addSpend(spend, quarterEndDay, columnOfDay(quarterOfDay, horizonDays, H, origin), origin, origin + first, costPerDay[k] as number, firstEntryCost);
    reached[k] = (reached[k] as number) + 1;
    let total = first;
    let j = k;
    let moves = uniformAt(base, 2 * k + 1) < (firstRate[w] as number);
    let won = false;
    while (moves) {
      j++;
      reached[j] = (reached[j] as number) + 1;
      if (j === S) {
        won = true;
        break;
      }
      moves = uniformAt(base, 2 * j + 1) < (rates[ratesOffset + j] as number);
      const row = moves ? j : (lossRow[j] as number);
      const u = uniformAt(base, 2 * j);
      // drawTime, with the fixed rows' table lookup written out to use the arrays read above.
      const drawn = rowSampleSize[row] === 0 ? tableQuantile(durationTable, row * TABLE_STRIDE, stageMu[row] as number, stageSigma[row] as number, u) : drawTime(p, totals, trial, row, u);
      const d = shocked ? drawn + shockDelay(p, shocksActive, trial, j, origin + total, origin + total + drawn) : drawn;
      durations[j] = d;
      costs[j] = (costs[j] as number) + (costPerDay[j] as number) * d + (entryCost[j] as number);
      // The stay ends where the next one starts, to the last bit (origin + (total + d)), so the column carried over is that start's.
      q = addSpend(spend, quarterEndDay, q, origin + total, origin + (total + d), costPerDay[j] as number, entryCost[j] as number);
      total += d;
    }
    if (won) {
      time[w] = total;
      continue;
    }
    // Lost on leaving stage j: everything it cost counts as spent on a lost deal.
    lostCosts[k] = (lostCosts[k] as number) + firstCost;
    for (let m = k + 1; m <= j; m++) {
      lostCosts[m] = (lostCosts[m] as number) + (costPerDay[m] as number) * (durations[m] as number) + (entryCost[m] as number);
    }
    time[w] = -1;
  }
}

/**
 * Adds a stay from day `from` to day `to` (offsets from asOf, from ≥ 0) to the quarters it falls in:
 * the entry cost on its first day, the cost per day over the days in each quarter. `spend` has a
 * column per quarter (quarterEndDay) and one for beyond the horizon. `quarter` is the column of day
 * `from`; the column of day `to` is returned, where the walk's next stay starts. Carrying the quarter
 * from stay to stay, instead of looking up each stay's first day, made the whole walk about 9% faster.
 * A stay that ends exactly on a quarter's end moves on to the next column (adding 0 there), as a
 * lookup of that day would.
 */
function addSpend(spend: Float64Array, quarterEndDay: Float64Array, quarter: number, from: number, to: number, perDay: number, entry: number): number {
  const H = quarterEndDay.length;
  let q = quarter;
  spend[q] = (spend[q] as number) + entry;
  let start = from;
  // The test in the loop's condition, not a break inside it: with the break, the JIT boxed `start`
  // as a new heap number on every call (hundreds of MB per run).
  while (q < H && to >= (quarterEndDay[q] as number)) {
    const end = quarterEndDay[q] as number;
    spend[q] = (spend[q] as number) + perDay * (end - start);
    start = end;
    q++;
  }
  spend[q] = (spend[q] as number) + perDay * (to - start);
  return q;
}

/** The bookings or spend column of day offset `day` (≥ 0): its quarter's, or the last one, beyond the horizon. */
function columnOfDay(quarterOfDay: Uint8Array, horizonDays: number, beyond: number, day: number): number {
  return day < horizonDays ? (quarterOfDay[day | 0] as number) : beyond;
}

/** An unconditioned time in a stage from duration row `row` (movers or losers), at lower-tail probability u. */
function drawTime(p: PreparedModel, totals: BlockTotals, trial: number, row: number, u: number): number {
  if (p.rowSampleSize[row] === 0) return tableQuantile(p.durationTable, row * TABLE_STRIDE, p.stageMu[row] as number, p.stageSigma[row] as number, u);
  const at = (trial * 2 * p.stageCount + row) * 2;
  const params = totals.durationParameters;
  return Math.min(MAX_DRAWN_STAGE_DAYS, Math.exp((params[at] as number) + (params[at + 1] as number) * zQuantile(u)));
}

/** The trial's lognormal of a duration row: the trial's own draw where the row is uncertain (semantics 10). */
function rowMuSigma(p: PreparedModel, totals: BlockTotals, trial: number, row: number): [number, number] {
  if (p.rowSampleSize[row] === 0) return [p.stageMu[row] as number, p.stageSigma[row] as number];
  const at = (trial * 2 * p.stageCount + row) * 2;
  return [totals.durationParameters[at] as number, totals.durationParameters[at + 1] as number];
}

/** Semantics 9: the chance that deal i, t days into stage k, moves on, given the trial's rate for k. */
function startMoveChance(p: PreparedModel, totals: BlockTotals, trial: number, deal: number, k: number, rate: number): number {
  const lossRow = p.stageLossRow[k] as number;
  if (lossRow === k) return rate;
  if (!p.durationsUncertain) return moveChanceFromLogRatio(rate, p.dealLogLossOverMove[deal] as number);
  const daysIn = p.dealDaysIn[deal] as number;
  const [moveMu, moveSigma] = rowMuSigma(p, totals, trial, k);
  const [lossMu, lossSigma] = rowMuSigma(p, totals, trial, lossRow);
  return moveChanceFromLogRatio(rate, logNormalLogSurvival({ mu: lossMu, sigma: lossSigma }, daysIn) - logNormalLogSurvival({ mu: moveMu, sigma: moveSigma }, daysIn));
}

/** Total time in its first stage of deal i from duration row `row`, conditioned on the days already spent. */
function startTotal(p: PreparedModel, totals: BlockTotals, trial: number, deal: number, row: number, v: number): number {
  const daysIn = p.dealDaysIn[deal] as number;
  if (p.rowSampleSize[row] === 0) {
    const survival = (row === p.dealStage[deal] ? p.dealSurvival[deal] : p.dealLossSurvival[deal]) as number;
    return conditionalTotal(p.durationTable, row * TABLE_STRIDE, p.stageMu[row] as number, p.stageSigma[row] as number, daysIn, survival, v);
  }
  const [mu, sigma] = rowMuSigma(p, totals, trial, row);
  const survival = daysIn > 0 ? normalSurvival((Math.log(daysIn) - mu) / sigma) : 1;
  if (survival > 1e-280) return Math.min(MAX_DRAWN_STAGE_DAYS, Math.exp(mu + sigma * zUpperQuantile(survival * v)));
  const z0 = (Math.log(daysIn) - mu) / sigma;
  return Math.min(MAX_DRAWN_STAGE_DAYS, Math.exp(mu + sigma * (z0 - Math.log(v) / z0)));
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

/** Each trial draws the parameters of every uncertain duration row once; all deals in the trial share them. */
function drawDurationParameters(p: PreparedModel, trialKey: number, out: Float64Array, offset: number): void {
  const S = p.stageCount;
  for (let row = 0; row < 2 * S; row++) {
    const n = p.rowSampleSize[row] as number;
    if (n === 0) continue;
    const salt = row < S ? SALT.durations : SALT.lossDurations;
    const stream = new Stream(combineKeys(trialKey ^ salt, p.stageKey[row % S] as number));
    drawLogNormalParameters(p.stageMu[row] as number, p.stageSigma[row] as number, n, stream, out, offset + 2 * row);
  }
}

/** Past the horizon, close days go into weekly bins, and the last bin takes everything later. */
function weeklyBin(day: number, dailyBins: number, bins: number): number {
  return Math.min(bins - 1, dailyBins + Math.floor((day - dailyBins) / 7));
}
