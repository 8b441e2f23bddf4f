import { describe, expect, it } from 'vitest';
import type { ForecastModel } from '../../shared/model/schema.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { benchmarkPipeline } from '../../cli/bench-pipeline.ts';
import { scopeForField } from './field-scope.ts';
import { problemAt } from './model-field.ts';

const valid = (input: unknown): ForecastModel => {
  const checked = validateModel(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
  return checked.value;
};

describe('checking a field while typing', () => {
  const model = valid(benchmarkPipeline(5000));
  const setDeal = (i: number, change: Record<string, unknown>): ForecastModel => ({ ...model, deals: model.deals.map((d, j) => (j === i ? { ...d, ...change } : d)) });

  it('reads only the part of the model the field’s rules need: one deal of 5,000 for a deal’s field', () => {
    expect(scopeForField(model, 'deals[4321].amount').model.deals).toHaveLength(1);
    expect(scopeForField(model, 'targets["2027-02-01"]').model.deals).toHaveLength(0);
    expect(scopeForField(model, 'asOf').model.deals).toHaveLength(5000);
  });

  it('says exactly what the whole-model validation says about that field', () => {
    for (const [change, path] of [
      [{ amount: -5 }, 'deals[4321].amount'],
      [{ stage: 'pilott' }, 'deals[4321].stage'],
      [{ stageEnteredOn: '2099-01-01' }, 'deals[4321].stageEnteredOn'],
      [{ id: model.deals[7]?.id }, 'deals[4321].id'],
    ] as const) {
      const candidate = setDeal(4321, change);
      const full = validateModel(candidate);
      const expected = full.ok ? null : (full.problems.find((p) => p.path === path)?.message ?? null);
      expect(expected).not.toBeNull();
      expect(problemAt(model, candidate, path)).toBe(expected);
    }
    expect(problemAt(model, setDeal(4321, { amount: 123_456 }), 'deals[4321].amount')).toBeNull();
  });

  it('refuses an edit that breaks another part, but never for a problem the model already had', () => {
    const earlier = { ...model, asOf: '2020-01-01' };
    expect(problemAt(model, earlier, 'asOf')).toMatch(/^would break another part of the model: .+: the stage date/);
    const broken = setDeal(10, { amount: 2e12 });
    expect(problemAt(broken, { ...broken, deals: broken.deals.map((d, j) => (j === 20 ? { ...d, amount: 5 } : d)) }, 'deals[20].amount')).toBeNull();
  });
});
