import type { ForecastModel, Signal } from '../model/schema.ts';
import { dealPath, stageOutcome } from '../history/deal-path.ts';
import type { History } from '../history/history-types.ts';
import { cholesky, choleskySolve, inverseDiagonal } from '../stats/cholesky.ts';

/** The skeptical prior on every ln odds ratio: Normal(0, 1), so ×2.7 either way is one standard deviation. */
export const SIGNAL_PRIOR_SD = 1;
/** A weak prior on each stage's intercept, around the logit of the model's current rate. */
export const INTERCEPT_PRIOR_SD = 2;
/** "Not enough data" when the 90% interval reaches below 1 ÷ this and above this. */
export const NOT_ENOUGH_DATA_FACTOR = 2;
const Z_90 = 1.6448536269514722;
const MAX_NEWTON_STEPS = 100;

export interface SignalValueFit {
  value: string;
  /** exp of the posterior mode of ln odds ratio (the Laplace approximation's mean). */
  oddsRatio: number;
  /** Posterior standard deviation of ln odds ratio: the `logSd` an accepted fit sets. */
  logSd: number;
  /** Central 90% of the posterior of the odds ratio. */
  interval: [number, number];
  /** Stage exits (moved on or lost) of deals with this value at stages the signal applies to. */
  exits: number;
  /** False when the interval reaches well below and well above 1: the data cannot tell. */
  enoughData: boolean;
}

export interface SignalFit {
  signalId: string;
  name: string;
  appliesFrom: string;
  /** Every value but the baseline, in the signal's order. */
  values: SignalValueFit[];
}

export interface BaselineRateFit {
  stageId: string;
  /** The stage's rate for a deal at every signal's baseline (the fitted intercept). */
  rate: number;
  interval: [number, number];
  exits: number;
}

export interface SignalsFit {
  signals: SignalFit[];
  baselineRates: BaselineRateFit[];
  /** Stage exits in the fit, and how many deals carried a non-baseline value. */
  exits: number;
  dealsWithSignals: number;
  converged: boolean;
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** One parameter per (signal, value other than the baseline), numbered after the S intercepts. */
function signalParameters(signals: readonly Signal[], stageCount: number) {
  const parameters: { signal: number; value: string }[] = [];
  signals.forEach((signal, s) => signal.values.forEach((value) => value !== signal.baseline && parameters.push({ signal: s, value })));
  const index = new Map(parameters.map((p, n) => [`${p.signal}\u0000${p.value}`, stageCount + n]));
  return { parameters, index };
}

/**
 * Bayesian logistic model of moving on at each stage exit of the history's deals (censored stays
 * are not exits): logit P(move on from j) = intercept_j + Σ ln OR of the deal's signal values whose
 * signal applies at j. Fitted by MAP with Newton's method (the log posterior is concave, dimensions
 * are small) and a Laplace interval from the curvature at the mode. Values are today's in the CRM.
 */
export function fitSignals(history: History, model: ForecastModel, cutoffDay: number): SignalsFit {
  const signals = model.signals ?? [];
  const S = model.stages.length;
  const stageIds = model.stages.map((s) => s.id);
  const stageIndex = new Map(stageIds.map((id, j) => [id, j]));
  const { parameters, index } = signalParameters(signals, S);
  const P = S + parameters.length;

  // Exits grouped by identical features (stage and active values): counts instead of rows.
  const groups = new Map<string, { features: number[]; n: number; moved: number }>();
  let dealsWithSignals = 0;
  for (const deal of history.deals) {
    if (deal.createdDay > cutoffDay) continue;
    const path = dealPath(deal, stageIds, cutoffDay);
    const values = signals.map((signal) => deal.signals?.[signal.id] ?? signal.baseline);
    if (values.some((value, s) => value !== signals[s]?.baseline)) dealsWithSignals++;
    for (let j = 0; j < S; j++) {
      const outcome = stageOutcome(path, j);
      if (outcome === null) continue;
      const features = [j];
      signals.forEach((signal, s) => {
        const parameter = index.get(`${s}\u0000${values[s] ?? ''}`);
        if (parameter !== undefined && (stageIndex.get(signal.appliesFrom) ?? 0) <= j) features.push(parameter);
      });
      const key = features.join(',');
      const group = groups.get(key) ?? { features, n: 0, moved: 0 };
      group.n++;
      if (outcome) group.moved++;
      groups.set(key, group);
    }
  }

  const priorMean = new Float64Array(P);
  const priorPrecision = new Float64Array(P).fill(1 / SIGNAL_PRIOR_SD ** 2);
  model.stages.forEach((stage, j) => {
    priorMean[j] = logit(Math.min(0.999, Math.max(0.001, stage.conversion)));
    priorPrecision[j] = 1 / INTERCEPT_PRIOR_SD ** 2;
  });
  const logPosterior = (beta: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < P; i++) sum -= 0.5 * (priorPrecision[i] as number) * ((beta[i] as number) - (priorMean[i] as number)) ** 2;
    for (const g of groups.values()) {
      const eta = g.features.reduce((e, f) => e + (beta[f] as number), 0);
      // log p = −log(1 + e^−η), log(1 − p) = −log(1 + e^η), written to stay finite for large |η|.
      sum -= g.moved * softplus(-eta) + (g.n - g.moved) * softplus(eta);
    }
    return sum;
  };
  /** Gradient and the negative Hessian (the posterior precision) at beta. */
  const curvature = (beta: Float64Array) => {
    const gradient = new Float64Array(P);
    const precision = new Float64Array(P * P);
    for (let i = 0; i < P; i++) {
      gradient[i] = -(priorPrecision[i] as number) * ((beta[i] as number) - (priorMean[i] as number));
      precision[i * P + i] = priorPrecision[i] as number;
    }
    for (const g of groups.values()) {
      const p = logistic(g.features.reduce((e, f) => e + (beta[f] as number), 0));
      const residual = g.moved - g.n * p;
      const weight = g.n * p * (1 - p);
      for (const a of g.features) {
        gradient[a] = (gradient[a] as number) + residual;
        for (const b of g.features) precision[a * P + b] = (precision[a * P + b] as number) + weight;
      }
    }
    return { gradient, precision };
  };

