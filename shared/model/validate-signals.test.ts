import { describe, expect, it } from 'vitest';
import { threeStageModel } from '../../tests/support/test-models.ts';
import { starterSignals } from '../signals/starter-signals.ts';
import { validateModel } from './validate.ts';

const problemsOf = (input: unknown) => {
  const result = validateModel(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};
const pilot = { id: 'pilot', name: 'Practitioner pilot', values: ['not run', 'passed', 'failed'], baseline: 'not run', appliesFrom: 'procurement', oddsRatios: { passed: 3 } };

describe('signals in the model', () => {
  it('accepts the starter set on the usual cycle, and files without signals as before', () => {
    const model = threeStageModel();
    expect(problemsOf(model)).toEqual([]);
    const signals = starterSignals((model.stages ?? []).map((s) => ({ id: s.id, name: s.name })));
    expect(signals.map((s) => [s.id, s.appliesFrom])).toEqual([['pilot', 'procurement'], ['sponsor', 'exec'], ['usage', 'exec'], ['early-security', 'exec']]);
    expect(problemsOf({ ...model, signals, deals: (model.deals ?? []).map((d) => ({ ...d, signals: { pilot: 'passed', sponsor: 'yes' } })) })).toEqual([]);
  });

  it('names the field and says why when a signal does not fit together', () => {
    const model = threeStageModel();
    const broken = {
      ...model,
      signals: [
        { ...pilot, baseline: 'unknown', appliesFrom: 'pilott', oddsRatios: { passed: 0, won: 2 }, logSd: { passed: 4 } },
        { ...pilot, values: ['yes', 'yes'], baseline: 'yes', oddsRatios: { yes: 2 } },
      ],
      deals: (model.deals ?? []).map((d, i) => (i === 0 ? { ...d, signals: { pilot: 'maybe', champion: 'yes' } } : d)),
    };
    expect(problemsOf(broken)).toEqual([
      'signals[0].oddsRatios.passed: must be at least 0.001',
      'signals[0].logSd.passed: must be at most 3',
      'signals[0].baseline: "unknown" is not one of the values ("not run", "passed", "failed")',
      'signals[0].appliesFrom: unknown stage "pilott" (the stages are "exec", "pilot", "procurement")',
      'signals[0].oddsRatios.won: "won" is not one of the values ("not run", "passed", "failed")',
      'signals[1].id: duplicate signal id "pilot"',
      'signals[1].values[1]: "yes" is listed twice',
      'signals[1].oddsRatios.yes: the baseline\'s odds ratio is exactly 1 by definition (here 2)',
      'deals[0].signals.pilot: "maybe" is not one of the values ("not run", "passed", "failed")',
      'deals[0].signals.champion: unknown signal "champion" (the signals are "pilot")',
    ]);
  });

  it('allows at most 10 signals', () => {
    const model = threeStageModel();
    const signals = Array.from({ length: 11 }, (_, i) => ({ ...pilot, id: `s${i}` }));
    expect(problemsOf({ ...model, signals })).toContain('signals: must have at most 10 items');
  });
});
