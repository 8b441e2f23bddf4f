import type { ForecastModel, ForecastModelInput } from '../../shared/model/schema.ts';
import { validateModel } from '../../shared/model/validate.ts';

/** Small models with known answers, for engine tests. */
export function oneStageModel(overrides: Partial<ForecastModelInput> = {}): ForecastModelInput {
  return {
    version: 1,
    asOf: '2026-11-23',
    fiscalYearStartMonth: 2,
    horizonQuarters: 4,
    currency: 'USD',
    stages: [{ id: 'only', name: 'Only stage', conversion: 0.5, duration: { median: 30, p90: 90 }, costPerDay: 100, entryCost: 1000 }],
    deals: [{ id: 'D-1', name: 'Acme', amount: 100_000, stage: 'only', stageEnteredOn: '2026-11-23' }],
    ...overrides,
  };
}

export function threeStageModel(): ForecastModelInput {
  return {
    version: 1,
    asOf: '2026-11-23',
    fiscalYearStartMonth: 2,
    horizonQuarters: 6,
    currency: 'USD',
    stages: [
      { id: 'exec', name: 'Executive presentation', conversion: 0.6, duration: { median: 20, p90: 50 }, costPerDay: 200, entryCost: 3000 },
      { id: 'pilot', name: 'Proof of concept', conversion: 0.5, duration: { median: 45, p90: 110 }, costPerDay: 400, entryCost: 15000 },
      { id: 'procurement', name: 'Procurement', conversion: 0.8, duration: { median: 30, p90: 90 }, costPerDay: 50, entryCost: 1000 },
    ],
    deals: [
      { id: 'A', name: 'Alpha', amount: 100_000, stage: 'exec', stageEnteredOn: '2026-11-01' },
      { id: 'B', name: 'Beta', amount: 250_000, stage: 'pilot', stageEnteredOn: '2026-09-10', owner: 'Sam' },
      { id: 'C', name: 'Gamma', amount: 400_000, stage: 'procurement', stageEnteredOn: '2026-11-20' },
      { id: 'D', name: 'Delta', amount: 80_000, stage: 'procurement', stageEnteredOn: '2026-04-01' },
    ],
    targets: { '2026-11-01': 300_000 },
  };
}

/** A model for a test that must be valid; throws with the problems when it is not. */
export function validModel(input: unknown): ForecastModel {
  const checked = validateModel(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}
