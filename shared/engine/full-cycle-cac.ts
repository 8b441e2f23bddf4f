import type { ForecastModel, Stage } from '../model/schema.ts';
import { logNormalFromMedianP90 } from './lognormal.ts';
import type { FullCycleCac } from './result-types.ts';

/** exp(μ + σ²/2): the mean time of a lognormal given by its median and P90. */
function meanDays(duration: Stage['duration']): number {
  const d = logNormalFromMedianP90(duration.median, duration.p90);
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

/**
 * Full-cycle CAC in closed form: what winning one customer costs over the whole cycle, from entering
 * the first stage to a win or a loss. For stage j, with p the conversions (a Beta rate's mean is the
 * conversion, and the stages' draws are independent, so the means multiply):
 *   P(reach j) · (entryCost_j + costPerDay_j · E[time in j]) / P(win),
 * P(reach j) = p_1 ⋯ p_{j−1}, P(win) = p_1 ⋯ p_S, E[time in j] = p_j · E[movers' time] + (1 − p_j) · E[losers' time]
 * (the same lognormal mean when the stage has no `lossDuration`). The lost part counts deals lost in
 * j (losers' time) and deals that moved on from j but were lost later (movers' time), so no
 * difference of two large numbers is taken. Stage values only: shocks are dated events of a forecast,
 * not of the cycle, and a `durationSampleSize` leaves the fitted median and P90 as the best estimate
 * (the posterior predictive time has no finite mean).
 */
export function fullCycleCac(model: ForecastModel): FullCycleCac {
  const stages = model.stages;
  const winRate = stages.reduce((product, s) => product * s.conversion, 1);
  const costPerWinByStage: Record<string, number | null> = {};
  const lostCostPerWinByStage: Record<string, number | null> = {};
  let reach = 1;
  let total = 0;
  stages.forEach((stage, j) => {
    const p = stage.conversion;
    const moverDays = meanDays(stage.duration);
    const loserDays = stage.lossDuration ? meanDays(stage.lossDuration) : moverDays;
    const winAfter = stages.slice(j + 1).reduce((product, s) => product * s.conversion, 1);
    const winFromHereOn = p * winAfter;
    const cost = reach * (stage.entryCost + stage.costPerDay * (p * moverDays + (1 - p) * loserDays));
    const lost = reach * ((1 - winFromHereOn) * stage.entryCost + stage.costPerDay * (p * (1 - winAfter) * moverDays + (1 - p) * loserDays));
    costPerWinByStage[stage.id] = winRate > 0 ? cost / winRate : null;
    lostCostPerWinByStage[stage.id] = winRate > 0 ? lost / winRate : null;
    total += cost;
    reach *= p;
  });
  return { winRate, costPerWin: winRate > 0 ? total / winRate : null, costPerWinByStage, lostCostPerWinByStage };
}
