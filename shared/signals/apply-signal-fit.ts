import { MODEL_LIMITS as L } from '../model/limits.ts';
import type { ForecastModel } from '../model/schema.ts';
import type { SignalsFit } from './fit-signals.ts';

const significant = (x: number) => Number(x.toPrecision(4));

/**
 * The model with the fitted odds ratios of the accepted signals: each value's odds ratio is the
 * posterior's (exp of its mode) and its `logSd` the posterior's standard deviation, so the forecast
 * carries the fit's uncertainty. With `baselineRates`, each stage's conversion becomes the fitted
 * rate of a deal at every baseline (the intercepts were fitted jointly with the signals).
 */
export function applySignalFit(model: ForecastModel, fit: SignalsFit, accepted: readonly string[], baselineRates = false): ForecastModel {
  const signals = (model.signals ?? []).map((signal) => {
    const fitted = fit.signals.find((s) => s.signalId === signal.id);
    if (!fitted || !accepted.includes(signal.id)) return signal;
    const oddsRatios: Record<string, number> = {};
    const logSd: Record<string, number> = {};
    for (const v of fitted.values) {
      oddsRatios[v.value] = significant(Math.min(L.maxOddsRatio, Math.max(L.minOddsRatio, v.oddsRatio)));
      logSd[v.value] = significant(Math.min(L.maxLogOddsSd, v.logSd));
    }
    return { ...signal, oddsRatios, logSd };
  });
  const stages = baselineRates
    ? model.stages.map((stage) => {
        const rate = fit.baselineRates.find((r) => r.stageId === stage.id)?.rate;
        return rate === undefined ? stage : { ...stage, conversion: significant(Math.min(0.9999, Math.max(0.0001, rate))) };
      })
    : model.stages;
  return { ...model, stages, signals };
}