  let beta = Float64Array.from(priorMean);
  let converged = false;
  for (let step = 0; step < MAX_NEWTON_STEPS && !converged; step++) {
    const { gradient, precision } = curvature(beta);
    const factor = cholesky(precision, P);
    if (!factor) break;
    const delta = choleskySolve(factor, P, gradient);
    // Damped: halve the step until the posterior does not fall (Newton overshoots far from the mode).
    const before = logPosterior(beta);
    let scale = 1;
    let next = beta;
    for (let h = 0; h < 30; h++) {
      next = beta.map((b, i) => b + scale * (delta[i] as number));
      if (logPosterior(next) >= before - 1e-12) break;
      scale /= 2;
    }
    converged = delta.every((d) => Math.abs(scale * d) < 1e-9);
    beta = next;
  }
  const factor = cholesky(curvature(beta).precision, P);
  const variance = factor ? inverseDiagonal(factor, P) : new Float64Array(P).fill(Infinity);
  const exitsOf = (parameter: number) => [...groups.values()].reduce((n, g) => n + (g.features.includes(parameter) ? g.n : 0), 0);
  const interval = (i: number, map: (x: number) => number): [number, number] => {
    const sd = Math.sqrt(variance[i] as number);
    return [map((beta[i] as number) - Z_90 * sd), map((beta[i] as number) + Z_90 * sd)];
  };

  return {
    signals: signals.map((signal, s) => ({
      signalId: signal.id,
      name: signal.name,
      appliesFrom: signal.appliesFrom,
      values: signal.values.flatMap((value) => {
        const i = index.get(`${s}\u0000${value}`);
        if (i === undefined) return [];
        const range = interval(i, Math.exp);
        return [{ value, oddsRatio: Math.exp(beta[i] as number), logSd: Math.sqrt(variance[i] as number), interval: range, exits: exitsOf(i), enoughData: !(range[0] < 1 / NOT_ENOUGH_DATA_FACTOR && range[1] > NOT_ENOUGH_DATA_FACTOR) }];
      }),
    })),
    baselineRates: stageIds.map((stageId, j) => ({ stageId, rate: logistic(beta[j] as number), interval: interval(j, logistic), exits: exitsOf(j) })),
    exits: [...groups.values()].reduce((n, g) => n + g.n, 0),
    dealsWithSignals,
    converged,
  };
}

function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x));
}
