import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../model/dates.ts';
import { MODEL_LIMITS as L } from '../model/limits.ts';
import { validateModel } from '../model/validate.ts';
import type { ForecastResult } from './result-types.ts';
import { runForecast } from './run.ts';

/**
 * Valid models at the edges of every bound (MODEL_LIMITS): the forecast is finite, ordered, and its
 * dates are real days. Thousands of generated models, one block of trials each.
 */
const firstDay = parseIsoDay(`${L.minYear}-01-01`) ?? 0;
const lastDay = parseIsoDay(`${L.maxYear}-12-31`) ?? 0;
const edge = (min: number, max: number) => fc.oneof(fc.constant(min), fc.constant(max), fc.double({ min, max, noNaN: true }));

const lognormalArbitrary = (min: number, max: number) =>
  fc
    .record({ median: edge(min, max / L.minSpreadRatio), ratio: edge(L.minSpreadRatio, L.maxSpreadRatio) })
    .map(({ median, ratio }) => ({ median, p90: Math.min(max, median * ratio) }))
    .filter(({ median, p90 }) => p90 >= median * L.minSpreadRatio);

const extremeModelArbitrary = fc
  .record({
    asOf: fc.oneof(fc.constant(firstDay), fc.constant(lastDay), fc.integer({ min: firstDay, max: lastDay })),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    horizonQuarters: fc.integer({ min: 1, max: L.maxHorizonQuarters }),
    stages: fc.array(
      fc.record({
        conversion: fc.oneof(fc.constant(1), fc.double({ min: 1e-9, max: 1, noNaN: true })),
        conversionSampleSize: fc.option(edge(1e-3, L.maxSampleSize), { nil: undefined }),
        duration: lognormalArbitrary(L.minDurationDays, L.maxDurationDays),
        lossDuration: fc.option(lognormalArbitrary(L.minDurationDays, L.maxDurationDays), { nil: undefined }),
        durationSampleSize: fc.option(edge(2, L.maxSampleSize), { nil: undefined }),
        costPerDay: edge(0, L.maxCost),
        entryCost: edge(0, L.maxCost),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    deals: fc.array(fc.record({ stage: fc.nat(), amount: edge(1e-6, L.maxAmount), daysIn: fc.integer({ min: 0, max: 120_000 }), window: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }) }), { maxLength: 5 }),
    newPipeline: fc.option(fc.record({ dealsPerMonth: edge(0, 2), amount: lognormalArbitrary(1e-6, L.maxAmount) }), { nil: undefined }),
    shock: fc.option(fc.record({ probability: edge(0, 1), stage: fc.nat(), inDays: fc.integer({ min: 0, max: 400 }), delayDays: fc.integer({ min: 1, max: L.maxShockDelayDays }) }), { nil: undefined }),
    target: fc.option(edge(0, L.maxAmount), { nil: undefined }),
  })
  .map((m) => {
    const stageId = (n: number) => `s${n % m.stages.length}`;
    const day = (n: number) => formatIsoDay(Math.min(lastDay, Math.max(firstDay, n)));
    return {
      version: 1,
      asOf: day(m.asOf),
      fiscalYearStartMonth: m.fiscalYearStartMonth,
      horizonQuarters: m.horizonQuarters,
      stages: m.stages.map((s, j) => ({
        id: `s${j}`,
        name: `Stage ${j}`,
        conversion: s.conversion,
        duration: s.duration,
        costPerDay: s.costPerDay,
        entryCost: s.entryCost,
        ...(s.conversionSampleSize !== undefined ? { conversionSampleSize: s.conversionSampleSize } : {}),
        ...(s.lossDuration ? { lossDuration: s.lossDuration } : {}),
        ...(s.durationSampleSize !== undefined ? { durationSampleSize: s.durationSampleSize } : {}),
      })),
      deals: m.deals.map((d, i) => ({
        id: `D${i}`,
        name: `Deal ${i}`,
        amount: d.amount,
        stage: stageId(d.stage),
        stageEnteredOn: day(m.asOf - d.daysIn),
        ...(d.window !== undefined && m.asOf + d.window <= lastDay ? { closeWindow: { from: day(m.asOf + d.window), to: day(Math.min(lastDay, m.asOf + d.window + 30)) } } : {}),
      })),
      ...(m.newPipeline ? { newPipeline: m.newPipeline } : {}),
      ...(m.shock && m.asOf + m.shock.inDays <= lastDay ? { shocks: [{ probability: m.shock.probability, stage: stageId(m.shock.stage), onDate: day(m.asOf + m.shock.inDays), delayDays: m.shock.delayDays }] } : {}),
    };
  });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (text: string) => ISO_DAY.test(text) && parseIsoDay(text) !== null;

/** Every number anywhere in the result is finite (null stands for "none", never NaN). */
function expectAllFinite(value: unknown, path: string): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
}

