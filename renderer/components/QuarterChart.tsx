import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { compactMoney, percent } from '../format.ts';
import { ChartCard } from './ChartCard.tsx';

interface Row {
  label: string;
  band: [number, number];
  p50: number;
  target: number | null;
  pTarget: number | null;
}

/** Quarterly bookings: the P10–P90 band, the P50 line, the target line and the chance of reaching it. */
export function QuarterChart({ result, currency }: { result: ForecastResult; currency: string }) {
  const rows: Row[] = result.quarters.map((q) => ({ label: q.label, band: [q.p10, q.p90], p50: q.p50, target: q.target, pTarget: q.pTarget }));
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return (
    <ChartCard
      wide
      title="Bookings per fiscal quarter"
      subtitle="The shaded band holds 8 of 10 simulated outcomes (P10 to P90); the line is the most likely outcome (P50)."
    >
      <div className="chart" role="img" aria-label={`Bookings per quarter: ${rows.map((r) => `${r.label} P50 ${compactMoney(r.p50, currency)}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 28, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--grid)" />
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
            <Legend verticalAlign="top" height={28} />
            <Area dataKey="band" name="P10–P90 range" fill="var(--band)" stroke="none" isAnimationActive={false} />
            <Line dataKey="p50" name="Most likely (P50)" stroke="var(--accent)" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
            <Line dataKey="target" name="Target" stroke="var(--target)" strokeDasharray="6 4" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
