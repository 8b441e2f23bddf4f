import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted, quantilesOf } from './statistics.ts';

const PS = [0.9, 0.1, 0.5, 0.25, 0.75, 0.99, 0, 1];

describe('quantilesOf', () => {
  it('gives exactly the quantiles of the sorted values, in the order asked', () => {
    // Small value sets make many ties, as trial totals of distant quarters (mostly zero) have.
    const value = fc.oneof(fc.integer({ min: 0, max: 5 }).map((v) => v * 100_000), fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0)); // + 0: no -0, which sorts before 0 but compares equal;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.subarray(PS, { minLength: 1 }), (list, ps) => {
        const sorted = Float64Array.from(list).sort();
        expect(quantilesOf(Float64Array.from(list), ps)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('handles no values, one value and all-equal values', () => {
    expect(quantilesOf(new Float64Array(0), [0.5])).toEqual([0]);
    expect(quantilesOf(Float64Array.of(7), [0.1, 0.9])).toEqual([7, 7]);
    expect(quantilesOf(new Float64Array(10_000).fill(3), [0.1, 0.5, 0.9])).toEqual([3, 3, 3]);
  });
});
