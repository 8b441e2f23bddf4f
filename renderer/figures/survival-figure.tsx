import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { logNormalFromMedianP90 } from '../../shared/engine/lognormal.ts';
import { normalSurvival } from '../../shared/engine/normal.ts';
import type { StageFit } from '../../shared/history/fit-history.ts';
import type { Figure } from '../charts/figure.ts';
import type { Palette } from '../charts/palette.ts';

/** Observed time in a stage (Kaplan–Meier, counting open deals as censored) beside the fitted lognormal. */
export function survivalFigure(fit: StageFit): Figure {
  const lognormal = fit.duration.fit;
  const km = fit.survival;
  const longest = Math.max(km[km.length - 1]?.days ?? 0, lognormal ? lognormal.p90 * 1.5 : 0, 1);
  const step = Math.max(1, Math.ceil(longest / 80));
  const rows: { days: number; observed?: number; fitted?: number }[] = [];
  // The observed curve is a step function: each drop drawn as a vertical edge.
  let previous = 1;
  for (const point of km) {
    if (point.days > 0) rows.push({ days: point.days, observed: previous * 100 });
    rows.push({ days: point.days, observed: point.share * 100 });
    previous = point.share;
  }
  // With a losers' time of their own, a deal is still in the stage if it has neither moved on nor been
  // lost yet: the mixture of the two curves, weighted by the fitted conversion.
  const loss = fit.duration.lossDuration ? logNormalFromMedianP90(fit.duration.lossDuration.median, fit.duration.lossDuration.p90) : null;
  const p = fit.conversion.proposed;
  const still = (d: number, mu: number, sigma: number) => (d <= 0 ? 1 : normalSurvival((Math.log(d) - mu) / sigma));
  if (lognormal) for (let d = 0; d <= longest; d += step) rows.push({ days: d, fitted: (loss ? p * still(d, lognormal.mu, lognormal.sigma) + (1 - p) * still(d, loss.mu, loss.sigma) : still(d, lognormal.mu, lognormal.sigma)) * 100 });
  rows.sort((a, b) => a.days - b.days);
  return {
    fileName: `time-in-stage-${fit.stageId}`,
    title: `Time in ${fit.name}: observed and fitted`,
    subtitle: lognormal
      ? `Share of deals still in the stage after each number of days: ${fit.duration.events + (loss ? fit.duration.losses : 0)} that moved on or closed, ${fit.duration.censored} still there (counted as “at least this long”). Fitted median ${Math.round(lognormal.median)} days, slow case (P90) ${Math.round(lognormal.p90)} days${loss ? ` for deals that move on; deals lost here take a median ${Math.round(fit.duration.lossDuration?.median ?? 0)} days` : ''}.`
      : 'Too few deals finished this stage to fit a curve.',
    legend: [
      { label: 'Observed (Kaplan–Meier)', color: 'muted', mark: 'line' },
      ...(lognormal ? [{ label: 'Fitted lognormal', color: 'accent' as const, mark: 'line' as const }] : []),
    ],
    ariaLabel: `Time in ${fit.name}: ${lognormal ? `fitted median ${Math.round(lognormal.median)} days` : 'no fit'}`,
    screenHeight: 260,
    draw: (palette: Palette, size) => (
      <LineChart {...size} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="days" type="number" domain={[0, Math.ceil(longest)]} label={{ value: 'Days in the stage', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={56} label={{ value: 'Still in the stage', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <Tooltip formatter={(v, name) => [`${Number(v).toFixed(0)}%`, name]} labelFormatter={(d) => `${Number(d)} days`} />
        <Line dataKey="observed" name="Observed (Kaplan–Meier)" stroke={palette.muted} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} type="linear" />
        {lognormal ? <Line dataKey="fitted" name="Fitted lognormal" stroke={palette.accent} strokeWidth={2.5} dot={false} connectNulls isAnimationActive={false} type="monotone" /> : null}
      </LineChart>
    ),
  };
}
