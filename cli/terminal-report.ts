import type { ForecastModel } from '../shared/model/schema.ts';
import type { ForecastResult } from '../shared/engine/result-types.ts';
import { compactMoney, decimal, finePercent, fullMoney as money, percent, whole } from '../shared/format/numbers.ts';


export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The readable report the CLI prints: bookings per quarter, and CAC by stage. */
export function formatReport(model: ForecastModel, result: ForecastResult): string {
  const c = model.currency;
  const quarters = table(
    ['Quarter', 'P10', 'Median', 'P90', 'Mean', 'Target', 'Chance of target', 'Exp. wins', 'Spend'],
    [
      ...result.quarters.map((q) => [
        `${q.label} (${q.start} – ${q.end})`,
        compactMoney(q.p10, c),
        compactMoney(q.p50, c),
        compactMoney(q.p90, c),
        compactMoney(q.mean, c),
        q.target === null ? '–' : compactMoney(q.target, c),
        q.pTarget === null ? '–' : percent(q.pTarget),
        decimal(q.expectedWins),
        compactMoney(q.spend, c),
      ]),
      ['Beyond horizon', '', '', '', compactMoney(result.beyondHorizon.mean, c), '', '', decimal(result.beyondHorizon.expectedWins), compactMoney(result.beyondHorizon.spend, c)],
    ],
  );
  const full = result.cac.fullCycle;
  const perWin = (value: number | null | undefined) => (value == null ? '–' : money(value, c));
  const fullCycle = table(
    ['Stage', 'Per won customer', 'Of it on lost deals'],
    [
      ...model.stages.map((s) => [s.name, perWin(full.costPerWinByStage[s.id]), perWin(full.lostCostPerWinByStage[s.id])]),
      ['All stages', perWin(full.costPerWin), perWin(Object.values(full.lostCostPerWinByStage).reduce((a: number, b) => a + (b ?? 0), 0))],
    ],
  );
  const cac = table(
    ['Stage', 'Expected cost', 'Per expected win', 'Spent on lost deals'],
    [
      ...model.stages.map((s) => [
        s.name,
        money(result.cac.costByStage[s.id] ?? 0, c),
        result.cac.costPerWinByStage[s.id] == null ? '–' : money(result.cac.costPerWinByStage[s.id] ?? 0, c),
        money(result.cac.lostCostByStage[s.id] ?? 0, c),
      ]),
      ['All stages', money(result.cac.totalCost, c), result.cac.costPerWin === null ? '–' : money(result.cac.costPerWin, c), money(Object.values(result.cac.lostCostByStage).reduce((a, b) => a + b, 0), c)],
    ],
  );
  const m = result.meta;
  const booked = result.quarters.filter((q) => q.booked > 0).map((q) => `${q.label}: booked ${compactMoney(q.booked, c)} so far (closed won, included in every figure above)`);
  return [
    `Bookings forecast as of ${m.asOf} (${whole(m.trials)} trials, seed ${m.seed}; forecast, not actuals)`,
    '',
    quarters,
    ...(booked.length > 0 ? ['', ...booked] : []),
    '',
    `CAC by stage: what winning one customer costs over the whole cycle (${finePercent(full.winRate)} of deals entering the first stage are won)`,
    '',
    fullCycle,
    '',
    `Cost to work the current pipeline, from ${m.asOf} on (${decimal(result.cac.expectedWins)} expected wins, whenever they close; remaining cost per expected win)`,
    '',
    cac,
    '',
  ].join('\n');
}
