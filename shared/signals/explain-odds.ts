import type { Deal, ForecastModel } from '../model/schema.ts';

export interface OddsReason {
  signalId: string;
  /** "Practitioner pilot: passed, odds ×3.0 from Security and compliance review on". */
  text: string;
  oddsRatio: number;
}

const times = (ratio: number) => `×${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}`;

/**
 * Why a deal's odds differ from its stage's (semantics 12): each of its signal values with an odds
 * ratio other than 1, from which stage on, and how uncertain the ratio is. Empty when nothing moves them.
 */
export function explainDealOdds(model: Pick<ForecastModel, 'signals' | 'stages'>, deal: Pick<Deal, 'signals'>): OddsReason[] {
  return (model.signals ?? []).flatMap((signal) => {
    const value = deal.signals?.[signal.id];
    if (value === undefined || value === signal.baseline) return [];
    const ratio = signal.oddsRatios[value] ?? 1;
    const sd = signal.logSd?.[value] ?? 0;
    if (ratio === 1 && sd === 0) return [];
    const first = model.stages[0]?.id === signal.appliesFrom;
    const stage = model.stages.find((s) => s.id === signal.appliesFrom)?.name ?? signal.appliesFrom;
    const spread = sd > 0 ? ` (uncertain: ${times(Math.exp(Math.log(ratio) - 1.6448536269514722 * sd))}–${times(Math.exp(Math.log(ratio) + 1.6448536269514722 * sd))})` : '';
    return [{ signalId: signal.id, oddsRatio: ratio, text: `${signal.name}: ${value}, odds ${times(ratio)}${first ? '' : ` from ${stage} on`}${spread}` }];
  });
}
