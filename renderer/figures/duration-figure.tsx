import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { moveChanceAfterWaiting } from '../../shared/engine/competing-risks.ts';
import { logNormalFromMedianP90 } from '../../shared/engine/lognormal.ts';
import { finePercent, percent, whole } from '../../shared/format/numbers.ts';
import type { Stage } from '../../shared/model/schema.ts';
import type { Figure } from '../charts/figure.ts';
import { axisProps, niceTicks } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';

/** How long deals stay in one stage: the lognormal's density, up to well past the slow case. */
export function durationFigure(stage: Stage): Figure {
  const { mu, sigma } = logNormalFromMedianP90(stage.duration.median, stage.duration.p90);
  const dayAxis = niceTicks(0, stage.duration.p90 * 1.8, { minStep: 1, maxTicks: 6 });
  const maxDay = dayAxis.domain[1];
  const step = Math.max(1, Math.round(maxDay / 120));
  const rows: { day: number; share: number }[] = [];
  for (let day = step; day <= maxDay; day += step) {
    const z = (Math.log(day) - mu) / sigma;
    // Share of deals leaving on that day.
    rows.push({ day, share: Math.exp(-0.5 * z * z) / (day * sigma * Math.sqrt(2 * Math.PI)) });
  }
  const shareAxis = niceTicks(0, Math.max(...rows.map((r) => r.share)), { minStep: 0.001, maxTicks: 5 });
  const shareTick = shareAxis.step < 0.01 ? finePercent : percent;
  const summary = `Time in ${stage.name}: typically ${stage.duration.median} days, 1 in 10 deals take more than ${stage.duration.p90} days`;
  return {
    fileName: `time-in-${stage.id}`,
    title: `Time in ${stage.name}`,
    subtitle: `Typically ${stage.duration.median} days; 1 in 10 deals take more than ${stage.duration.p90} days.`,
    legend: [],
    ariaLabel: summary,
    screenHeight: 170,
    draw: (palette, size) => (
      <AreaChart {...size} data={rows} margin={{ top: 6, right: 16, bottom: 18, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="day" {...axisProps(dayAxis)} label={{ value: 'Days in stage', position: 'insideBottom', offset: -10, className: 'axis-label' }} />
        <YAxis {...axisProps(shareAxis)} tickFormatter={shareTick} width={48} />
        <Tooltip {...figureTooltip(palette, (v) => `${finePercent(v)} of deals per day`, (d) => `Day ${whole(Number(d))}`)} />
        <Area dataKey="share" name="Leaving on that day" stroke={palette.accent} fill={palette.band} isAnimationActive={false} />
      </AreaChart>
    ),
  };
}

/**
 * With a losers' time of their own: a deal's chance to move on from a stage by the days it has already
 * waited (semantics 9), falling when the lost deals are the slow ones.
 */
export function moveOnFigure(stage: Stage): Figure {
  const loss = stage.lossDuration;
  const mover = logNormalFromMedianP90(stage.duration.median, stage.duration.p90);
  const loser = loss ? logNormalFromMedianP90(loss.median, loss.p90) : mover;
  const dayAxis = niceTicks(0, 2 * Math.max(stage.duration.p90, loss?.p90 ?? 0), { minStep: 1, maxTicks: 6 });
  const maxDay = dayAxis.domain[1];
  const step = Math.max(1, Math.round(maxDay / 100));
  const rows: { day: number; chance: number }[] = [];
  for (let day = 0; day <= maxDay; day += step) rows.push({ day, chance: moveChanceAfterWaiting(stage.conversion, mover, loser, day) });
  const usual = stage.duration.median;
  const atThreeTimes = moveChanceAfterWaiting(stage.conversion, mover, loser, 3 * usual);
  return {
    fileName: `chance-to-move-on-${stage.id}`,
    title: `Chance to move on from ${stage.name}`,
    subtitle: `By days already waited: ${percent(stage.conversion)} on entry, ${percent(atThreeTimes)} after ${3 * usual} days (3× the usual time).`,
    legend: [],
    ariaLabel: `Chance to move on from ${stage.name} by days waited: ${percent(stage.conversion)} on entry, ${percent(atThreeTimes)} after ${3 * usual} days (3× the usual time)`,
    screenHeight: 150,
    draw: (palette, size) => (
      <LineChart {...size} data={rows} margin={{ top: 6, right: 16, bottom: 18, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="day" {...axisProps(dayAxis)} label={{ value: 'Days already in the stage', position: 'insideBottom', offset: -10, className: 'axis-label' }} />
        <YAxis {...axisProps(CHANCE_AXIS)} tickFormatter={percent} width={44} />
        <Tooltip {...figureTooltip(palette, finePercent, (d) => `After ${whole(Number(d))} days`)} />
        <Line dataKey="chance" name="Chance to move on" stroke={palette.accent} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    ),
  };
}

const CHANCE_AXIS = niceTicks(0, 1, { maxTicks: 5 });
