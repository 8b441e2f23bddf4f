import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForecastModelInput } from '../shared/model/schema.ts';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';

const root = new URL('..', import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist-cli/forecast.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });

/** A week later: one deal won, one lost, one bigger, one moved on, one new. */
function weekLater(): ForecastModelInput {
  const deals = SAMPLE_WORKSPACE.deals.filter((d) => d.id !== 'D-1035' && d.id !== 'D-1009').map((d) => {
    if (d.id === 'D-1021') return { ...d, amount: 1_000_000 };
    if (d.id === 'D-1029') return { ...d, stage: 'procurement', stageEnteredOn: '2026-11-27' };
    return d;
  });
  return {
    ...SAMPLE_WORKSPACE,
    asOf: '2026-11-30',
    deals: [...deals, { id: 'D-2001', name: 'Fjord Analytics', amount: 300_000, stage: 'discovery', stageEnteredOn: '2026-11-26' }],
    closedWon: [{ id: 'D-1035', name: 'Zenith Financial', amount: 1_200_000, closedOn: '2026-11-27' }],
    closedLost: [{ id: 'D-1009', name: 'Summit Airlines', amount: 480_000, closedOn: '2026-11-25' }],
  };
}

describe('forecast diff', () => {
  let dir = '';
  let before = '';
  let after = '';
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/run-cli.mjs'), 'forecast', '--help'], { encoding: 'utf8' });
    dir = mkdtempSync(join(tmpdir(), 'forecast-diff-'));
    before = join(dir, 'before.json');
    after = join(dir, 'after.json');
    writeFileSync(before, JSON.stringify(SAMPLE_WORKSPACE));
    writeFileSync(after, JSON.stringify(weekLater()));
  });

  it('prints the documented JSON, whose deals and causes add up to each shared quarter’s change', () => {
    const run = cli(['diff', before, after, '--trials', '2000', '--seed', '5', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(Object.keys(diff)).toEqual(['quarters', 'deals', 'causes', 'newPipelineChangeByQuarter']);
    expect(diff.quarters.map((q: { start: string }) => q.start)).toEqual(['2026-11-01', '2027-02-01', '2027-05-01', '2027-08-01', '2027-11-01', '2028-02-01']);
    expect(Object.keys(diff.quarters[0])).toEqual(['start', 'label', 'before', 'after']);
    expect(Object.keys(diff.quarters[0].before)).toEqual(['mean', 'p50', 'pTarget']);
    expect(Object.keys(diff.deals[0])).toEqual(['id', 'name', 'change', 'expectedChangeByQuarter']);
    expect(diff.causes.map((c: { cause: string }) => c.cause)).toEqual(['model', 'time', 'removed', 'amount', 'stage', 'date', 'signals', 'push', 'added']);
    const kinds = Object.fromEntries(diff.deals.map((d: { id: string; change: string }) => [d.id, d.change]));
    expect(kinds).toMatchObject({ 'D-1035': 'won', 'D-1009': 'lost', 'D-1021': 'amount', 'D-1029': 'stage', 'D-2001': 'added', 'D-1001': 'aged' });
    diff.quarters.forEach((q: { before: { mean: number; p50: number }; after: { mean: number; p50: number } }, i: number) => {
      const meanChange = q.after.mean - q.before.mean;
      const dealSum = diff.deals.reduce((s: number, d: { expectedChangeByQuarter: number[] }) => s + (d.expectedChangeByQuarter[i] ?? 0), 0);
      expect(dealSum + diff.newPipelineChangeByQuarter[i]).toBeCloseTo(meanChange, 3);
      expect(diff.causes.reduce((s: number, c: { meanChangeByQuarter: number[] }) => s + (c.meanChangeByQuarter[i] ?? 0), 0)).toBeCloseTo(meanChange, 3);
      expect(diff.causes.reduce((s: number, c: { p50ChangeByQuarter: number[] }) => s + (c.p50ChangeByQuarter[i] ?? 0), 0)).toBeCloseTo(q.after.p50 - q.before.p50, 3);
    });
    // Zenith's $1.2M closed in the current quarter: the removal step carries it as booked.
    const won = diff.deals.find((d: { id: string }) => d.id === 'D-1035');
    expect(won.expectedChangeByQuarter[0]).toBeGreaterThan(0);
  });

  it('prints a readable waterfall without --json', () => {
    const run = cli(['diff', before, after, '--trials', '1000']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('FY2027 Q4 (from 2026-11-01)');
    expect(run.stdout).toContain('Won, lost or gone');
    expect(run.stdout).toContain('Zenith Financial');
  });

  it('exits 2 with a plain reason for each bad file or argument, and no stack trace', () => {
    const missing = cli(['diff', join(dir, 'nope.json'), after]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.json')}: cannot be read (ENOENT)`);
    writeFileSync(join(dir, 'broken.json'), '{ "version": 1,');
    const broken = cli(['diff', before, join(dir, 'broken.json')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: is not valid JSON/);
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ ...SAMPLE_WORKSPACE, deals: [{ ...SAMPLE_WORKSPACE.deals[0], stage: 'pilott' }] }));
    const invalid = cli(['diff', join(dir, 'invalid.json'), after]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/invalid\.json: deals\[0\]\.stage: unknown stage "pilott"/);
    const one = cli(['diff', before, '--trials', 'x']);
    expect(one.status).toBe(2);
    expect(one.stderr.trim().split('\n')).toEqual(['arguments: expected two model files, BEFORE.json and AFTER.json, got 1', '--trials: must be a number from 1 to 2000000 (got "x")']);
    const apart = join(dir, 'apart.json');
    writeFileSync(apart, JSON.stringify({ ...SAMPLE_WORKSPACE, asOf: '2030-01-01', deals: [] }));
    const far = cli(['diff', before, apart]);
    expect(far.status).toBe(2);
    expect(far.stderr).toContain('share no quarter');
    for (const run of [missing, broken, invalid, one, far]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
