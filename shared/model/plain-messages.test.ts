import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { validateModel } from './validate.ts';

const problemsOf = (input: unknown) => {
  const result = validateModel(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('plain messages', () => {
  it('say an empty text is empty, never "at least 1 characters long"', () => {
    const problems = problemsOf({ ...SAMPLE_WORKSPACE, stages: SAMPLE_WORKSPACE.stages.map((s, i) => (i === 0 ? { ...s, id: '', name: '' } : s)) });
    expect(problems).toEqual(expect.arrayContaining(['stages[0].id: must not be empty', 'stages[0].name: must not be empty']));
    expect(problems.join('\n')).not.toMatch(/characters long|1 characters/);
    expect(problemsOf({ ...SAMPLE_WORKSPACE, stages: [] })).toContain('stages: must not be empty');
  });

  it('refuse two stages of one name (whatever the case and spaces), naming the first', () => {
    const [first, second] = SAMPLE_WORKSPACE.stages;
    if (!first || !second) throw new Error('sample');
    const twin = { ...SAMPLE_WORKSPACE, stages: SAMPLE_WORKSPACE.stages.map((s, i) => (i === 1 ? { ...s, name: ` ${first.name.toUpperCase()} ` } : s)) };
    expect(problemsOf(twin)).toEqual(['stages[1].name: is also the name of stage 1; give each stage its own name']);
    expect(problemsOf(SAMPLE_WORKSPACE)).toEqual([]);
  });

  it('name a spread problem the way the editors do: typical and slow-case time, one day, many days', () => {
    const stages = SAMPLE_WORKSPACE.stages.map((s, i) => (i === 0 ? { ...s, duration: { median: 30, p90: 20 } } : s));
    expect(problemsOf({ ...SAMPLE_WORKSPACE, stages })).toEqual(['stages[0].duration: the slow-case time (P90, 20 days) must be more than the typical time (median, 30 days)']);
  });
});
