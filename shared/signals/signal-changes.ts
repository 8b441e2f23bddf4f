import { MAX_TRACKED_DEALS } from '../engine/prepare.ts';
import type { Deal, ForecastModel } from '../model/schema.ts';
import { ok, type Result } from '../result.ts';
import { simulate, simulateAgainstTarget, type AnalysisProgress, type AnalysisRunOptions } from '../analysis/simulate.ts';

export interface SignalChange {
  dealId: string;
  dealName: string;
  signalId: string;
  signalName: string;
  from: string;
  to: string;
  /** The chance of reaching the quarter's target with this one change, and the change in points (0–1). */
  pTargetWith: number;
  gain: number;
}

/** How many of the largest open deals are tried (each is tracked in the base run). */
export const SIGNAL_CHANGE_DEALS = 30;

/**
 * Which single signal change at one deal raises the chance of reaching a quarter's target most
 * (getting a passed pilot at Acme: +4 points). Only changes to a value with higher odds are tried.
 * Computed on the same simulated futures: the base run records in which quarter each tried deal was
 * won in each trial; each change reruns that deal alone with the same seed, and since a deal's random
 * numbers (and the trial's shared rates, shocks and odds ratios) do not depend on the other deals,
 * its new outcome replaces its old one trial by trial — exactly what a full rerun would give.
 */
export async function signalChanges(model: ForecastModel, quarter: number, options: AnalysisRunOptions, onProgress?: AnalysisProgress): Promise<Result<{ pTarget: number; changes: SignalChange[] }>> {
  const signals = model.signals ?? [];
  const ratio = (signalId: string, value: string) => signals.find((s) => s.id === signalId)?.oddsRatios[value] ?? 1;
  const candidates = [...model.deals].sort((a, b) => b.amount - a.amount).slice(0, Math.min(SIGNAL_CHANGE_DEALS, MAX_TRACKED_DEALS));
  const tries = candidates.flatMap((deal) =>
    signals.flatMap((signal) => {
      const from = deal.signals?.[signal.id] ?? signal.baseline;
      return signal.values.filter((to) => ratio(signal.id, to) > ratio(signal.id, from)).map((to) => ({ deal, signal, from, to }));
    }),
  );
  const run = await simulateAgainstTarget(model, quarter, candidates.map((d) => d.id), options);
  if (!run.ok) return run;
  const { sim: base, target, bookings, reached } = run.value;
  const trials = bookings.length;
  const K = base.plan.prepared.trackedCount;
  const changes: SignalChange[] = [];
  for (const [n, { deal, signal, from, to }] of tries.entries()) {
    const slot = candidates.indexOf(deal);
    const changed: Deal = { ...deal, signals: { ...deal.signals, [signal.id]: to } };
    // The deal alone, with everything the trial shares (rates, shocks, odds ratios) kept.
    const alone = await simulate({ ...model, deals: [changed], closedWon: [], newPipeline: undefined }, { ...options, trackDeals: [deal.id] });
    if (!alone.ok) return alone;
    let count = 0;
    for (let t = 0; t < trials; t++) {
      const before = base.acc.trackedQuarter[t * K + slot] === quarter ? deal.amount : 0;
      const after = alone.value.acc.trackedQuarter[t] === quarter ? deal.amount : 0;
      if ((bookings[t] as number) - before + after >= target) count++;
    }
    changes.push({ dealId: deal.id, dealName: deal.name, signalId: signal.id, signalName: signal.name, from, to, pTargetWith: count / trials, gain: (count - reached) / trials });
    onProgress?.(n + 1, tries.length);
  }
  changes.sort((a, b) => b.gain - a.gain);
  return ok({ pTarget: reached / trials, changes });
}
