import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { retargetForFiscalYear } from './fiscal-targets.ts';
import type { ForecastModel } from './schema.ts';
import { validateModel } from './validate.ts';

const sample = (): ForecastModel => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('sample');
  return checked.value;
};

describe('changing the fiscal year start', () => {
  it('moves every target to the quarter that now contains its old start, and the model stays valid', () => {
    const model = { ...sample(), targets: { '2026-11-01': 4_000_000, '2027-02-01': 5_000_000, '2027-05-01': 6_000_000 } };
    const { model: next, moved, merged } = retargetForFiscalYear(model, 1);
    expect(next.fiscalYearStartMonth).toBe(1);
    expect(next.targets).toEqual({ '2026-10-01': 4_000_000, '2027-01-01': 5_000_000, '2027-04-01': 6_000_000 });
    expect(moved.map((m) => `${m.from}→${m.to} ${m.label}`)).toEqual(['2026-11-01→2026-10-01 FY2026 Q4', '2027-02-01→2027-01-01 FY2027 Q1', '2027-05-01→2027-04-01 FY2027 Q2']);
    expect(merged).toEqual([]);
    expect(validateModel(next).ok).toBe(true);
  });

  it('adds targets that land in one quarter together and says which, and leaves a model without targets alone', () => {
    const model = { ...sample(), fiscalYearStartMonth: 1, targets: { '2027-01-01': 1_000_000, '2027-02-01': 500_000 } };
    const { model: next, merged } = retargetForFiscalYear(model, 1);
    expect(next.targets).toEqual({ '2027-01-01': 1_500_000 });
    expect(merged).toEqual(['2027-01-01']);
    const { targets: _none, ...withoutTargets } = sample();
    expect(retargetForFiscalYear(withoutTargets, 4).model.targets).toBeUndefined();
  });
});
