import { describe, expect, it } from 'vitest';
import { validateModel } from '../../shared/model/validate.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { readableModel } from '../../shared/workspace/readable-model.ts';
import { describeProblem } from './problem-text.ts';

/** The sample with edits that leave problems, read the way the app reads a saved workspace. */
function withProblems(change: Record<string, unknown>) {
  const read = readableModel({ ...SAMPLE_WORKSPACE, ...change });
  if (!read.ok) throw new Error('not readable');
  const checked = validateModel(read.value.document);
  return { model: read.value.document, problems: checked.ok ? [] : checked.problems };
}

describe('problems in plain sentences', () => {
  it('name the deal and the field as the user sees them, never a file path, and open the field', () => {
    const { model, problems } = withProblems({ asOf: '2026-09-01' });
    const zenith = problems.find((p) => model.deals[Number(/\d+/.exec(p.path)?.[0])]?.name === 'Zenith Financial');
    if (!zenith) throw new Error('no problem for Zenith Financial');
    const described = describeProblem(model, zenith);
    expect(described.text).toMatch(/^Zenith Financial: the stage date \(.+, 2026\) is after the as-of date \(Sep 1, 2026\)$/);
    expect(described.text).not.toMatch(/deals\[|stageEnteredOn/);
    expect(described.field).toEqual({ view: 'settings', label: 'Pipeline as of (YYYY-MM-DD)' });
  });

  it('say which target is on a day that starts no quarter and where its quarter starts', () => {
    const { model, problems } = withProblems({ fiscalYearStartMonth: 1 });
    const texts = problems.map((p) => describeProblem(model, p).text);
    expect(texts).toContain('The target dated Nov 1, 2026 is not on the first day of a fiscal quarter (that quarter starts Oct 1, 2026); move it to its quarter or remove it');
  });

  it('write long numbers with separators, name stages by their names, and fall back to the path for anything unknown', () => {
    const { model } = withProblems({});
    expect(describeProblem(model, { path: 'deals[0].amount', message: 'must be at most 1000000000000' })).toMatchObject({ text: 'Northwind Logistics: the amount must be at most 1,000,000,000,000', field: { view: 'pipeline', label: 'Northwind Logistics amount', dealId: 'D-1001' } });
    expect(describeProblem(model, { path: 'stages[2].conversion', message: 'must be at most 1' })).toMatchObject({ text: 'Proof of concept: the conversion must be at most 1', field: { view: 'model', label: 'Proof of concept conversion' } });
    expect(describeProblem(model, { path: 'mystery.field', message: 'is odd' })).toEqual({ text: 'mystery.field: is odd', field: null });
  });

  it('name a signal and its value, and a deal’s signal value, by the names the Signals section shows', () => {
    const base = withProblems({}).model;
    const signals = (base.signals ?? []).map((signal, i) => (i === 0 ? { ...signal, oddsRatios: { ...signal.oddsRatios, [signal.values[1] ?? '']: 0 } } : signal));
    const first = signals[0];
    if (!first) throw new Error('the sample has no signals');
    const deals = base.deals.map((deal, i) => (i === 0 ? { ...deal, signals: { [first.id]: 'not a value' } } : deal));
    const { model, problems } = withProblems({ signals, deals });
    const texts = problems.map((p) => describeProblem(model, p).text);
    expect(texts.some((t) => t.startsWith(`Signal “${first.name}”: the odds ratio of “${first.values[1] ?? ''}”`))).toBe(true);
    expect(texts.some((t) => t.startsWith(`${model.deals[0]?.name ?? ''}: the “${first.name}” value`))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(/signals\[|oddsRatios|signals\./);
  });
});
