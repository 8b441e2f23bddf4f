import { describe, expect, it } from 'vitest';
import { quarterMetric } from '../analysis/simulate.ts';
import { validModel } from '../../tests/support/test-models.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { explainDealOdds } from './explain-odds.ts';
import { signalChanges } from './signal-changes.ts';
import { starterSignals } from './starter-signals.ts';

const stages = (SAMPLE_WORKSPACE.stages ?? []).map((s) => ({ id: s.id, name: s.name }));
const known: Record<string, Record<string, number>> = { pilot: { passed: 3, failed: 0.3 }, sponsor: { yes: 2 } };
const model = validModel({
  ...SAMPLE_WORKSPACE,
  signals: starterSignals(stages).map((s) => ({ ...s, oddsRatios: known[s.id] ?? {} })),
  deals: (SAMPLE_WORKSPACE.deals ?? []).map((d, i) => (i % 4 === 0 ? { ...d, signals: { sponsor: 'yes' } } : d)),
});

describe('which signal changes move the quarter most', () => {
  it('ranks single changes by the points they add, exactly as a full rerun with the change would', async () => {
    const options = { trials: 2_000, seed: 11 };
    const quarter = 1;
    const result = await signalChanges(model, quarter, options);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { changes, pTarget } = result.value;
    expect(changes.length).toBeGreaterThan(10);
    // Only changes to higher odds are tried, and they never lower the chance.
    expect(changes.every((c) => c.gain >= 0)).toBe(true);
    expect(changes[0]?.gain).toBeGreaterThan(0.005);
    for (const change of changes.slice(0, 3)) {
      const changed = { ...model, deals: model.deals.map((d) => (d.id === change.dealId ? { ...d, signals: { ...d.signals, [change.signalId]: change.to } } : d)) };
      const full = await quarterMetric(changed, quarter, 'pTarget', options);
      if (!full.ok) throw new Error('run');
      expect(change.pTargetWith).toBeCloseTo(full.value, 9);
      expect(change.gain).toBeCloseTo(full.value - pTarget, 9);
    }
  });

  it("explains a deal's odds in words", () => {
    expect(explainDealOdds(model, { signals: { pilot: 'passed', sponsor: 'yes', usage: 'none' } }).map((r) => r.text)).toEqual([
      'Practitioner pilot: passed, odds ×3.0 from Security and compliance review on',
      'Executive sponsor engaged: yes, odds ×2.0',
    ]);
    const uncertain = { ...model, signals: (model.signals ?? []).map((s) => (s.id === 'sponsor' ? { ...s, logSd: { yes: 0.3 } } : s)) };
    expect(explainDealOdds(uncertain, { signals: { sponsor: 'yes' } })[0]?.text).toBe('Executive sponsor engaged: yes, odds ×2.0 (uncertain: ×1.2–×3.3)');
    expect(explainDealOdds(model, {})).toEqual([]);
  });
});
