import { describe, expect, it } from 'vitest';
import { threeStageModel } from '../../tests/support/test-models.ts';
import { validateModel } from './validate.ts';

const problemsOf = (input: unknown) => {
  const result = validateModel(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

/** What the engine cannot represent is refused with a plain sentence, before it can become NaN or a wrong date. */
describe('model bounds', () => {
  const model = threeStageModel();
  const withStage = (patch: Record<string, unknown>) => ({ ...model, stages: (model.stages ?? []).map((s, j) => (j === 0 ? { ...s, ...patch } : s)) });

  it('refuses a P90 a hair above the median, a P90 over 100 × the median, and a median below 0.01 days', () => {
    expect(problemsOf(withStage({ duration: { median: 30, p90: 30.000001 } }))).toEqual([
      'stages[0].duration: the slow-case time (P90, 30.000001 days) must be at least 1.01 × the typical time (median, 30 days); for a fixed time, widen it a little',
    ]);
    expect(problemsOf(withStage({ duration: { median: 1, p90: 101 } }))).toEqual(['stages[0].duration: the slow-case time (P90, 101 days) must be at most 100 × the typical time (median, 1 day)']);
    expect(problemsOf(withStage({ duration: { median: 1e-300, p90: 1 } }))).toEqual(['stages[0].duration.median: must be at least 0.01']);
    expect(problemsOf(withStage({ lossDuration: { median: 90, p90: 60 } }))).toEqual(['stages[0].lossDuration: the slow-case time (P90, 60 days) must be more than the typical time (median, 90 days)']);
    expect(problemsOf({ ...model, newPipeline: { dealsPerMonth: 1, amount: { median: 1, p90: 1e6 } } })).toEqual(['newPipeline.amount: the large size (P90, 1000000) must be at most 100 × the typical size (median, 1)']);
  });

  it('takes a losers’ time and a duration sample size of at least 2 deals', () => {
    expect(problemsOf(withStage({ lossDuration: { median: 90, p90: 200 }, durationSampleSize: 12 }))).toEqual([]);
    expect(problemsOf(withStage({ durationSampleSize: 1 }))).toEqual(['stages[0].durationSampleSize: must be at least 2']);
    expect(problemsOf(withStage({ durationSampleSize: 2e6 }))).toEqual(['stages[0].durationSampleSize: must be at most 1,000,000']);
  });

  it('takes dates from 1900 to 2200 only, so no year reaches calendar code that misreads it', () => {
    expect(problemsOf({ ...model, asOf: '0100-03-01' })).toContain('asOf: must be a date from 1900 to 2200');
    expect(problemsOf({ ...model, asOf: '9999-12-31' })).toContain('asOf: must be a date from 1900 to 2200');
    expect(problemsOf({ ...model, deals: [{ id: 'x', name: 'X', amount: 1, stage: 'exec', stageEnteredOn: '1899-12-31' }] })).toEqual(['deals[0].stageEnteredOn: must be a date from 1900 to 2200']);
    expect(problemsOf({ ...model, asOf: '2200-12-31' })).toEqual([]);
  });

  it('says a file from a newer app is from a newer app, and nothing else', () => {
    expect(problemsOf({ ...model, version: 2, somethingNew: true })).toEqual(['version: made by a newer version of the app (format 2); update to open it']);
    expect(problemsOf({ ...model, version: 0 })).toEqual(['version: must be 1']);
  });
});
