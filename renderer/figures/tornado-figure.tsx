import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Sensitivity } from '../../shared/analysis/sensitivity.ts';
import type { Figure } from '../charts/figure.ts';
import type { Palette } from '../charts/palette.ts';
import { axisProps, niceTicks } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';
import { compactMoney, percent, whole } from '../../shared/format/numbers.ts';

interface EndLabelProps {
  x?: number | string | undefined;
  y?: number | string | undefined;
  width?: number | string | undefined;
  height?: number | string | undefined;
  value?: unknown;
}

/** Swings of one quarter's metric as each input moves down and up by the step, largest first. */
export function tornadoFigure(s: Sensitivity, quarterLabel: string, currency: string, trials: number): Figure {
  const show = (v: number) => (s.metric === 'p50' ? compactMoney(v, currency) : percent(v));
  const step = `${Math.round(s.step * 100)}%`;
  const rows = s.rows.map((r) => ({
    label: r.label,
    down: [Math.min(s.base, r.low), Math.max(s.base, r.low)] as [number, number],
    up: [Math.min(s.base, r.high), Math.max(s.base, r.high)] as [number, number],
    low: r.low,
    high: r.high,
  }));
  const metricName = s.metric === 'p50' ? `median bookings (P50) in ${quarterLabel}` : `chance of reaching the ${quarterLabel} target`;
  const top = s.rows[0];
  const ends = [s.base, ...s.rows.flatMap((r) => [r.low, r.high])];
  // Room beyond the longest bars for their end labels, which otherwise sit on the axis's own labels.
  // Never past what the measure can be: no negative bookings, no chance below 0% or above 100%.
  const pad = 0.15 * (Math.max(...ends) - Math.min(...ends));
  const low = Math.max(0, Math.min(...ends) - pad);
  const high = s.metric === 'p50' ? Math.max(...ends) + pad : Math.min(1, Math.max(...ends) + pad);
  const xAxis = niceTicks(low, high, s.metric === 'p50' ? { maxTicks: 6 } : { maxTicks: 6, minStep: 0.01 });
  /** The value at the far end of a bar, outside it. */
  const endLabel = function EndLabel(props: EndLabelProps) {
      const x = Number(props.x ?? 0);
      const y = Number(props.y ?? 0);
      const width = Number(props.width ?? 0);
      const height = Number(props.height ?? 0);
      const value = Number(props.value);
      if (!Number.isFinite(value) || Math.abs(value - s.base) < 1e-12) return <g />;
      const right = value > s.base;
      return (
        <text x={right ? x + width + 4 : x - 4} y={y + height / 2} dy={4} textAnchor={right ? 'start' : 'end'} className="bar-label">
          {show(value)}
        </text>
      );
    };
  return {
    fileName: `sensitivity-${s.metric}-${quarterLabel}`,
    title: `What moves the ${metricName}`,
    subtitle: top
      ? `Each input lowered and raised by ${step}, one at a time, with the same random numbers (${whole(trials)} trials each). Baseline ${show(s.base)} in these runs (the forecast’s own, from its own trials, may differ slightly); the largest swing is ${top.label.toLowerCase()} (${show(top.low)} to ${show(top.high)}).`
      : 'There is nothing to vary.',
    legend: [
      { label: `Input ${step} lower`, color: 'lost', mark: 'bar' },
      { label: `Input ${step} higher`, color: 'accent', mark: 'bar' },
    ],
    ariaLabel: `Sensitivity of the ${metricName}: ${s.rows.map((r) => `${r.label} from ${show(r.low)} to ${show(r.high)}`).join('; ')}`,
    screenHeight: Math.max(240, 34 * rows.length + 60),
    draw: (palette: Palette, size) => (
      <BarChart {...size} data={rows} layout="vertical" margin={{ top: 24, right: 72, bottom: 24, left: 72 }} barGap={-18} barSize={18}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={palette.grid} />
        <XAxis {...axisProps(xAxis)} tickFormatter={show} label={{ value: s.metric === 'p50' ? `P50 bookings in ${quarterLabel} (${currency})` : `Chance of reaching the ${quarterLabel} target`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis type="category" dataKey="label" width={230} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip {...figureTooltip(palette, show)} />
        <ReferenceLine x={s.base} stroke={palette.text} strokeWidth={1.5} label={{ value: `Baseline ${show(s.base)}`, position: 'top', className: 'ref-label' }} />
        <Bar dataKey="down" name={`Input ${step} lower`} fill={palette.lost} isAnimationActive={false}>
          <LabelList dataKey="low" content={endLabel} />
        </Bar>
        <Bar dataKey="up" name={`Input ${step} higher`} fill={palette.accent} isAnimationActive={false}>
          <LabelList dataKey="high" content={endLabel} />
        </Bar>
      </BarChart>
    ),
  };
}
