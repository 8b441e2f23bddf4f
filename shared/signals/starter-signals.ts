import type { ForecastModelInput, Signal, Stage } from '../model/schema.ts';

/**
 * The signals that matter in a top-down cycle, as a starting point: every odds ratio is 1, so adding
 * them changes no forecast until the VP sets the ratios or accepts a fit from history. Stages are
 * found by name (a proof of concept, a security review) in the workspace's own cycle.
 */
export function starterSignals(stages: readonly Pick<Stage, 'id' | 'name'>[]): Signal[] {
  const first = stages[0]?.id ?? '';
  const find = (pattern: RegExp) => stages.findIndex((s) => pattern.test(s.name) || pattern.test(s.id));
  const pilot = find(/proof of concept|\bpoc\b|pilot/i);
  // The pilot's result is known once it is over: it moves the odds from the stage after it on.
  const afterPilot = pilot >= 0 ? (stages[Math.min(pilot + 1, stages.length - 1)]?.id ?? first) : first;
  const security = find(/security/i);
  const securityStage = security >= 0 ? (stages[security]?.id ?? first) : first;
  return [
    { id: 'pilot', name: 'Practitioner pilot', values: ['not run', 'passed', 'mixed', 'failed'], baseline: 'not run', appliesFrom: afterPilot, oddsRatios: {} },
    { id: 'sponsor', name: 'Executive sponsor engaged', values: ['no', 'yes'], baseline: 'no', appliesFrom: first, oddsRatios: {} },
    { id: 'usage', name: 'Bottom-up usage in the account', values: ['none', 'active'], baseline: 'none', appliesFrom: first, oddsRatios: {} },
    { id: 'early-security', name: 'Security review started early', values: ['no', 'yes'], baseline: 'no', appliesFrom: securityStage, oddsRatios: {} },
  ];
}

/** A model with the starter signals added (for a new workspace or the sample). */
export function withStarterSignals<M extends ForecastModelInput>(model: M): M {
  return { ...model, signals: starterSignals(model.stages) };
}
