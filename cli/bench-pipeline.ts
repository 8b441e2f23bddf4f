import { formatIsoDay, parseIsoDay } from '../shared/model/dates.ts';
import type { ForecastModelInput } from '../shared/model/schema.ts';
import { logNormalFromMedianP90, logNormalQuantile } from '../shared/engine/lognormal.ts';
import { hash32, uniformAt } from '../shared/engine/random.ts';

const STAGES = [
  { id: 'discovery', name: 'Discovery', conversion: 0.55, duration: { median: 21, p90: 60 }, costPerDay: 120, entryCost: 0 },
  { id: 'exec-pitch', name: 'Executive presentation', conversion: 0.65, duration: { median: 30, p90: 75 }, costPerDay: 180, entryCost: 4000 },
  { id: 'pilot', name: 'Proof of concept', conversion: 0.6, duration: { median: 45, p90: 110 }, costPerDay: 450, entryCost: 15000 },
  { id: 'security', name: 'Security review', conversion: 0.85, duration: { median: 28, p90: 80 }, costPerDay: 90, entryCost: 2000 },
  { id: 'procurement', name: 'Procurement', conversion: 0.9, duration: { median: 35, p90: 100 }, costPerDay: 60, entryCost: 1000 },
];

/**
 * A seeded benchmark pipeline: `count` open deals spread evenly over five top-down stages, with
 * time already spent in stage and amounts like a real enterprise pipeline. Fixed conversion rates
 * and no new pipeline, so a plain reference loop can run exactly the same model.
 */
export function benchmarkPipeline(count = 1000, seed = 1): ForecastModelInput {
  const asOf = '2026-11-23';
  const asOfDay = parseIsoDay(asOf) ?? 0;
  const key = hash32(seed);
  const amount = logNormalFromMedianP90(125_000, 370_000);
  return {
    version: 1,
    asOf,
    fiscalYearStartMonth: 2,
    horizonQuarters: 6,
    currency: 'USD',
    stages: STAGES,
    deals: Array.from({ length: count }, (_, i) => {
      const stage = STAGES[Math.floor(uniformAt(key, 4 * i) * STAGES.length)] ?? STAGES[0]!;
      const typical = logNormalQuantile(logNormalFromMedianP90(stage.duration.median, stage.duration.p90), uniformAt(key, 4 * i + 1));
      const daysIn = Math.floor(typical * uniformAt(key, 4 * i + 2));
      return {
        id: `D-${String(i + 1).padStart(5, '0')}`,
        name: `Account ${i + 1}`,
        amount: Math.round(logNormalQuantile(amount, uniformAt(key, 4 * i + 3)) / 100) * 100,
        stage: stage.id,
        stageEnteredOn: formatIsoDay(asOfDay - daysIn),
      };
    }),
  };
}
