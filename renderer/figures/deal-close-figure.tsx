import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DealForecast, ForecastResult } from '../../shared/engine/result-types.ts';
import { friendlyDate } from '../../shared/format/dates.ts';
import { percent } from '../../shared/format/numbers.ts';
import type { Figure } from '../charts/figure.ts';
import { axisProps, niceTicks } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';

const CHANCE_AXIS = niceTicks(0, 1, { maxTicks: 6 });

/** For one deal: the chance that it has closed (won) by the end of each quarter. */
export function dealCloseFigure(result: ForecastResult, deal: DealForecast): Figure {
  let running = 0;
  const rows = [{ label: 'Today', closed: 0 }, ...result.quarters.map((q, i) => ({ label: q.label, closed: (running += deal.pWinByQuarter[i] ?? 0) }))];
  return {
    fileName: `chance-to-close-${deal.id}`,
    title: `Chance to close by each quarter end: ${deal.name || deal.id}`,
    subtitle: deal.closeDate
      ? `${percent(deal.pWin)} chance to win in all; if won, a median close of ${friendlyDate(deal.closeDate.p50)} (8 in 10 between ${friendlyDate(deal.closeDate.p10)} and ${friendlyDate(deal.closeDate.p90)}).`
      : 'This deal was not won in any simulated outcome.',
    legend: [],
    ariaLabel: `Chance that ${deal.name} has closed: ${rows
      .slice(1)
      .map((r) => `${r.label} ${percent(r.closed)}`)
      .join(', ')}`,
    screenHeight: 240,
    draw: (palette, size) => (
      <LineChart {...size} data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" interval={0} padding={{ left: 8, right: 28 }} tick={{ fontSize: 11 }} label={{ value: 'By the end of', position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis {...axisProps(CHANCE_AXIS)} tickFormatter={percent} width={64} label={{ value: 'Chance closed won', angle: -90, position: 'insideLeft', offset: 4, dy: 56, className: 'axis-label' }} />
        <Tooltip {...figureTooltip(palette, percent)} />
        <Line type="monotone" dataKey="closed" name="Chance closed won" stroke={palette.accent} strokeWidth={3} dot={{ r: 3, fill: palette.accent }} isAnimationActive={false} />
      </LineChart>
    ),
  };
}
