import { describe, expect, it } from 'vitest';
import { benchmarkPipeline } from '../../cli/bench-pipeline.ts';
import type { ForecastModelInput } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { starterSignals } from '../signals/starter-signals.ts';
import { keyOfText } from './random.ts';
import { runForecast } from './run.ts';
import { oneStageModel, threeStageModel } from '../../tests/support/test-models.ts';

const run = (model: unknown, trials: number, seed = 5) => {
  const result = runForecast(model, { trials, seed, clock: () => 0 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
/** The whole result as one number, so "bit-identical" compares every figure of it. */
const fingerprint = (model: unknown, trials: number) => {
  const result = run(model, trials);
  return keyOfText(JSON.stringify({ ...result, meta: { ...result.meta, computeMs: 0 } }));
};

const pilotSignal = (oddsRatio: number, extra: Record<string, unknown> = {}) => ({
  id: 'pilot', name: 'Practitioner pilot', values: ['not run', 'passed'], baseline: 'not run', appliesFrom: 'only', oddsRatios: { passed: oddsRatio }, ...extra,
});

describe('deal signals (semantics 12)', () => {
  it("a single-stage deal's chance is the closed form r·OR / (1 − r + r·OR)", () => {
    // 40,000 trials: the standard error of a chance near 0.6 is 0.0025; allowed 4 of them.
    const trials = 40_000;
    for (const [r, oddsRatio] of [[0.4, 3], [0.5, 0.25], [0.9, 2]] as const) {
      const model = oneStageModel({
        stages: [{ id: 'only', name: 'Only stage', conversion: r, duration: { median: 30, p90: 90 } }],
        deals: [{ id: 'D-1', name: 'Acme', amount: 100_000, stage: 'only', stageEnteredOn: '2026-11-23', signals: { pilot: 'passed' } }],
        signals: [pilotSignal(oddsRatio)],
      });
      const expected = (r * oddsRatio) / (1 - r + r * oddsRatio);
      const pWin = run(model, trials).deals[0]?.pWin ?? 0;
      expect(Math.abs(pWin - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / trials));
    }
  });

  it('multiplies odds ratios, each from its own first stage on', () => {
    const base = threeStageModel();
    const model = {
      ...base,
      deals: [{ id: 'A', name: 'Alpha', amount: 100_000, stage: 'exec', stageEnteredOn: '2026-11-23', signals: { pilot: 'passed', sponsor: 'yes' } }],
      signals: [
        { ...pilotSignal(3), appliesFrom: 'procurement' },
        { id: 'sponsor', name: 'Sponsor', values: ['no', 'yes'], baseline: 'no', appliesFrom: 'pilot', oddsRatios: { yes: 2 } },
      ],
    };
    const odds = (r: number, oddsRatio: number) => (r * oddsRatio) / (1 - r + r * oddsRatio);
    const expected = 0.6 * odds(0.5, 2) * odds(0.8, 6);
    const trials = 40_000;
    const pWin = run(model, trials).deals[0]?.pWin ?? 0;
    expect(Math.abs(pWin - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / trials));
  });

  it('odds ratio 1, the baseline and a starter set change nothing, bit for bit', () => {
    const base = threeStageModel();
    const deals = (base.deals ?? []).map((d, i) => ({ ...d, signals: i % 2 === 0 ? { pilot: 'passed' } : { pilot: 'not run' } }));
    expect(fingerprint({ ...base, deals, signals: [{ ...pilotSignal(1), appliesFrom: 'exec' }] }, 3_000)).toBe(fingerprint(base, 3_000));
    expect(fingerprint({ ...base, deals, signals: [{ ...pilotSignal(1), appliesFrom: 'exec', logSd: { passed: 0 } }] }, 3_000)).toBe(fingerprint(base, 3_000));
  });

  it('leaves the sample and the 1,000-deal benchmark bit-identical, with or without the starter signals', () => {
    // Pinned from the engine before signals existed: the whole result of each run (seed 5).
    const withStarter = (model: ForecastModelInput): ForecastModelInput => {
      const signals = starterSignals((model.stages ?? []).map((s) => ({ id: s.id, name: s.name })));
      const values = ['passed', 'failed', 'mixed'];
      return { ...model, signals, deals: (model.deals ?? []).map((d, i) => ({ ...d, signals: { pilot: values[i % 3] ?? 'passed', sponsor: 'yes' } })) };
    };
    expect(fingerprint(SAMPLE_WORKSPACE, 4_000)).toBe(-3543933);
    expect(fingerprint(withStarter(SAMPLE_WORKSPACE), 4_000)).toBe(-3543933);
    expect(fingerprint(benchmarkPipeline(), 500)).toBe(-429863665);
    expect(fingerprint(withStarter(benchmarkPipeline()), 500)).toBe(-429863665);
  });

  it('a spread of 0 gives exactly the fixed odds ratio; a spread widens the outcomes around it', () => {
    const base = threeStageModel();
    const deals = (base.deals ?? []).map((d) => ({ ...d, signals: { pilot: 'passed' } }));
    const fixed = { ...base, deals, signals: [{ ...pilotSignal(2.5), appliesFrom: 'exec' }] };
    const zero = { ...fixed, signals: [{ ...pilotSignal(2.5), appliesFrom: 'exec', logSd: { passed: 0 } }] };
    expect(fingerprint(zero, 3_000)).toBe(fingerprint(fixed, 3_000));
    const wide = { ...fixed, signals: [{ ...pilotSignal(2.5), appliesFrom: 'exec', logSd: { passed: 1.5 } }] };
    // Every deal shares the trial's drawn ratio, so the total's spread grows.
    const sdOf = (model: unknown) => run(model, 8_000).quarters.reduce((sum, q) => sum + q.sd, 0);
    expect(sdOf(wide)).toBeGreaterThan(sdOf(fixed) * 1.02);
  });

  it('keeps every other deal on its own random numbers when one deal gets a signal', () => {
    const base = threeStageModel();
    const signals = [{ ...pilotSignal(4), appliesFrom: 'exec' }];
    const before = run({ ...base, signals }, 2_000);
    const after = run({ ...base, signals, deals: (base.deals ?? []).map((d, i) => (i === 1 ? { ...d, signals: { pilot: 'passed' } } : d)) }, 2_000);
    expect(after.deals.filter((_, i) => i !== 1).map((d) => d.pWin)).toEqual(before.deals.filter((_, i) => i !== 1).map((d) => d.pWin));
    expect(after.deals[1]?.pWin ?? 0).toBeGreaterThan((before.deals[1]?.pWin ?? 0) + 0.05);
  });
});
