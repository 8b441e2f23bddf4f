import { describe, expect, it } from 'vitest';
import { validModel } from '../../tests/support/test-models.ts';
import { weeklyHistory } from '../../tests/support/snapshot-history.ts';
import type { ForecastModel } from '../model/schema.ts';
import { SAMPLE_WORKSPACE } from '../sample/sample-workspace.ts';
import { readWorkspaceText, workspaceText } from '../workspace/document.ts';
import { snapshotStoreProblem } from './snapshot-check.ts';
import { snapshotDaysBefore, weeklySnapshotDue, weekStart } from './snapshot-schedule.ts';
import { addSnapshot, modelAt, thinSnapshots } from './snapshot-store.ts';
import { emptySnapshotStore, type SnapshotStore } from './snapshot-types.ts';

const sample = validModel(SAMPLE_WORKSPACE);
const byId = <T extends { id: string }>(list: readonly T[] | undefined) => [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
/** What a snapshot keeps of a model: its pipeline and settings, not its name, scenarios or calibration. */
function pipelineOf(model: ForecastModel) {
  const { name: _n, scenarios: _s, calibration: _c, crmStageMapping: _m, snapshots: _h, revision: _r, deals, closedWon, closedLost, ...settings } = model;
  return { settings, deals: byId(deals), closedWon: byId(closedWon), closedLost: byId(closedLost) };
}

/** Weekly models of a small pipeline, kept so each snapshot can be checked against the model it was taken of. */
function smallHistory(weeks: number, start: Date): { store: SnapshotStore; models: ForecastModel[] } {
  const models: ForecastModel[] = [];
  let store = emptySnapshotStore();
  let model = sample;
  for (let week = 0; week < weeks; week++) {
    if (week > 0) {
      const [first, second, ...rest] = model.deals;
      const moved = first ? [{ ...first, amount: first.amount + 1000 * week }] : [];
      const won = second ? [...(model.closedWon ?? []), { id: second.id, name: second.name, amount: second.amount, closedOn: model.asOf }] : model.closedWon;
      const added = { id: `NEW-${week}`, name: `New ${week}`, amount: 100_000, stage: 'discovery', stageEnteredOn: model.asOf, crmCloseDate: '2027-06-30' };
      const stages = week % 5 === 0 ? model.stages.map((s, j) => (j === 0 ? { ...s, conversion: 0.5 + week / 1000 } : s)) : model.stages;
      model = { ...model, stages, deals: [...rest, ...moved, added], ...(won ? { closedWon: won } : {}) };
    }
    models.push(model);
    store = addSnapshot(store, model, null, new Date(start.getTime() + week * 7 * 86_400_000).toISOString(), 'weekly');
  }
  return { store, models };
}

describe('snapshots', () => {
  it('rebuild every snapshot exactly as the model was, deals stored once with their changes', () => {
    const { store, models } = smallHistory(12, new Date('2026-09-07T10:00:00Z'));
    expect(snapshotStoreProblem(store)).toBeNull();
    models.forEach((model, i) => expect(pipelineOf(modelAt(store, i))).toEqual(pipelineOf(model)));
    // Each deal is stored once per list, and an unchanged deal has a single change: its first record.
    const untouched = store.deals.open['D-1040'];
    expect(untouched?.length).toBe(1);
    // Settings are stored again only when they change (every fifth week here).
    expect(store.entries.map((e) => e.settings !== undefined)).toEqual([true, false, false, false, false, true, false, false, false, false, true, false]);
  });

  it('thin snapshots older than two years to the last of each month, and the kept ones rebuild as before', () => {
    const start = new Date('2024-01-01T09:00:00Z');
    const { store, models } = smallHistory(150, start);
    const now = new Date('2026-11-23T12:00:00Z');
    const thinned = thinSnapshots(store, now);
    const cutoff = new Date(now.getTime() - 731 * 86_400_000).toISOString();
    const old = thinned.entries.filter((e) => e.takenAt < cutoff);
    const months = new Set(store.entries.filter((e) => e.takenAt < cutoff).map((e) => e.takenAt.slice(0, 7)));
    expect(old.map((e) => e.takenAt.slice(0, 7))).toEqual([...months]);
    expect(thinned.entries.filter((e) => e.takenAt >= cutoff)).toEqual(store.entries.filter((e) => e.takenAt >= cutoff).map((e) => expect.objectContaining({ takenAt: e.takenAt })));
    thinned.entries.forEach((entry, i) => {
      const original = store.entries.findIndex((e) => e.takenAt === entry.takenAt);
      expect(pipelineOf(modelAt(thinned, i))).toEqual(pipelineOf(models[original] as ForecastModel));
    });
    expect(thinSnapshots(thinned, now)).toBe(thinned);
  });

  it('travel in the workspace file, and a damaged history is left out with a problem rather than refusing the file', () => {
    const { store } = smallHistory(3, new Date('2026-11-02T10:00:00Z'));
    const read = readWorkspaceText(workspaceText({ ...sample, snapshots: store }));
    expect(read.ok && read.value.document.snapshots).toEqual(store);
    const damaged = readWorkspaceText(workspaceText({ ...sample, snapshots: { ...store, deals: { open: { X: [[7]] }, won: {}, lost: {} } } }));
    expect(damaged.ok && damaged.value.document.snapshots).toBeUndefined();
    expect(damaged.ok && damaged.value.problems).toEqual([{ path: 'snapshots', message: 'the snapshot history deals.open["X"] has a change at a snapshot that does not exist, or out of order; it was left out' }]);
  });

  it('take the weekly snapshot on the first change of a week, unless turned off, and find last week’s', () => {
    expect(weekStart(new Date('2026-11-25T15:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    const store = addSnapshot(emptySnapshotStore(), sample, null, '2026-11-20T09:00:00.000Z', 'import');
    expect(weeklySnapshotDue(undefined, new Date('2026-11-25T09:00:00Z'))).toBe(true);
    expect(weeklySnapshotDue(store, new Date('2026-11-22T23:00:00Z'))).toBe(false);
    expect(weeklySnapshotDue(store, new Date('2026-11-23T08:00:00Z'))).toBe(true);
    expect(weeklySnapshotDue({ ...store, weekly: false }, new Date('2026-11-30T08:00:00Z'))).toBe(false);
    const two = addSnapshot(store, sample, null, '2026-11-26T09:00:00.000Z', 'manual');
    expect(snapshotDaysBefore(two, new Date('2026-11-26T10:00:00Z'), 7)).toBeNull();
    expect(snapshotDaysBefore(two, new Date('2026-11-28T09:00:00Z'), 7)).toBe(0);
    expect(snapshotDaysBefore(two, new Date('2026-11-27T09:00:00Z'), 1)).toBe(1);
    expect(snapshotDaysBefore(two, new Date('2026-12-03T10:00:00Z'), 7)).toBe(1);
  });
});

describe('snapshot storage at scale: 5,000 deals × 100 weekly snapshots', () => {
  it('stays under 20 MB and opens in a small multiple of reading its JSON', { timeout: 300_000 }, () => {
    const { store, last } = weeklyHistory(sample, 5000, 100, new Date('2025-01-06T09:00:00Z'));
    const text = workspaceText({ ...last, snapshots: store });
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeLessThan(20_000_000);
    const best = (work: () => unknown) => {
      let fastest = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        work();
        fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    const parseMs = best(() => JSON.parse(text));
    const openMs = best(() => readWorkspaceText(text));
    console.log(`5,000 deals × 100 snapshots: ${(bytes / 1e6).toFixed(1)} MB, JSON.parse ${parseMs.toFixed(0)} ms, open ${openMs.toFixed(0)} ms`);
    // Opening is parsing plus checks that do not walk the history with the schema: a small multiple of the parse.
    expect(openMs).toBeLessThan(4 * parseMs + 50);
    const read = readWorkspaceText(text);
    expect(read.ok && read.value.document.snapshots?.entries.length).toBe(100);
  });
});
