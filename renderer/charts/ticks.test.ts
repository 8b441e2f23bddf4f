import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks, ticksFromZero } from './ticks.ts';

/** A step is round when it is 1, 2 or 5 times a power of ten. */
function isRoundStep(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const mantissa = Math.round((step / power) * 1e6) / 1e6;
  return [1, 2, 5, 10].includes(mantissa);
}

describe('round axis ticks', () => {
  it('gives the ticks a reader expects for the charts that had odd ones', () => {
    // The tornado's 30% to 60% axis: no 38% or 53%.
    expect(niceTicks(0.3, 0.6, { minStep: 0.01 }).ticks).toEqual([0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]);
    expect(niceTicks(0.3, 0.6, { minStep: 0.01, maxTicks: 5 }).ticks).toEqual([0.3, 0.4, 0.5, 0.6]);
    // Days in a stage up to 108, 198 and 224: the axis ends on a round tick.
    expect(niceTicks(0, 108, { minStep: 1 })).toMatchObject({ domain: [0, 120], ticks: [0, 20, 40, 60, 80, 100, 120] });
    expect(niceTicks(0, 198, { minStep: 1 }).domain).toEqual([0, 200]);
    expect(niceTicks(0, 224, { minStep: 1 }).ticks).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticksFromZero([3_840_000, 2_100_000]).ticks).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
    expect(niceTicks(0, 0.034).ticks).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
  });

  it('keeps counts and days whole', () => {
    expect(niceTicks(0, 3, { minStep: 1 }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0, { minStep: 1 }).ticks).toEqual([0, 1]);
    // An empty workspace's amounts: all zero gives 0 and 1, not a billionth of a dollar.
    expect(ticksFromZero([0, 0, 0])).toEqual({ domain: [0, 1], ticks: [0, 1], step: 1 });
    expect(niceTicks(0, 0, { minStep: 0.01 }).ticks).toEqual([0, 1]);
  });

  it('is round, covers the data and stays within the tick budget, for any range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.integer({ min: 3, max: 12 }),
        (low, width, maxTicks) => {
          const high = low + width;
          const { ticks, domain, step } = niceTicks(low, high, { maxTicks });
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(maxTicks);
          expect(isRoundStep(step)).toBe(true);
          expect(domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
          // Covers the data, up to the last digit of a double (a tick is a rounded multiple of the step).
          const ulp = Math.max(Math.abs(low), Math.abs(high)) * 1e-12;
          expect(domain[0]).toBeLessThanOrEqual(low + ulp);
          expect(domain[1]).toBeGreaterThanOrEqual(high - ulp);
          for (const t of ticks) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6);
          for (let i = 1; i < ticks.length; i++) expect((ticks[i] as number) - (ticks[i - 1] as number)).toBeCloseTo(step, 6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never steps finer than asked', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        expect(niceTicks(a, b, { minStep: 0.01 }).step).toBeGreaterThanOrEqual(0.01);
      }),
    );
  });
});
