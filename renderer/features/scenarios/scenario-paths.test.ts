import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../../shared/sample/sample-workspace.ts';
import { scenarioFieldPath } from './scenario-paths.ts';

const problemPaths = (scenario: object) => {
  const checked = validateModel({ ...SAMPLE_WORKSPACE, scenarios: [{ id: 's1', name: 'Upside', ...scenario }] });
  return checked.ok ? [] : checked.problems.map((p) => p.path);
};

describe('scenario field paths', () => {
  it('name a target, a stage override and a deal override the way the validator names their problems', () => {
    const stageId = SAMPLE_WORKSPACE.stages[0]?.id ?? '';
    const dealId = SAMPLE_WORKSPACE.deals[0]?.id ?? '';
    expect(problemPaths({ targets: { '2026-11-01': -5 } })).toContain(scenarioFieldPath(0, ['targets', '2026-11-01']));
    expect(problemPaths({ stages: { [stageId]: { conversion: 7 } } })).toContain(scenarioFieldPath(0, ['stages', stageId, 'conversion']));
    expect(problemPaths({ deals: { [dealId]: { amount: -1 } } })).toContain(scenarioFieldPath(0, ['deals', dealId, 'amount']));
    expect(problemPaths({ newPipeline: { dealsPerMonth: -1 } })).toContain(scenarioFieldPath(0, ['newPipeline', 'dealsPerMonth']));
  });

  it('quotes keys that are not plain names, as the validator does', () => {
    expect(scenarioFieldPath(2, ['targets', '2026-11-01'])).toBe('scenarios[2].targets["2026-11-01"]');
    expect(scenarioFieldPath(0, ['shocks', 1, 'delayDays'])).toBe('scenarios[0].shocks[1].delayDays');
  });
});
