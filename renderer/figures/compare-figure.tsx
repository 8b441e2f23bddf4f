import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioRun } from '../../shared/analysis/compare.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import type { Figure, LegendEntry } from '../charts/figure.ts';
import type { Palette } from '../charts/palette.ts';
import { RangeBar, type BarShapeProps } from '../charts/range-bar.tsx';
import { compactMoney } from '../format.ts';

const SERIES_KEYS = ['series0', 'series1', 'series2', 'series3'] as const;

/** Up to four scenarios side by side per quarter: P10–P90 bars with the P50 marked, and the targets. */
export function compareFigure(runs: readonly ScenarioRun[], currency: string, seed: number): Figure | null {
  const valid = runs.filter((r): r is ScenarioRun & { result: ForecastResult } => r.result !== null);
  const first = valid[0]?.result;
  if (!first) return null;
  const rows = first.quarters.map((q, i) => {
    const row: Record<string, unknown> = { label: q.label, target: q.target };
    valid.forEach((run, s) => {
      const rq = run.result.quarters[i];
      row[`range${s}`] = [rq?.p10 ?? 0, rq?.p90 ?? 0];
      row[`p50${s}`] = rq?.p50 ?? 0;
    });
    return row;
  });
  const legend: LegendEntry[] = valid.map((run, s) => ({ label: run.name, color: SERIES_KEYS[s] ?? 'series0', mark: 'bar' }));
  if (first.quarters.some((q) => q.target !== null)) legend.push({ label: 'Target (baseline)', color: 'target', mark: 'dashed' });
  return {
    fileName: 'scenario-comparison',
    title: 'Scenarios compared, per quarter',
    subtitle: `Bars span P10 to P90, the bold line is the P50. Every scenario uses seed ${seed} and the same random numbers, so the differences come from the assumptions, not from noise.`,
    legend,
    ariaLabel: `Scenario comparison: ${valid.map((r) => `${r.name} ${r.result.quarters.map((q) => `${q.label} P50 ${compactMoney(q.p50, currency)}`).join(', ')}`).join('; ')}`,
    screenHeight: 340,
    draw: (palette: Palette, size) => (
      <ComposedChart {...size} data={rows} margin={{ top: 12, right: 24, bottom: 24, left: 16 }} barGap={4} barCategoryGap="22%">
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} label={{ value: 'Fiscal quarter', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} width={72} label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -4, className: 'axis-label' }} />
        <Tooltip
          formatter={(value, name) => (Array.isArray(value) ? [`${compactMoney(Number(value[0]), currency)} – ${compactMoney(Number(value[1]), currency)}`, name] : [compactMoney(Number(value), currency), name])}
        />
        {valid.map((run, s) => (
          <Bar
            key={run.id}
            dataKey={`range${s}`}
            name={`${run.name} (P10–P90)`}
            fill={palette[SERIES_KEYS[s] ?? 'series0']}
            isAnimationActive={false}
            shape={(props: unknown) => <RangeBar {...(props as BarShapeProps)} range={`range${s}`} median={`p50${s}`} medianStroke={palette[SERIES_KEYS[s] ?? 'series0']} tinted />}
          />
        ))}
        <Line dataKey="target" name="Target (baseline)" stroke={palette.target} strokeDasharray="6 4" strokeWidth={2} dot={{ r: 3, fill: palette.target }} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}
