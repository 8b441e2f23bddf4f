import type { ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { starterSignals } from '../signals/starter-signals.ts';

/** How a new workspace starts: an empty top-down cycle to fill in, or a copy of the sample. */
export type WorkspaceStart = 'blank' | 'sample';

/**
 * A blank top-down cycle: the five usual stages with the sample's conversion and timing as a first
 * guess, and nothing that belongs to one company (no deals, no targets, no costs, no new pipeline).
 */
export function blankWorkspace(name: string, asOf: string): ForecastModelInput {
  return {
    version: 1,
    name,
    asOf,
    fiscalYearStartMonth: 1,
    horizonQuarters: 4,
    currency: 'USD',
    stages: SAMPLE_WORKSPACE.stages.map(({ id, name: stageName, conversion, conversionSampleSize, duration }) => ({ id, name: stageName, conversion, conversionSampleSize, duration, costPerDay: 0, entryCost: 0 })),
    deals: [],
    signals: starterSignals(SAMPLE_WORKSPACE.stages),
  };
}

export function startingDocument(start: WorkspaceStart, name: string, today: string): ForecastModelInput {
  return start === 'blank' ? blankWorkspace(name, today) : { ...SAMPLE_WORKSPACE, name };
}
