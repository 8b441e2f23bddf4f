import { describe, expect, it } from 'vitest';
import type { DealForecast, ForecastResult } from '../engine/result-types.ts';
import { dealsCarryingQuarter } from './carrying-deals.ts';

// Only the fields the ranking reads are filled in; the casts say so.
const deal = (id: string, amount: number, pWinByQuarter: number[]) => ({ id, name: id, amount, pWinByQuarter }) as Partial<DealForecast> as DealForecast;

describe('deals that carry a quarter', () => {
  const result = { deals: [deal('small', 100, [0.9, 0]), deal('big', 1000, [0.2, 0.5]), deal('never', 5000, [0, 0.4]), deal('mid', 400, [0.5, 0])] } as Partial<ForecastResult> as ForecastResult;

  it('ranks by amount × chance of closing in the quarter and leaves out deals that cannot close in it', () => {
    expect(dealsCarryingQuarter(result, 0, 10).map((d) => [d.deal.id, d.expected])).toEqual([
      ['big', 200],
      ['mid', 200],
      ['small', 90],
    ]);
    expect(dealsCarryingQuarter(result, 1, 10).map((d) => d.deal.id)).toEqual(['never', 'big']);
  });

  it('keeps at most the limit', () => {
    expect(dealsCarryingQuarter(result, 0, 2)).toHaveLength(2);
  });
});
