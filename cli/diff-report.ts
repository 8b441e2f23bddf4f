import type { WhatChanged } from '../shared/analysis/what-changed.ts';
import { compactMoney, percent } from '../shared/format/numbers.ts';
import { table } from './terminal-report.ts';

/** How many deals that moved the most are listed per quarter. */
const DEALS_LISTED = 10;

const signed = (value: number, currency: string) => (Math.abs(value) < 0.5 ? compactMoney(0, currency) : `${value > 0 ? '+' : '−'}${compactMoney(Math.abs(value), currency)}`);
function points(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 100);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} pts`;
}

/** The readable report of `diff`: per shared quarter, before and after, the waterfall of causes and the deals that moved most. */
export function formatDiffReport(currency: string, changed: WhatChanged): string {
  const c = currency;
  const sections = changed.quarters.map((quarter, q) => {
    const pTarget = (value: number | null) => (value === null ? '–' : percent(value));
    const summary = table(
      ['', 'Mean', 'Median (P50)', 'Chance of target'],
      [
        ['Before', compactMoney(quarter.before.mean, c), compactMoney(quarter.before.p50, c), pTarget(quarter.before.pTarget)],
        ['After', compactMoney(quarter.after.mean, c), compactMoney(quarter.after.p50, c), pTarget(quarter.after.pTarget)],
      ],
    );
    const waterfall = table(
      ['Cause (in the order applied)', 'Mean', 'Median', 'Chance of target'],
      changed.causes.map((cause) => [cause.label, signed(cause.meanChangeByQuarter[q] ?? 0, c), signed(cause.p50ChangeByQuarter[q] ?? 0, c), points(cause.pTargetChangeByQuarter[q] ?? null)]),
    );
    const moved = changed.deals
      .filter((d) => Math.abs(d.expectedChangeByQuarter[q] ?? 0) >= 0.5)
      .sort((a, b) => Math.abs(b.expectedChangeByQuarter[q] ?? 0) - Math.abs(a.expectedChangeByQuarter[q] ?? 0))
      .slice(0, DEALS_LISTED);
    const deals =
      moved.length === 0
        ? 'No deal\'s expected bookings moved in this quarter.'
        : table(
            ['Deal', 'What happened', 'Expected before', 'Expected after', 'Change'],
            moved.map((d) => [d.name, d.change, compactMoney(d.expectedBefore[q] ?? 0, c), compactMoney(d.expectedAfter[q] ?? 0, c), signed(d.expectedChangeByQuarter[q] ?? 0, c)]),
          );
    return [`${quarter.label} (from ${quarter.start})`, '', summary, '', waterfall, '', `Deals that moved most (expected bookings = amount × chance to close in the quarter):`, '', deals, ''].join('\n');
  });
  return [`What changed (${changed.trials.toLocaleString('en-US')} trials per rerun, seed ${changed.seed}; the steps add up to the change of the mean and of the median)`, '', ...sections].join('\n');
}
