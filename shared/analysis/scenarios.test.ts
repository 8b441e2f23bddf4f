import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../engine/run.ts';
import type { ForecastResult } from '../engine/result-types.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';
import type { ForecastModel, Scenario } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { applyScenario } from '../scenarios/apply-scenario.ts';
import { describeScenario } from '../scenarios/describe-scenario.ts';
import { comparisonRows, dealChanges, runComparison } from './compare.ts';

const run = (model: unknown, trials = 1000, seed = 3): ForecastResult => {
  const result = runForecast(model, { trials, seed });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.value, meta: { ...result.value.meta, computeMs: 0 } };
};
const sample = validModel(SAMPLE_WORKSPACE);

describe('scenarios as overrides', () => {
  it('a scenario without overrides is the baseline, bit for bit', () => {
    const emptyScenario = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        name: fc.string({ minLength: 1, maxLength: 12 }),
        stages: fc.constant<Scenario['stages']>({}),
        deals: fc.constant<Scenario['deals']>({}),
        targets: fc.constant<Scenario['targets']>({}),
        shocks: fc.constant<Scenario['shocks']>([]),
      },
      { requiredKeys: ['id', 'name'] },
    );
    fc.assert(
      fc.property(emptyScenario, fc.integer({ min: 0, max: 1000 }), (generated, seed) => {
        const scenario = generated as Scenario;
        const baseline = { ...sample, scenarios: [scenario] };
        const applied = applyScenario(baseline, scenario);
        const { scenarios: _dropped, ...withoutScenarios } = baseline;
        expect(applied.model).toEqual(withoutScenarios);
        expect(run(applied.model, 250, seed)).toEqual(run(baseline, 250, seed));
      }),
      { numRuns: 12 },
    );
  });

  it('follows baseline edits except where it overrides them, and lists its overrides in plain words', () => {
    const scenario: Scenario = { id: 's', name: 'Faster pilots', stages: { pilot: { durationMedian: 36 } }, deals: { 'D-1019': { excluded: true } }, targets: { '2026-11-01': null } };
    const edited: ForecastModel = { ...sample, stages: sample.stages.map((s) => (s.id === 'pilot' ? { ...s, conversion: 0.7, duration: { median: 50, p90: 120 } } : s)) };
    const { model } = applyScenario(edited, scenario);
    const pilot = model.stages.find((s) => s.id === 'pilot');
    expect(pilot).toMatchObject({ conversion: 0.7, duration: { median: 36, p90: 120 } });
    expect(model.deals.some((d) => d.id === 'D-1019')).toBe(false);
    expect(model.targets?.['2026-11-01']).toBeUndefined();
    expect(describeScenario(edited, scenario)).toEqual([
      'Proof of concept: median 50 → 36 days',
      `${sample.deals.find((d) => d.id === 'D-1019')?.name}: left out`,
      'Target for the quarter from Nov 1, 2026: removed',
    ]);
  });

  it('reports overrides of deleted stages and deals instead of failing', () => {
    const applied = applyScenario(sample, { id: 's', name: 'Old', stages: { gone: { conversion: 0.5 } }, deals: { 'no-such-deal': { amount: 5 } } });
    expect(applied.ignored).toEqual(['stage "gone" is no longer in the model', 'deal "no-such-deal" is no longer in the pipeline']);
  });
});

describe('scenario comparison', () => {
  it('uses common random numbers: deals a scenario does not touch keep identical results', async () => {
    const baseline = validModel({ ...threeStageModel(), scenarios: [{ id: 'bigger', name: 'Gamma doubles', deals: { C: { amount: 800_000 } } }] });
    const [base, bigger] = await runComparison(baseline, ['baseline', 'bigger'], { trials: 2000, seed: 9 });
    if (!base?.result || !bigger?.result) throw new Error('runs failed');
    for (const id of ['A', 'B', 'D']) expect(bigger.result.deals.find((d) => d.id === id)).toEqual(base.result.deals.find((d) => d.id === id));
    const gamma = (r: ForecastResult) => r.deals.find((d) => d.id === 'C');
    expect(gamma(bigger.result)?.pWinByQuarter).toEqual(gamma(base.result)?.pWinByQuarter);
    const [, row] = comparisonRows([base, bigger], 0);
    expect(row?.deltaP50).toBeGreaterThanOrEqual(0);
    expect(dealChanges(base.result, bigger.result, 0)).toEqual([]);
  });

  it('shows per-deal changes of a scenario that leaves a deal out', async () => {
    const baseline = validModel({ ...threeStageModel(), scenarios: [{ id: 'lose-c', name: 'Gamma slips out', deals: { C: { excluded: true } } }] });
    const [base, other] = await runComparison(baseline, ['baseline', 'lose-c'], { trials: 1000, seed: 2 });
    if (!base?.result || !other?.result) throw new Error('runs failed');
    expect(dealChanges(base.result, other.result, 0).map((c) => [c.id, c.after])).toEqual([['C', 0]]);
  });
});
