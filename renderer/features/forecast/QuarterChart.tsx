import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { ForecastResult } from '../../../shared/engine/result-types.ts';
import type { Figure } from '../../charts/figure.ts';
import { compactMoney, percent } from '../../format.ts';
import { FigureCard } from '../../charts/FigureCard.tsx';

/** Quarterly bookings: the P10–P90 band, the P50 line, the target line and the chance of reaching it. */
export function quarterFigure(result: ForecastResult, currency: string): Figure {
  const rows = result.quarters.map((q) => ({ label: q.label, band: [q.p10, q.p90] as [number, number], p50: q.p50, target: q.target, pTarget: q.pTarget }));
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return {
    fileName: 'bookings-per-quarter',
    title: 'Bookings per fiscal quarter',
    subtitle: 'The shaded band holds 8 of 10 simulated outcomes (P10 to P90); the line is the median outcome (P50: half above, half below).',
    legend: [
      { label: 'P10–P90 range', color: 'band', mark: 'band' },
      { label: 'Median (P50)', color: 'accent', mark: 'line' },
      { label: 'Target', color: 'target', mark: 'dashed' },
    ],
    ariaLabel: `Bookings per quarter: ${rows.map((r) => `${r.label} P50 ${compactMoney(r.p50, currency)}`).join(', ')}`,
    screenHeight: 320,
    draw: (palette, size) => (
      <ComposedChart {...size} data={rows} margin={{ top: 12, right: 24, bottom: 28, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis
          dataKey="label"
          tick={({ x, y, payload }: XAxisTickContentProps) => {
            const row = byLabel.get(String(payload.value));
            return (
              <g transform={`translate(${x},${y})`}>
                <text dy={14} textAnchor="middle" className="axis-tick">
                  {String(payload.value)}
                </text>
                {row?.pTarget != null ? (
                  <text dy={30} textAnchor="middle" className="axis-tick-note">
                    {percent(row.pTarget)} to target
                  </text>
                ) : null}
              </g>
            );
          }}
          interval={0}
          padding={{ left: 48, right: 48 }}
          height={44}
          label={{ value: 'Fiscal quarter', position: 'insideBottom', offset: -22, className: 'axis-label' }}
        />
        <YAxis
          tickFormatter={(v: number) => compactMoney(v, currency)}
          width={72}
          label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -4, className: 'axis-label' }}
        />
        <Tooltip
          formatter={(value, name) => {
            if (Array.isArray(value)) return [`${compactMoney(Number(value[0]), currency)} – ${compactMoney(Number(value[1]), currency)}`, name];
            return [compactMoney(Number(value), currency), name];
          }}
        />
        <Area dataKey="band" name="P10–P90 range" fill={palette.band} stroke="none" isAnimationActive={false} />
        <Line dataKey="p50" name="Median (P50)" stroke={palette.accent} strokeWidth={3} dot={{ r: 4, fill: palette.accent }} isAnimationActive={false} />
        <Line dataKey="target" name="Target" stroke={palette.target} strokeDasharray="6 4" strokeWidth={2} dot={{ r: 3, fill: palette.target }} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}

export function QuarterChart({ result, currency }: { result: ForecastResult; currency: string }) {
  return <FigureCard figure={quarterFigure(result, currency)} wide />;
}
