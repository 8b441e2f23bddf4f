import type { DealForecast, ForecastResult } from '../engine/result-types.ts';

/** An open deal with what it is expected to bring into one quarter. */
export interface CarryingDeal {
  deal: DealForecast;
  /** Chance that it closes won in the quarter. */
  chance: number;
  /** Expected bookings in the quarter: amount × chance. */
  expected: number;
}

/**
 * The deals that carry a quarter: largest expected bookings in it first, at most `limit`, leaving out
 * deals that cannot close in it. The forecast screen lists them and the target view measures them.
 */
export function dealsCarryingQuarter(result: ForecastResult, quarter: number, limit: number): CarryingDeal[] {
  return result.deals
    .map((deal) => {
      const chance = deal.pWinByQuarter[quarter] ?? 0;
      return { deal, chance, expected: deal.amount * chance };
    })
    .filter((d) => d.chance > 0)
    .sort((a, b) => b.expected - a.expected)
    .slice(0, limit);
}
