import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../engine/run.ts';
import { threeStageModel, validModel } from '../../tests/support/test-models.ts';
import { formatIsoDay, parseIsoDay } from '../model/dates.ts';
import type { Deal, ForecastModel } from '../model/schema.ts';
import { whatChanged, type WhatChanged } from './what-changed.ts';
import { CAUSES } from './what-changed-steps.ts';

const OPTIONS = { trials: 400, seed: 11 };
const base = validModel({ ...threeStageModel(), deals: [...threeStageModel().deals, { id: 'E', name: 'Epsilon', amount: 150_000, stage: 'exec', stageEnteredOn: '2026-10-15', crmCloseDate: '2027-01-31' }] });
const STAGES = ['exec', 'pilot', 'procurement'] as const;

const addDays = (iso: string, days: number) => formatIsoDay((parseIsoDay(iso) ?? 0) + days);

/** What can happen to one deal in a week of pipeline: nothing, or one of the CRM's usual edits. */
const dealEdit = fc.oneof(
  fc.constant({ kind: 'keep' as const }),
  fc.record({ kind: fc.constant('amount' as const), factor: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
  fc.record({ kind: fc.constant('stage' as const), stage: fc.constantFrom(...STAGES) }),
  fc.record({ kind: fc.constant('date' as const), back: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('push' as const), days: fc.integer({ min: 1, max: 90 }) }),
  fc.constant({ kind: 'won' as const }),
  fc.constant({ kind: 'lost' as const }),
  fc.constant({ kind: 'gone' as const }),
);

const pairArbitrary = fc.record({
  edits: fc.array(dealEdit, { minLength: base.deals.length, maxLength: base.deals.length }),
  daysLater: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  conversion: fc.option(fc.double({ min: 0.2, max: 0.95, noNaN: true }), { nil: undefined }),
  newPipeline: fc.boolean(),
  added: fc.integer({ min: 0, max: 2 }),
});

type Pair = typeof pairArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildPair(pair: Pair): { before: ForecastModel; after: ForecastModel } {
  const before: ForecastModel = pair.newPipeline ? { ...base, newPipeline: { dealsPerMonth: 2, amount: { median: 100_000, p90: 300_000 } } } : base;
  const asOf = addDays(before.asOf, pair.daysLater);
  const deals: Deal[] = [];
  const closedWon = [];
  const closedLost = [];
  for (const [i, deal] of before.deals.entries()) {
    const edit = pair.edits[i] ?? { kind: 'keep' };
    if (edit.kind === 'keep') deals.push(deal);
    else if (edit.kind === 'amount') deals.push({ ...deal, amount: Math.round(deal.amount * edit.factor) });
    else if (edit.kind === 'stage') deals.push({ ...deal, stage: edit.stage, stageEnteredOn: edit.stage === deal.stage ? deal.stageEnteredOn : asOf });
    else if (edit.kind === 'date') deals.push({ ...deal, stageEnteredOn: addDays(deal.stageEnteredOn, -edit.back) });
    else if (edit.kind === 'push') deals.push({ ...deal, crmCloseDate: addDays(deal.crmCloseDate ?? '2027-01-15', edit.days) });
    else if (edit.kind === 'won') closedWon.push({ id: deal.id, name: deal.name, amount: deal.amount, closedOn: asOf });
    else if (edit.kind === 'lost') closedLost.push({ id: deal.id, name: deal.name, amount: deal.amount, closedOn: asOf });
  }
  for (let n = 0; n < pair.added; n++) deals.push({ id: `NEW-${n}`, name: `New ${n}`, amount: 120_000 + n, stage: 'exec', stageEnteredOn: asOf });
  const stages = pair.conversion === undefined ? before.stages : before.stages.map((s, j) => (j === 1 ? { ...s, conversion: pair.conversion as number } : s));
  const after = validModel({ ...before, asOf, stages, deals, ...(closedWon.length ? { closedWon } : {}), ...(closedLost.length ? { closedLost } : {}) });
  return { before, after };
}

async function explain(before: ForecastModel, after: ForecastModel): Promise<WhatChanged> {
  const result = await whatChanged(before, after, OPTIONS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
/** Sums of a few hundred dollar amounts in a different order differ by rounding only. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-6 * Math.max(1, Math.abs(expected)));

describe('what changed: exact attribution', () => {
  it('steps add up to the total change, deals plus new pipeline add up to the change of the mean, and the ends are the plain forecasts', async () => {
    await fc.assert(
      fc.asyncProperty(pairArbitrary, async (pair) => {
        const { before, after } = buildPair(pair);
        const changed = await explain(before, after);
        const plainBefore = runForecast(before, OPTIONS);
        const plainAfter = runForecast(after, OPTIONS);
        if (!plainBefore.ok || !plainAfter.ok) throw new Error('the pair must be valid');
        changed.quarters.forEach((quarter, c) => {
          const ownBefore = plainBefore.value.quarters.find((q) => q.start === quarter.start);
          const ownAfter = plainAfter.value.quarters.find((q) => q.start === quarter.start);
          close(quarter.before.mean, ownBefore?.mean ?? NaN);
          close(quarter.after.mean, ownAfter?.mean ?? NaN);
          close(quarter.before.p50, ownBefore?.p50 ?? NaN);
          close(quarter.after.p50, ownAfter?.p50 ?? NaN);
          const meanChange = quarter.after.mean - quarter.before.mean;
          close(sum(changed.causes.map((cause) => cause.meanChangeByQuarter[c] ?? NaN)), meanChange);
          close(sum(changed.causes.map((cause) => cause.p50ChangeByQuarter[c] ?? NaN)), quarter.after.p50 - quarter.before.p50);
          close(sum(changed.deals.map((deal) => deal.expectedChangeByQuarter[c] ?? NaN)) + (changed.newPipelineChangeByQuarter[c] ?? NaN), meanChange);
          if (!before.newPipeline) expect(Math.abs(changed.newPipelineChangeByQuarter[c] ?? NaN)).toBeLessThan(1e-6);
          for (const deal of changed.deals) close(sum(CAUSES.map((cause) => deal.expectedChangeByCause[cause][c] ?? NaN)), deal.expectedChangeByQuarter[c] ?? NaN);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('a deal nobody touched has exactly zero change when the as-of date and the stage model stay', async () => {
    await fc.assert(
      fc.asyncProperty(pairArbitrary, async (drawn) => {
        const pair = { ...drawn, daysLater: 0, conversion: undefined };
        const { before, after } = buildPair(pair);
        const changed = await explain(before, after);
        const untouched = before.deals.filter((_d, i) => (pair.edits[i]?.kind ?? 'keep') === 'keep').map((d) => d.id);
        for (const id of untouched) {
          const deal = changed.deals.find((d) => d.id === id);
          expect(deal?.change).toBe('unchanged');
          for (const value of deal?.expectedChangeByQuarter ?? [NaN]) expect(value).toBe(0);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('names each deal by what happened to it and counts a pushed CRM close date', async () => {
    const pair: Pair = {
      edits: [{ kind: 'won' }, { kind: 'lost' }, { kind: 'gone' }, { kind: 'stage', stage: 'pilot' }, { kind: 'push', days: 30 }],
      daysLater: 7,
      conversion: undefined,
      newPipeline: false,
      added: 1,
    };
    const { before, after } = buildPair(pair);
    const changed = await explain(before, after);
    const kinds = Object.fromEntries(changed.deals.map((d) => [d.id, d.change]));
    expect(kinds).toEqual({ A: 'won', B: 'lost', C: 'removed', D: 'stage', E: 'date', 'NEW-0': 'added' });
    expect(changed.deals.find((d) => d.id === 'E')?.closeDatePushes).toBe(1);
    // A won deal's booked amount counts in the quarter it closed in.
    const won = changed.deals.find((d) => d.id === 'A');
    const current = changed.quarters.findIndex((q) => q.start <= after.asOf);
    expect(won?.expectedAfter[current]).toBe(100_000);
    // The removed deal's change sits in the removal step only.
    const gone = changed.deals.find((d) => d.id === 'C');
    for (const cause of CAUSES) if (cause !== 'removed' && cause !== 'time') expect(sum(gone?.expectedChangeByCause[cause] ?? [])).toBe(0);
  });

  it('counts a deal’s new signal value as a signal change, and new odds ratios as a change of the stage model, and still adds up', async () => {
    const signal = { id: 'pilot-result', name: 'Practitioner pilot', values: ['not run', 'passed'], baseline: 'not run', appliesFrom: 'exec', oddsRatios: { passed: 3 } };
    const before = validModel({ ...base, signals: [signal] });
    const after = validModel({
      ...base,
      signals: [{ ...signal, oddsRatios: { passed: 4 } }],
      deals: base.deals.map((deal) => (deal.id === 'D' ? { ...deal, signals: { 'pilot-result': 'passed' } } : deal)),
    });
    const changed = await explain(before, after);
    expect(changed.deals.find((d) => d.id === 'D')?.change).toBe('signals');
    const signalStep = changed.causes.find((c) => c.cause === 'signals');
    expect(sum(signalStep?.meanChangeByQuarter ?? [])).toBeGreaterThan(0);
    // Only deal D changed its value: every other deal's change sits outside the signal step.
    for (const deal of changed.deals) if (deal.id !== 'D') expect(sum(deal.expectedChangeByCause.signals)).toBe(0);
    const plainAfter = runForecast(after, OPTIONS);
    if (!plainAfter.ok) throw new Error('the pair must be valid');
    changed.quarters.forEach((quarter, c) => {
      close(quarter.after.mean, plainAfter.value.quarters.find((q) => q.start === quarter.start)?.mean ?? NaN);
      close(sum(changed.causes.map((cause) => cause.meanChangeByQuarter[c] ?? NaN)), quarter.after.mean - quarter.before.mean);
    });
  });

  it('refuses forecasts that share no quarter, saying why', async () => {
    const later = validModel({ ...base, asOf: '2029-06-01', deals: [] });
    const result = await whatChanged(base, later, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/share no quarter/);
  });
});
