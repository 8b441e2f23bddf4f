import { describe, expect, it } from 'vitest';
import { validateModel } from '../model/validate.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { comparedScenarioIds, withCompared } from './compared.ts';

const checked = validateModel({ ...SAMPLE_WORKSPACE, scenarios: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id.toUpperCase() })) });
if (!checked.ok) throw new Error('model');
const model = checked.value;

describe('scenarios ticked for comparison', () => {
  it('default to the baseline and the first scenarios, up to four', () => {
    expect(comparedScenarioIds(model)).toEqual(['baseline', 'a', 'b', 'c']);
  });

  it('are kept in the workspace, survive a save and a read, and forget deleted scenarios', () => {
    const ticked = withCompared(withCompared(model, 'a', false), 'e', true);
    expect(comparedScenarioIds(ticked)).toEqual(['baseline', 'b', 'c', 'e']);
    const reread = validateModel(JSON.parse(JSON.stringify(ticked)));
    expect(reread.ok && comparedScenarioIds(reread.value)).toEqual(['baseline', 'b', 'c', 'e']);
    expect(comparedScenarioIds({ ...ticked, scenarios: ticked.scenarios?.filter((s) => s.id !== 'c') })).toEqual(['baseline', 'b', 'e']);
    expect(comparedScenarioIds(withCompared(ticked, 'baseline', false))).toEqual(['b', 'c', 'e']);
  });

  it('never exceed four: a fifth tick is refused', () => {
    expect(comparedScenarioIds(withCompared(model, 'e', true))).toEqual(['baseline', 'a', 'b', 'c']);
  });
});
