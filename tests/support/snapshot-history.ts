import type { Deal, ForecastModel } from '../../shared/model/schema.ts';
import { addSnapshot } from '../../shared/snapshots/snapshot-store.ts';
import { emptySnapshotStore, type SnapshotStore, type SnapshotSummary } from '../../shared/snapshots/snapshot-types.ts';
import { formatIsoDay, parseIsoDay } from '../../shared/model/dates.ts';
import { mulberry32 } from './mulberry32.ts';

/** Uniform in [0, 1) from mulberry32, so the history is the same on every run. */
function generator(seed: number): () => number {
  const words = mulberry32(seed);
  return () => words() / 4294967296;
}

const STAGES = ['discovery', 'exec-presentation', 'pilot', 'security', 'procurement'];
const addDays = (iso: string, days: number) => formatIsoDay((parseIsoDay(iso) ?? 0) + days);

/**
 * A year and more of weekly CRM imports of a big pipeline: each week about 8% of open deals move a
 * stage, 5% change amount, 10% get a new CRM close date, 2% are won, 2% lost, and 4% more are added.
 */
export function weeklyHistory(base: ForecastModel, dealCount: number, weeks: number, firstTakenAt: Date): { store: SnapshotStore; last: ForecastModel } {
  const random = generator(7);
  let next = 0;
  const newDeal = (asOf: string): Deal => {
    next++;
    return {
      id: `D-${String(next).padStart(6, '0')}`,
      name: `Account ${next} - Platform`,
      amount: Math.round(50_000 + random() * 900_000),
      stage: STAGES[Math.floor(random() * 3)] ?? 'discovery',
      stageEnteredOn: addDays(asOf, -Math.floor(random() * 90)),
      owner: ['Maya Chen', 'Jon Alvarez', 'Priya Nair', 'Sam Okafor'][next % 4] ?? '',
      crmCloseDate: addDays(asOf, 30 + Math.floor(random() * 200)),
      crmForecastCategory: 'Pipeline',
    };
  };
  let model: ForecastModel = { ...base, deals: Array.from({ length: dealCount }, () => newDeal(base.asOf)), closedWon: [], closedLost: [] };
  let store = emptySnapshotStore();
  const summary = (m: ForecastModel): SnapshotSummary => ({
    trials: 10_000,
    seed: 1,
    quarters: Array.from({ length: 6 }, (_q, i) => ({ start: addDays(m.asOf, 91 * i), label: `Q${i}`, mean: 4e6 + i, p10: 2e6, p50: 3.9e6, p90: 6e6, booked: 0, target: 5e6, pTarget: 0.3 })),
  });
  for (let week = 0; week < weeks; week++) {
    if (week > 0) {
      const asOf = addDays(model.asOf, 7);
      const won = [...(model.closedWon ?? [])];
      const lost = [...(model.closedLost ?? [])];
      const deals: Deal[] = [];
      for (const deal of model.deals) {
        const r = random();
        if (r < 0.02) won.push({ id: deal.id, name: deal.name, amount: deal.amount, closedOn: asOf });
        else if (r < 0.04) lost.push({ id: deal.id, name: deal.name, amount: deal.amount, closedOn: asOf });
        else if (r < 0.12) deals.push({ ...deal, stage: STAGES[Math.min(STAGES.length - 1, STAGES.indexOf(deal.stage) + 1)] ?? deal.stage, stageEnteredOn: asOf });
        else if (r < 0.17) deals.push({ ...deal, amount: Math.round(deal.amount * (0.7 + random() * 0.6)) });
        else if (r < 0.27) deals.push({ ...deal, crmCloseDate: addDays(deal.crmCloseDate ?? asOf, 14 + Math.floor(random() * 60)) });
        else deals.push(deal);
      }
      const added = Math.round(model.deals.length * 0.04);
      for (let n = 0; n < added; n++) deals.push(newDeal(asOf));
      model = { ...model, asOf, deals, closedWon: won, closedLost: lost };
    }
    const takenAt = new Date(firstTakenAt.getTime() + week * 7 * 86_400_000).toISOString();
    store = addSnapshot(store, model, summary(model), takenAt, week === 0 ? 'import' : 'weekly');
  }
  return { store, last: model };
}
