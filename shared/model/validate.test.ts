import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { threeStageModel } from '../../tests/support/test-models.ts';
import { validateModel } from './validate.ts';

const problemsOf = (input: unknown) => {
  const result = validateModel(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('validateModel', () => {
  it('accepts the sample workspace and applies defaults', () => {
    const result = validateModel(SAMPLE_WORKSPACE);
    expect(result.ok).toBe(true);
    const minimal = validateModel({ version: 1, asOf: '2026-11-23', stages: [{ id: 's', name: 'S', conversion: 1, duration: { median: 1, p90: 2 } }], deals: [] });
    expect(minimal.ok && minimal.value).toMatchObject({ fiscalYearStartMonth: 1, horizonQuarters: 4, currency: 'USD', stages: [{ costPerDay: 0, entryCost: 0 }] });
  });

  it('names the deal and the stage when a deal is in an unknown stage', () => {
    const model = threeStageModel();
    const deals = model.deals.map((d, i) => (i === 3 ? { ...d, stage: 'pilott' } : d));
    expect(problemsOf({ ...model, deals })).toEqual([
      'deals[3].stage: unknown stage "pilott" (the stages are "exec", "pilot", "procurement")',
    ]);
  });

  it('reports every problem at once, with paths', () => {
    const model = threeStageModel();
    const broken = {
      ...model,
      horizonQuarters: 13,
      stages: [{ ...model.stages[0], conversion: 1.2, duration: { median: 40, p90: 30 } }, ...model.stages.slice(1)],
    };
    expect(problemsOf(broken)).toEqual([
      'horizonQuarters: must be at most 12',
      'stages[0].conversion: must be at most 1',
      'stages[0].duration: the slow-case time (P90, 30 days) must be more than the typical time (median, 40 days)',
    ]);
    const crossField = { ...model, stages: [{ ...model.stages[0], duration: { median: 40, p90: 30 } }, ...model.stages.slice(1)] };
    expect(problemsOf(crossField)).toEqual(['stages[0].duration: the slow-case time (P90, 30 days) must be more than the typical time (median, 40 days)']);
  });

  it('checks ids, dates and targets across fields', () => {
    const model = threeStageModel();
    const deals = [...model.deals, { ...model.deals[0], stageEnteredOn: '2026-12-01' }];
    expect(problemsOf({ ...model, deals })).toEqual([
      'deals[4].id: duplicate deal id "A" (also deals[0])',
      'deals[4].stageEnteredOn: 2026-12-01 is after the as-of date 2026-11-23',
    ]);
    expect(problemsOf({ ...model, targets: { '2027-02-15': 10 } })).toEqual([
      'targets["2027-02-15"]: 2027-02-15 is not the first day of a fiscal quarter (that quarter starts 2027-02-01)',
    ]);
    expect(problemsOf({ ...model, asOf: '2026-02-30' })).toEqual(['asOf: must be a calendar date written YYYY-MM-DD']);
  });

  it('keeps unknown deal fields and rejects unknown top-level fields', () => {
    const result = validateModel(threeStageModel());
    expect(result.ok && result.value.deals[1]).toMatchObject({ owner: 'Sam' });
    expect(problemsOf({ ...threeStageModel(), horizonQuarter: 4 })).toEqual(['horizonQuarter: is not a known field (check the spelling)']);
    expect(problemsOf({ ...threeStageModel(), currency: undefined, horizonQuarters: '4' })).toEqual(['horizonQuarters: must be a number']);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => validateModel(value)).not.toThrow();
        expect(validateModel(value).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid model with any one field replaced by anything', () => {
    const base = threeStageModel() as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        const result = validateModel({ ...base, [key]: value });
        if (!result.ok) for (const p of result.problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
