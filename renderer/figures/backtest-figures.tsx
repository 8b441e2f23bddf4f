import { Bar, BarChart, CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { Backtest } from '../../shared/history/backtest.ts';
import type { Figure } from '../charts/figure.ts';
import type { Palette } from '../charts/palette.ts';
import { RangeBar, type BarShapeProps } from '../charts/range-bar.tsx';
import { compactMoney, percent } from '../format.ts';

/** "7 of 9 scored quarters (78%; 90% interval 52–93%)": coverage with its uncertainty. */
export function coverageWords(result: Backtest): string {
  const c = result.coverage;
  if (c.share === null) return 'no quarter had enough history before it to be scored';
  return `${c.inside} of ${c.scored} scored quarters (${percent(c.share)}; 90% interval ${percent(c.interval90[0])}–${percent(c.interval90[1])})`;
}

/** What each past quarter's forecast said (P10–P90, P50) against what actually closed and the baselines. */
export function backtestFigure(result: Backtest, currency: string): Figure {
  const rows = result.quarters.map((q) => ({ label: q.scored ? q.label : `${q.label}*`, band: [q.p10, q.p90] as [number, number], p50: q.p50, actual: q.actual, weighted: q.weighted, lastQuarter: q.lastQuarter }));
  const skipped = result.quarters.length - result.coverage.scored;
  return {
    fileName: 'backtest',
    title: 'Past quarters: forecast against what closed',
    subtitle: `Actual bookings fell inside the P10–P90 range in ${coverageWords(result)}; an honest forecast is near 80%.${skipped > 0 ? ` * not scored: too little history before it.` : ''}`,
    legend: [
      { label: 'Forecast P10–P90 (line: P50)', color: 'band', mark: 'band' },
      { label: 'Actual bookings', color: 'target', mark: 'line' },
      { label: 'Weighted pipeline (CRM)', color: 'muted', mark: 'dashed' },
      { label: 'Last quarter’s actual', color: 'series2', mark: 'dashed' },
    ],
    ariaLabel: `Backtest: ${result.quarters.map((q) => `${q.label} actual ${compactMoney(q.actual, currency)}, forecast ${compactMoney(q.p10, currency)} to ${compactMoney(q.p90, currency)}${q.scored ? '' : ' (not scored)'}`).join('; ')}`,
    screenHeight: 300,
    draw: (palette: Palette, size) => (
      <ComposedChart {...size} data={rows} margin={{ top: 12, right: 24, bottom: 24, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} label={{ value: 'Fiscal quarter (forecast made on its first day)', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} width={72} label={{ value: `Bookings (${currency})`, angle: -90, position: 'insideLeft', offset: -4, className: 'axis-label' }} />
        <Tooltip formatter={(value, name) => (Array.isArray(value) ? [`${compactMoney(Number(value[0]), currency)} – ${compactMoney(Number(value[1]), currency)}`, name] : [compactMoney(Number(value), currency), name])} />
        <Bar dataKey="band" name="Forecast P10–P90" fill={palette.band} barSize={44} isAnimationActive={false} shape={(props: unknown) => <RangeBar {...(props as BarShapeProps)} range="band" median="p50" medianStroke={palette.accent} />} />
        <Line dataKey="actual" name="Actual bookings" stroke={palette.target} strokeWidth={2.5} dot={{ r: 5, fill: palette.target }} isAnimationActive={false} />
        <Line dataKey="weighted" name="Weighted pipeline (CRM)" stroke={palette.muted} strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3, fill: palette.muted }} isAnimationActive={false} />
        <Line dataKey="lastQuarter" name="Last quarter’s actual" stroke={palette.series2} strokeDasharray="2 3" strokeWidth={2} dot={{ r: 3, fill: palette.series2 }} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}

/** Deal-level calibration: when the forecast gave deals a chance of x, about x of them closed. */
export function calibrationFigure(result: Backtest): Figure {
  const points = result.calibration.map((b) => ({ predicted: b.predicted * 100, observed: b.observed * 100, deals: b.deals }));
  const brier = result.scores.brier;
  return {
    fileName: 'calibration',
    title: 'Were the deal chances right?',
    subtitle: `Open deals of the scored quarters, grouped by their forecast chance to close in the quarter, against the share that did; on the diagonal means honest chances, dot size shows how many deals.${brier === null ? '' : ` Brier score ${brier.toFixed(3)} (0 is perfect).`}`,
    legend: [
      { label: 'Groups of deals', color: 'accent', mark: 'bar' },
      { label: 'Perfectly calibrated', color: 'muted', mark: 'dashed' },
    ],
    ariaLabel: `Calibration: ${result.calibration.map((b) => `${percent(b.predicted)} forecast, ${percent(b.observed)} closed (${b.deals} deals)`).join('; ')}`,
    screenHeight: 300,
    draw: (palette: Palette, size) => (
      <ComposedChart {...size} data={points} margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={palette.grid} />
        <XAxis dataKey="predicted" type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} label={{ value: 'Forecast chance to close in the quarter', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis dataKey="observed" type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={56} label={{ value: 'Share that closed', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <ZAxis dataKey="deals" range={[40, 400]} />
        <Tooltip formatter={(v, name) => [name === 'deals' ? String(v) : `${Number(v).toFixed(0)}%`, name]} />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 100, y: 100 }]} stroke={palette.muted} strokeDasharray="5 4" />
        <Scatter dataKey="observed" name="Share that closed" fill={palette.accent} isAnimationActive={false} />
      </ComposedChart>
    ),
  };
}

/** Where each scored quarter's actual fell within its forecast (PIT): flat bars mean honest spread. */
export function pitFigure(result: Backtest): Figure {
  const bins = result.pitHistogram.length;
  const rows = result.pitHistogram.map((count, i) => ({ label: `${Math.round((100 * i) / bins)}–${Math.round((100 * (i + 1)) / bins)}%`, count }));
  const expected = result.coverage.scored / Math.max(1, bins);
  return {
    fileName: 'backtest-pit',
    title: 'Where actuals fell in the forecast range',
    subtitle: `For each scored quarter, the share of simulated outcomes below what actually closed. An honest forecast spreads them evenly (about ${expected.toFixed(1)} per bar); piles at the ends mean ranges too narrow, a pile in the middle too wide.`,
    legend: [
      { label: 'Scored quarters', color: 'accent', mark: 'bar' },
      { label: 'Even spread', color: 'muted', mark: 'dashed' },
    ],
    ariaLabel: `Where actuals fell: ${rows.map((r) => `${r.label}: ${r.count}`).join('; ')}`,
    screenHeight: 260,
    draw: (palette: Palette, size) => (
      <BarChart {...size} data={rows} margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" label={{ value: 'Share of simulated outcomes below the actual', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis allowDecimals={false} width={56} label={{ value: 'Quarters', angle: -90, position: 'insideLeft', offset: 4, dy: 30, className: 'axis-label' }} />
        <Tooltip />
        <Bar dataKey="count" name="Quarters" fill={palette.accent} isAnimationActive={false} />
        <ReferenceLine y={expected} stroke={palette.muted} strokeDasharray="5 4" />
      </BarChart>
    ),
  };
}
