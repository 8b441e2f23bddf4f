import { formatPath } from '../../../shared/model/problem-path.ts';
import type { Scenario, Shock } from '../../../shared/model/schema.ts';

type StageOverride = NonNullable<Scenario['stages']>[string];
type DealOverride = NonNullable<Scenario['deals']>[string];
type PipelineOverride = NonNullable<Scenario['newPipeline']>;

/** A field of one scenario, as the segments of its place in the workspace file. */
export type ScenarioField =
  | readonly ['name']
  | readonly ['stages', string, keyof StageOverride]
  | readonly ['deals', string, keyof DealOverride]
  | readonly ['newPipeline', keyof PipelineOverride]
  | readonly ['targets', string]
  | readonly ['shocks', number, keyof Shock];

/**
 * The path the validator gives a scenario field's problems, e.g. `scenarios[0].targets["2026-11-01"]`:
 * built by the validator's own formatter, so a field finds its problems whatever its keys look like.
 */
export const scenarioFieldPath = (scenarioIndex: number, field: ScenarioField): string => formatPath(['scenarios', scenarioIndex, ...field]);
