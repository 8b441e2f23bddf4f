import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../model/dates.ts';
import { validateModel } from '../model/validate.ts';
import { fitHistory, NO_FILTERS } from './fit-history.ts';
import { syntheticHistory } from '../../tests/support/synthetic-history.ts';

const asOfDay = parseIsoDay('2026-11-23') ?? 0;
const truth = (() => {
  const checked = validateModel({
    version: 1,
    asOf: '2026-11-23',
    stages: [
      { id: 'pilot', name: 'Proof of concept', conversion: 0.55, duration: { median: 40, p90: 100 } },
      { id: 'procurement', name: 'Procurement', conversion: 0.8, duration: { median: 3, p90: 9 } },
    ],
    deals: [],
  });
  if (!checked.ok) throw new Error('model');
  return checked.value;
})();
const HISTORIES = 100;

describe('the fit’s 90% intervals', () => {
  it('cover the true conversion, median and P90 about 90% of the time over 100 seeded histories', () => {
    const covered = { conversion: 0, median: 0, p90: 0 };
    let checks = 0;
    for (let seed = 1; seed <= HISTORIES; seed++) {
      const history = syntheticHistory(truth, { deals: 160, asOfDay, years: 2, seed: 1000 + seed, amount: { median: 1e5, p90: 3e5 } });
      // A neutral prior worth the minimum 2 deals: the intervals then rest on the history alone.
      const fit = fitHistory(history, truth, { cutoffDay: asOfDay, priorSampleSize: 2, priorMeans: { pilot: 0.5, procurement: 0.5 }, filters: NO_FILTERS });
      for (const [j, stage] of truth.stages.entries()) {
        const f = fit.stages[j];
        const interval = f?.duration.interval;
        if (!f || !interval) throw new Error(`no fit for ${stage.id} in history ${seed}`);
        checks++;
        const inside = (value: number, [lo, hi]: readonly [number, number]) => value >= lo && value <= hi;
        if (inside(stage.conversion, f.conversion.interval)) covered.conversion++;
        if (inside(stage.duration.median, interval.median)) covered.median++;
        if (inside(stage.duration.p90, interval.p90)) covered.p90++;
      }
    }
    // 200 intervals of each kind (100 histories × 2 stages): if each covers with probability 0.9, the
    // share has a standard deviation of about 2.1 points, so 85–95% is a tolerance of about 2.4 of them.
    for (const [kind, count] of Object.entries(covered)) {
      expect(count / checks, kind).toBeGreaterThanOrEqual(0.85);
      expect(count / checks, kind).toBeLessThanOrEqual(0.95);
    }
  }, 300_000);
});
