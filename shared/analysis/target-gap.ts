import { MAX_TRACKED_DEALS } from '../engine/prepare.ts';
import type { Deal, ForecastModel } from '../model/schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { quarterMetric, simulateAgainstTarget, type AnalysisProgress, type AnalysisRunOptions } from './simulate.ts';

export interface PipelineNeeded {
  quarter: number;
  stageId: string;
  confidence: number;
  /** The size of each added deal: the average open deal. */
  dealAmount: number;
  pTargetNow: number;
  /** Deals to add (null: even MAX_ADDED_DEALS do not reach the confidence). */
  deals: number | null;
  /** The chance of reaching the target with that many deals added (or with the most tried). */
  pTargetWith: number;
}

export const MAX_ADDED_DEALS = 256;

/** The average size of the open deals (or of new pipeline when there are none). */
export function averageDealAmount(model: ForecastModel): number {
  if (model.deals.length > 0) return model.deals.reduce((sum, d) => sum + d.amount, 0) / model.deals.length;
  return model.newPipeline?.amount.median ?? 0;
}

const addedDeals = (model: ForecastModel, stageId: string, count: number, amount: number): Deal[] =>
  Array.from({ length: count }, (_, i) => ({ id: `added-pipeline-${i + 1}`, name: `Added deal ${i + 1}`, amount, stage: stageId, stageEnteredOn: model.asOf }));

/**
 * How much more pipeline, entering `stageId` today at the average deal size, brings the chance of
 * reaching a quarter's target to `confidence`: found by simulating (doubling, then bisecting the count
 * of added deals), so deal timing counts, not just expected value. Runs share their random numbers,
 * and added deals never change the draws of existing ones, so the chance rises with every deal added.
 */
export async function pipelineNeeded(
  model: ForecastModel,
  settings: { quarter: number; stageId: string; confidence: number },
  options: AnalysisRunOptions,
  onProgress?: AnalysisProgress,
): Promise<Result<PipelineNeeded>> {
  const { quarter, stageId, confidence } = settings;
  if (!model.stages.some((s) => s.id === stageId)) return fail([{ path: 'stage', message: `unknown stage "${stageId}"` }]);
  if (!(confidence > 0 && confidence < 1)) return fail([{ path: 'confidence', message: 'must be between 0% and 100%' }]);
  const amount = averageDealAmount(model);
  if (!(amount > 0)) return fail([{ path: 'deals', message: 'there are no deals or new pipeline to take a deal size from' }]);
  let runs = 0;
  const estimatedRuns = 2 * Math.log2(MAX_ADDED_DEALS) + 1;
  const chanceWith = async (count: number): Promise<Result<number>> => {
    const chance = await quarterMetric({ ...model, deals: [...model.deals, ...addedDeals(model, stageId, count, amount)] }, quarter, 'pTarget', options);
    onProgress?.(++runs, Math.max(runs, estimatedRuns));
    return chance;
  };
  const now = await chanceWith(0);
  if (!now.ok) return now;
  const done = (deals: number | null, pTargetWith: number) => ok({ quarter, stageId, confidence, dealAmount: amount, pTargetNow: now.value, deals, pTargetWith });
  if (now.value >= confidence) return done(0, now.value);
  let low = 0;
  let high = 1;
  let atHigh = await chanceWith(high);
  while (atHigh.ok && atHigh.value < confidence && high < MAX_ADDED_DEALS) {
    low = high;
    high = Math.min(MAX_ADDED_DEALS, high * 2);
    atHigh = await chanceWith(high);
  }
  if (!atHigh.ok) return atHigh;
  if (atHigh.value < confidence) return done(null, atHigh.value);
  let best = atHigh.value;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const at = await chanceWith(middle);
    if (!at.ok) return at;
    if (at.value >= confidence) {
      high = middle;
      best = at.value;
    } else low = middle;
  }
  return done(high, best);
}

export interface DealContribution {
  id: string;
  name: string;
  amount: number;
  /** Chance the deal is won in the quarter. */
  pWinInQuarter: number;
  /** Chance of reaching the target without this deal, and the drop from the chance with it. */
  pTargetWithout: number;
  drop: number;
}

/**
 * How much each deal carries a quarter: the chance of reaching the target without it, from one run
 * that records in which quarter the chosen deals were won in each trial. With common random numbers
 * removing a deal changes nothing else, so "without it" is exact for the same trials.
 */
export async function dealContributions(
  model: ForecastModel,
  quarter: number,
  dealIds: readonly string[],
  options: AnalysisRunOptions,
): Promise<Result<{ pTarget: number; deals: DealContribution[] }>> {
  const tracked = dealIds.slice(0, MAX_TRACKED_DEALS);
  const run = await simulateAgainstTarget(model, quarter, tracked, options);
  if (!run.ok) return run;
  const { sim, target, bookings, reached } = run.value;
  const trials = bookings.length;
  const K = sim.plan.prepared.trackedCount;
  const byId = new Map(model.deals.map((d) => [d.id, d]));
  const dealResults = new Map(sim.result.deals.map((d) => [d.id, d]));
  const deals = tracked.flatMap((id, slot) => {
    const deal = byId.get(id);
    if (!deal) return [];
    let without = 0;
    for (let t = 0; t < trials; t++) {
      const won = sim.acc.trackedQuarter[t * K + slot] === quarter;
      if ((bookings[t] as number) - (won ? deal.amount : 0) >= target) without++;
    }
    const pTargetWithout = without / trials;
    return [{ id, name: deal.name, amount: deal.amount, pWinInQuarter: dealResults.get(id)?.pWinByQuarter[quarter] ?? 0, pTargetWithout, drop: reached / trials - pTargetWithout }];
  });
  deals.sort((a, b) => b.drop - a.drop);
  return ok({ pTarget: reached / trials, deals });
}