function expectSound(result: ForecastResult): void {
  expectAllFinite(result, 'result');
  const probability = (p: number | null) => p === null || (p >= 0 && p <= 1);
  for (const q of result.quarters) {
    expect(q.p10).toBeLessThanOrEqual(q.p50);
    expect(q.p50).toBeLessThanOrEqual(q.p90);
    expect(probability(q.pTarget)).toBe(true);
    expect(isRealDay(q.start) && isRealDay(q.end)).toBe(true);
    expect(q.spend).toBeGreaterThanOrEqual(0);
  }
  for (const d of result.deals) {
    expect(probability(d.pWin)).toBe(true);
    d.pWinByQuarter.forEach((p) => expect(probability(p)).toBe(true));
    expect(d.pWinByQuarter.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(d.pWin + 1e-9);
    if (d.closeDate) {
      const { p10, p50, p90 } = d.closeDate;
      expect([p10, p50, p90].every(isRealDay)).toBe(true);
      expect(p10 <= p50 && p50 <= p90).toBe(true);
    }
  }
  expect(probability(result.cac.fullCycle.winRate)).toBe(true);
  const funnel = result.funnel.map((f) => f.expectedDeals);
  for (let j = 1; j < funnel.length; j++) expect(funnel[j]).toBeLessThanOrEqual((funnel[j - 1] ?? 0) * (1 + 1e-12) + 1e-9);
}

describe('valid models at the edges of every bound', () => {
  it('give finite results, ordered percentiles, probabilities in [0, 1] and real ISO days', () => {
    fc.assert(
      fc.property(extremeModelArbitrary, fc.integer({ min: 0, max: 2 ** 31 }), (model, seed) => {
        const valid = validateModel(model);
        expect(valid.ok ? [] : valid.problems).toEqual([]);
        const run = runForecast(model, { trials: 250, seed });
        if (!run.ok) throw new Error(JSON.stringify(run.problems));
        expectSound(run.value);
      }),
      { numRuns: Number(process.env.EXTREME_RUNS ?? 2_000) },
    );
  }, 300_000);

  it('at the first and last supported years, quarters and close dates stay in their century', () => {
    for (const asOf of [`${L.minYear}-01-01`, `${L.maxYear}-12-31`]) {
      const run = runForecast(
        { version: 1, asOf, horizonQuarters: 12, stages: [{ id: 'a', name: 'A', conversion: 0.5, duration: { median: 30, p90: 90 } }], deals: [{ id: 'D', name: 'D', amount: 1, stage: 'a', stageEnteredOn: asOf }] },
        { trials: 500, seed: 1 },
      );
      if (!run.ok) throw new Error(JSON.stringify(run.problems));
      expectSound(run.value);
      const year = Number(asOf.slice(0, 4));
      expect(Number(run.value.quarters[0]?.start.slice(0, 4))).toBeGreaterThanOrEqual(year - 1);
      expect(Number(run.value.deals[0]?.closeDate?.p90.slice(0, 4))).toBeLessThan(year + 10);
    }
  });
});
