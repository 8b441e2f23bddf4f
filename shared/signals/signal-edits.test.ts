import { describe, expect, it } from 'vitest';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { addSignal, addStarterSignals, removeSignal, setDealSignal, setLogSd, setOddsRatio, setSignalValues } from './signal-edits.ts';

const checked = validateModel(SAMPLE_WORKSPACE);
if (!checked.ok) throw new Error('sample');
const sample = checked.value;
const valid = (model: unknown) => {
  const result = validateModel(model);
  return result.ok ? [] : result.problems;
};

describe('editing signals', () => {
  it('sets a deal to a value and back to the baseline, which it stores as no value', () => {
    const pilot = sample.signals?.[0];
    if (!pilot) throw new Error('starter');
    const passed = setDealSignal(sample, 3, pilot, 'passed');
    expect(passed.deals[3]?.signals).toEqual({ pilot: 'passed' });
    expect(setDealSignal(passed, 3, pilot, 'not run').deals[3]).toEqual(sample.deals[3]);
  });

  it('keeps the model valid through every edit: removed values and signals leave the deals too', () => {
    const pilot = sample.signals?.[0];
    if (!pilot) throw new Error('starter');
    let model = setDealSignal(sample, 0, pilot, 'mixed');
    model = setOddsRatio(model, 0, 'mixed', 0.8);
    model = setLogSd(model, 0, 'mixed', 0.4);
    expect(model.signals?.[0]).toMatchObject({ oddsRatios: { mixed: 0.8 }, logSd: { mixed: 0.4 } });
    const fewer = setSignalValues(model, 0, ['not run', 'passed', 'failed']);
    expect(fewer.deals[0]?.signals).toBeUndefined();
    expect(fewer.signals?.[0]?.oddsRatios).toEqual({});
    expect(fewer.signals?.[0]?.logSd).toBeUndefined();
    expect(valid(fewer)).toEqual([]);
    const removed = removeSignal(model, 0);
    expect(removed.signals?.map((s) => s.id)).toEqual(['sponsor', 'usage', 'early-security']);
    expect(removed.deals[0]?.signals).toBeUndefined();
    expect(valid(removed)).toEqual([]);
    expect(addStarterSignals(removed).signals?.map((s) => s.id)).toEqual(['sponsor', 'usage', 'early-security', 'pilot']);
    const champion = addSignal(addSignal(removed, 'Champion'), 'Champion');
    expect(champion.signals?.slice(-2).map((s) => s.id)).toEqual(['champion', 'champion-2']);
    expect(valid(champion)).toEqual([]);
  });
});
