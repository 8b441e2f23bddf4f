import { describe, expect, it } from 'vitest';
import { validModel } from '../../tests/support/test-models.ts';
import { parseIsoDay } from '../model/dates.ts';
import type { ForecastModel } from '../model/schema.ts';
import { applySignalFit } from './apply-signal-fit.ts';
import { fitSignals } from './fit-signals.ts';
import { syntheticSignalHistory } from '../../tests/support/synthetic-signal-history.ts';

const asOf = '2026-11-23';
const asOfDay = parseIsoDay(asOf) ?? 0;
const truth: ForecastModel = validModel({
  version: 1,
  asOf,
  stages: [
    { id: 'exec', name: 'Executive presentation', conversion: 0.6, duration: { median: 20, p90: 50 } },
    { id: 'pilot', name: 'Proof of concept', conversion: 0.5, duration: { median: 45, p90: 110 } },
    { id: 'procurement', name: 'Procurement', conversion: 0.8, duration: { median: 30, p90: 90 } },
  ],
  deals: [],
  signals: [
    { id: 'pilot', name: 'Practitioner pilot', values: ['not run', 'passed', 'failed'], baseline: 'not run', appliesFrom: 'procurement', oddsRatios: { passed: 3, failed: 0.3 } },
    { id: 'sponsor', name: 'Executive sponsor engaged', values: ['no', 'yes'], baseline: 'no', appliesFrom: 'exec', oddsRatios: { yes: 2 } },
  ],
});
const shares = { pilot: { passed: 0.3, failed: 0.2 }, sponsor: { yes: 0.4 } };
/** The model as the VP has it before the fit: same stages, every odds ratio 1. */
const untrained = { ...truth, signals: (truth.signals ?? []).map((s) => ({ ...s, oddsRatios: {} })) };
const history = (deals: number, seed: number) => syntheticSignalHistory(truth, { deals, asOfDay, years: 6, seed, shares });
const trueOdds = (signalId: string, value: string) => truth.signals?.find((s) => s.id === signalId)?.oddsRatios[value] ?? 1;

describe('fitting signal odds ratios from closed-deal history', () => {
  it('recovers known odds ratios within their 90% intervals and within 25% on 3,000 deals', () => {
    const fit = fitSignals(history(3_000, 1), untrained, asOfDay);
    expect(fit.converged).toBe(true);
    for (const signal of fit.signals) {
      for (const v of signal.values) {
        const truthRatio = trueOdds(signal.signalId, v.value);
        expect(v.interval[0]).toBeLessThan(truthRatio);
        expect(v.interval[1]).toBeGreaterThan(truthRatio);
        expect(Math.abs(Math.log(v.oddsRatio / truthRatio))).toBeLessThan(Math.log(1.25));
        expect(v.enoughData).toBe(true);
        expect(v.exits).toBeGreaterThan(150);
      }
    }
  });

  it("fits the stage intercepts jointly: they are the baseline's rates, within 4 points on 3,000 deals", () => {
    const fit = fitSignals(history(3_000, 2), untrained, asOfDay);
    fit.baselineRates.forEach((rate, j) => {
      expect(Math.abs(rate.rate - (truth.stages[j]?.conversion ?? 0))).toBeLessThan(0.04);
      expect(rate.interval[0]).toBeLessThan(rate.rate);
    });
  });

  it('90% intervals cover the true ln odds ratio about 90% of the time (40 histories of 400 deals: 80–97%)', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 100; seed < 140; seed++) {
      for (const signal of fitSignals(history(400, seed), untrained, asOfDay).signals) {
        for (const v of signal.values) {
          const truthRatio = trueOdds(signal.signalId, v.value);
          total++;
          if (v.interval[0] <= truthRatio && truthRatio <= v.interval[1]) inside++;
        }
      }
    }
    // The Normal(0, 1) prior pulls towards 1, so coverage of these ratios sits a little under 90%.
    expect(inside / total).toBeGreaterThan(0.8);
    expect(inside / total).toBeLessThan(0.97);
  });

  it('says "not enough data" from a small history, where the skeptical prior keeps ratios near 1', () => {
    const fit = fitSignals(history(25, 7), untrained, asOfDay);
    const flagged = fit.signals.flatMap((s) => s.values).filter((v) => !v.enoughData);
    expect(flagged.length).toBeGreaterThan(0);
    for (const v of flagged) expect(v.interval[0] < 0.5 && v.interval[1] > 2).toBe(true);
  });

  it('with no signal columns every ratio stays at the prior: 1, with the prior interval', () => {
    const bare = history(500, 3);
    const fit = fitSignals({ ...bare, deals: bare.deals.map((d) => ({ ...d, signals: {} })) }, untrained, asOfDay);
    for (const v of fit.signals.flatMap((s) => s.values)) {
      expect(v.oddsRatio).toBeCloseTo(1, 9);
      expect(v.interval[0]).toBeCloseTo(Math.exp(-1.6448536269514722), 6);
      expect(v.exits).toBe(0);
    }
  });

  it('accepting a signal sets its odds ratios and spreads from the posterior, and nothing else', () => {
    const fit = fitSignals(history(1_000, 4), untrained, asOfDay);
    const accepted = applySignalFit(untrained, fit, ['pilot']);
    const pilot = fit.signals.find((s) => s.signalId === 'pilot');
    expect(accepted.signals?.[0]?.oddsRatios.passed).toBeCloseTo(pilot?.values[0]?.oddsRatio ?? 0, 2);
    expect(accepted.signals?.[0]?.logSd?.passed).toBeCloseTo(pilot?.values[0]?.logSd ?? 0, 3);
    expect(accepted.signals?.[1]).toEqual(untrained.signals?.[1]);
    expect(accepted.stages).toEqual(untrained.stages);
    const withRates = applySignalFit(untrained, fit, [], true);
    expect(withRates.stages.map((s) => s.conversion)).toEqual(fit.baselineRates.map((r) => Number(r.rate.toPrecision(4))));
  });
});
