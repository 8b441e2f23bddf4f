import { describe, expect, it } from 'vitest';
import { referenceSimulate } from '../../tests/support/reference-simulator.ts';
import { validateModel } from '../model/validate.ts';
import type { ForecastModel, ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { runForecast } from './run.ts';
import { meanAndSd } from './statistics.ts';

const valid = (input: ForecastModelInput): ForecastModel => {
  const result = validateModel(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.value;
};

const BOOKED = [
  { id: 'W-1', name: 'Meridian Bank - Renewal', amount: 300_000, closedOn: '2026-11-12' },
  { id: 'W-2', name: 'Polaris Media', amount: 200_000, closedOn: '2026-11-23' },
  // Closed in the previous quarter: already counted there, not in any forecast quarter.
  { id: 'W-3', name: 'Acme Corp', amount: 999_000, closedOn: '2026-10-31' },
];

describe('bookings already closed won', () => {
  it('with no open deals, every figure of the quarter is exactly what is booked (closed form)', () => {
    const model = valid({ ...SAMPLE_WORKSPACE, deals: [], newPipeline: undefined, closedWon: BOOKED, targets: { '2026-11-01': 400_000, '2027-02-01': 1 } });
    const result = runForecast(model, { trials: 1_000, seed: 3 });
    if (!result.ok) throw new Error('run failed');
    const [current, next] = result.value.quarters;
    expect(current).toMatchObject({ booked: 500_000, mean: 500_000, sd: 0, p10: 500_000, p50: 500_000, p90: 500_000, expectedWins: 2, pTarget: 1 });
    expect(next).toMatchObject({ booked: 0, mean: 0, pTarget: 0, expectedWins: 0 });
    const higher = runForecast({ ...model, targets: { '2026-11-01': 500_001 } }, { trials: 1_000, seed: 3 });
    expect(higher.ok && higher.value.quarters[0]?.pTarget).toBe(0);
  });

  it('adds the booked amount to every trial: percentiles shift by it, the spread does not change', () => {
    const base = valid(SAMPLE_WORKSPACE);
    const without = runForecast(base, { trials: 5_000, seed: 8 });
    const withBooked = runForecast({ ...base, closedWon: BOOKED }, { trials: 5_000, seed: 8 });
    if (!without.ok || !withBooked.ok) throw new Error('run failed');
    const [a, b] = [without.value.quarters[0], withBooked.value.quarters[0]];
    if (!a || !b) throw new Error('no quarter');
    for (const key of ['mean', 'p10', 'p50', 'p90'] as const) expect(b[key] - a[key]).toBeCloseTo(500_000, 4);
    expect(b.sd).toBeCloseTo(a.sd, 4);
    expect(b.expectedWins - a.expectedWins).toBeCloseTo(2, 9);
    expect(b.pTarget ?? 0).toBeGreaterThan(a.pTarget ?? 0);
    expect(withBooked.value.quarters.slice(1)).toEqual(without.value.quarters.slice(1));
  });

  it('agrees with the reference simulator on the chance of reaching the target', () => {
    const model = valid({ ...SAMPLE_WORKSPACE, closedWon: BOOKED });
    const trials = 10_000;
    const engine = runForecast(model, { trials, seed: 5 });
    if (!engine.ok) throw new Error('run failed');
    const reference = referenceSimulate(model, trials, 77);
    engine.value.quarters.forEach((q, i) => {
      const values = reference.quarterBookings[i] ?? [];
      const ref = meanAndSd(values);
      expect(Math.abs(q.mean - ref.mean)).toBeLessThan(5 * Math.sqrt(q.se ** 2 + (ref.sd / Math.sqrt(trials)) ** 2));
      if (q.target === null || q.pTarget === null) return;
      const target = q.target;
      const refP = values.filter((v) => v >= target).length / trials;
      expect(Math.abs(q.pTarget - refP)).toBeLessThan(5 * Math.sqrt((2 * refP * (1 - refP)) / trials) + 1e-3);
    });
  });

  it('refuses a booked deal closed after the as-of date, and repeated booked ids', () => {
    const result = validateModel({ ...SAMPLE_WORKSPACE, closedWon: [BOOKED[0], { ...BOOKED[0], closedOn: '2026-12-01' }] });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'closedWon[1].id', message: 'duplicate deal id "W-1" (also closedWon[0])' },
      { path: 'closedWon[1].closedOn', message: '2026-12-01 is after the as-of date 2026-11-23 (a booked deal has closed)' },
    ]);
  });
});
