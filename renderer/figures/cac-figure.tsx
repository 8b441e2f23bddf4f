import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastModel } from '../../shared/model/schema.ts';
import type { ForecastResult } from '../../shared/engine/result-types.ts';
import { rowsHeight, type Figure } from '../charts/figure.ts';
import { axisProps, ticksFromZero } from '../charts/ticks.ts';
import { figureTooltip } from '../charts/tooltip.ts';
import { compactMoney, finePercent, fullMoney } from '../../shared/format/numbers.ts';

/**
 * CAC by stage: the full-cycle cost of winning one customer (a deal's whole walk through the stages,
 * won or lost, per won deal), split into what is spent on deals that are won and lost. The remaining
 * spend on today's pipeline is a different number and is named as such in the subtitle.
 */
export function cacFigure(model: ForecastModel, result: ForecastResult): Figure {
  const { cac } = result;
  const full = cac.fullCycle;
  const rows = model.stages.map((s) => {
    const perWin = full.costPerWinByStage[s.id] ?? 0;
    const lost = full.lostCostPerWinByStage[s.id] ?? 0;
    return { stage: s.name, won: perWin - lost, lost };
  });
  const c = model.currency;
  const xAxis = ticksFromZero(rows.map((r) => r.won + r.lost), { maxTicks: 6 });
  const remaining = `Cost to work the current pipeline: ${compactMoney(cac.totalCost, c)}${cac.costPerWin === null ? '' : `, ${compactMoney(cac.costPerWin, c)} remaining cost per expected win`}.`;
  return {
    fileName: 'cac-by-stage',
    title: 'CAC by stage',
    subtitle:
      full.costPerWin === null
        ? `The stages' conversions are too small for a win, so there is no cost per won customer. ${remaining}`
        : `${compactMoney(full.costPerWin, c)} to win one customer over the whole cycle (full-cycle CAC, ${finePercent(full.winRate)} of deals won). ${remaining}`,
    legend: [
      { label: 'Spent on deals that are won', color: 'accent', mark: 'bar' },
      { label: 'Spent on deals that are lost', color: 'lost', mark: 'bar' },
    ],
    ariaLabel: `CAC by stage, full cycle, per won customer: ${rows.map((r) => `${r.stage} ${fullMoney(r.won + r.lost, c)}`).join(', ')}`,
    screenHeight: rowsHeight(rows.map((r) => r.stage), 300),
    draw: (palette, size) => (
      <BarChart {...size} data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={palette.grid} />
        <XAxis {...axisProps(xAxis)} tickFormatter={(v: number) => compactMoney(v, c)} label={{ value: `Cost per won customer, full cycle (${c})`, position: 'insideBottom', offset: -14, className: 'axis-label' }} />
        <YAxis type="category" dataKey="stage" width={170} />
        <Tooltip {...figureTooltip(palette, (v) => fullMoney(v, c))} />
        <Bar dataKey="won" stackId="cost" name="Spent on deals that are won" fill={palette.accent} isAnimationActive={false} />
        <Bar dataKey="lost" stackId="cost" name="Spent on deals that are lost" fill={palette.lost} isAnimationActive={false} />
      </BarChart>
    ),
  };
}
