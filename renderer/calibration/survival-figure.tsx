import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
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
  if (lognormal) for (let d = 0; d <= longest; d += step) rows.push({ days: d, fitted: (d <= 0 ? 1 : normalSurvival((Math.log(d) - lognormal.mu) / lognormal.sigma)) * 100 });
  rows.sort((a, b) => a.days - b.days);
  return {
    fileName: `time-in-stage-${fit.stageId}`,
    title: `Time in ${fit.name}: observed and fitted`,
    subtitle: lognormal
      ? `Share of deals still in the stage after each number of days: ${fit.duration.events} that moved on or closed, ${fit.duration.censored} still there (counted as “at least this long”). Fitted median ${Math.round(lognormal.median)} days, slow case (P90) ${Math.round(lognormal.p90)} days.`
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
