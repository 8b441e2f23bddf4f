import type { ForecastModel, Scenario } from '../model/schema.ts';
import { finePercent as pct, fullMoney as money } from '../format/numbers.ts';
import { friendlyDate } from '../format/dates.ts';

const days = (value: number) => `${value} days`;

/**
 * A scenario's overrides in plain words, one line each, e.g. "Proof of concept: median 45 → 36 days".
 * Each line shows the baseline's current value, so the list stays true as the baseline is edited.
 */
export function describeScenario(baseline: ForecastModel, scenario: Scenario): string[] {
  const c = baseline.currency;
  const lines: string[] = [];
  for (const [id, o] of Object.entries(scenario.stages ?? {})) {
    const stage = baseline.stages.find((s) => s.id === id);
    const name = stage?.name ?? `Stage "${id}" (deleted)`;
    const from = <T,>(value: T | undefined, show: (v: T) => string) => (value === undefined ? '' : `${show(value)} → `);
    if (o.conversion !== undefined) lines.push(`${name}: conversion ${from(stage?.conversion, pct)}${pct(o.conversion)}`);
    if (o.conversionSampleSize !== undefined) lines.push(`${name}: certainty ${from(stage?.conversionSampleSize, String)}${o.conversionSampleSize} deals`);
    if (o.durationMedian !== undefined) lines.push(`${name}: median ${from(stage?.duration.median, String)}${days(o.durationMedian)}`);
    if (o.durationP90 !== undefined) lines.push(`${name}: slow case (P90) ${from(stage?.duration.p90, String)}${days(o.durationP90)}`);
    if (o.costPerDay !== undefined) lines.push(`${name}: cost per day ${from(stage?.costPerDay, (v) => money(v, c))}${money(o.costPerDay, c)}`);
    if (o.entryCost !== undefined) lines.push(`${name}: cost on entry ${from(stage?.entryCost, (v) => money(v, c))}${money(o.entryCost, c)}`);
  }
  for (const [id, o] of Object.entries(scenario.deals ?? {})) {
    const deal = baseline.deals.find((d) => d.id === id);
    const name = deal ? deal.name || deal.id : `Deal "${id}" (no longer in the pipeline)`;
    if (o.excluded) lines.push(`${name}: left out`);
    if (o.amount !== undefined) lines.push(`${name}: amount ${deal ? `${money(deal.amount, c)} → ` : ''}${money(o.amount, c)}`);
    if (o.stage !== undefined) {
      const stageName = (sid: string) => baseline.stages.find((s) => s.id === sid)?.name ?? sid;
      lines.push(`${name}: stage ${deal ? `${stageName(deal.stage)} → ` : ''}${stageName(o.stage)}`);
    }
    if (o.stageEnteredOn !== undefined) lines.push(`${name}: in its stage since ${friendlyDate(o.stageEnteredOn)}`);
    if (o.closeWindow) lines.push(`${name}: if won, closes between ${friendlyDate(o.closeWindow.from)} and ${friendlyDate(o.closeWindow.to)}`);
    if (o.closeWindow === null) lines.push(`${name}: no forced close window`);
  }
  const np = scenario.newPipeline;
  if (np?.dealsPerMonth !== undefined) lines.push(`New pipeline: ${baseline.newPipeline ? `${baseline.newPipeline.dealsPerMonth} → ` : ''}${np.dealsPerMonth} deals per month`);
  if (np?.amountMedian !== undefined) lines.push(`New pipeline: typical deal ${baseline.newPipeline ? `${money(baseline.newPipeline.amount.median, c)} → ` : ''}${money(np.amountMedian, c)}`);
  if (np?.amountP90 !== undefined) lines.push(`New pipeline: large deal (P90) ${baseline.newPipeline ? `${money(baseline.newPipeline.amount.p90, c)} → ` : ''}${money(np.amountP90, c)}`);
  for (const [day, value] of Object.entries(scenario.targets ?? {})) {
    const before = baseline.targets?.[day];
    lines.push(value === null ? `Target for the quarter from ${friendlyDate(day)}: removed` : `Target for the quarter from ${friendlyDate(day)}: ${before !== undefined ? `${money(before, c)} → ` : ''}${money(value, c)}`);
  }
  for (const shock of scenario.shocks ?? []) {
    const stageName = baseline.stages.find((s) => s.id === shock.stage)?.name ?? shock.stage;
    lines.push(`${shock.name ? `${shock.name}: ` : ''}${pct(shock.probability)} chance that every deal in ${stageName} on ${friendlyDate(shock.onDate)} slips ${days(shock.delayDays)}`);
  }
  return lines;
}
