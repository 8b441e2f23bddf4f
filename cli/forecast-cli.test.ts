import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';

const root = new URL('..', import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist-cli/forecast.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('forecast CLI', () => {
  beforeAll(() => {
    // Builds the bundle once (the same build `npm run forecast` makes), then runs it directly.
    execFileSync(process.execPath, [join(root, 'scripts/run-cli.mjs'), 'forecast', '--help'], { encoding: 'utf8' });
  });

  it('prints a readable forecast of the built-in sample workspace', () => {
    const run = cli(['--trials', '2000']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('FY2027 Q4 (2026-11-01 – 2027-01-31)');
    expect(run.stdout).toContain('Proof of concept');
    expect(run.stdout).toMatch(/Chance of target/);
  });

  it('says what is already booked in a quarter, in the report, the JSON and the quarters CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-booked-'));
    const file = join(dir, 'booked.json');
    writeFileSync(file, JSON.stringify({ ...SAMPLE_WORKSPACE, closedWon: [{ id: 'W-1', name: 'Meridian Bank - Renewal', amount: 640_000, closedOn: '2026-11-12' }] }));
    const run = cli([file, '--trials', '500', '--out', dir]);
    expect(run.stdout).toContain('FY2027 Q4: booked $640K so far (closed won, included in every figure above)');
    expect(readFileSync(join(dir, 'quarters.csv'), 'utf8').split('\r\n')[1]).toMatch(/^FY2027 Q4,.*,640000$/);
    expect(JSON.parse(cli([file, '--json', '--trials', '500']).stdout).quarters[0].booked).toBe(640_000);
  });

  it('prints the documented JSON contract and nothing else with --json', () => {
    const run = cli(['--json', '--trials', '1000', '--seed', '3']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result.quarters[0])).toEqual(expect.arrayContaining(['label', 'start', 'end', 'mean', 'sd', 'se', 'p10', 'p50', 'p90', 'expectedWins', 'booked', 'target', 'pTarget']));
    expect(result).toHaveProperty('beyondHorizon');
    expect(Object.keys(result.deals[0])).toEqual(expect.arrayContaining(['id', 'pWin', 'pWinByQuarter', 'closeDate']));
    expect(Object.keys(result.deals[0].closeDate)).toEqual(['p10', 'p50', 'p90']);
    expect(Object.keys(result.cac)).toEqual(expect.arrayContaining(['expectedWins', 'costByStage', 'costPerWinByStage', 'costPerWin', 'lostCostByStage', 'fullCycle']));
    expect(Object.keys(result.cac.fullCycle)).toEqual(['winRate', 'costPerWin', 'costPerWinByStage', 'lostCostPerWinByStage']);
    expect(typeof result.quarters[0].spend).toBe('number');
    expect(typeof result.beyondHorizon.spend).toBe('number');
    expect(result.meta).toMatchObject({ trials: 1000, seed: 3, engineVersion: '1.0.0' });
    expect(typeof result.meta.computeMs).toBe('number');
  });

  it('gives the same result with one worker and with several', () => {
    const strip = (text: string) => ({ ...JSON.parse(text), meta: { computeMs: 0 } });
    const one = cli(['--json', '--trials', '3000', '--workers', '1']);
    const three = cli(['--json', '--trials', '3000', '--workers', '3']);
    expect(strip(three.stdout)).toEqual(strip(one.stdout));
  });

  it('writes the CSV files with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-out-'));
    const run = cli(['--trials', '500', '--out', dir]);
    expect(run.status).toBe(0);
    const quarters = readFileSync(join(dir, 'quarters.csv'), 'utf8');
    expect(quarters.startsWith('\uFEFFQuarter,Start,End,Target (USD)')).toBe(true);
    expect(quarters).toContain('\r\n');
    expect(readFileSync(join(dir, 'deals.csv'), 'utf8')).toContain('D-1019,Acme Corp,pilot,250000');
    expect(readFileSync(join(dir, 'metadata.csv'), 'utf8')).toContain('Seed,1');
  });

  it('forecasts a scenario of the model file by name, and says which scenarios exist when asked for another', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-scenario-'));
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify({ ...SAMPLE_WORKSPACE, scenarios: [{ id: 'slip', name: 'Zenith slips out', deals: { 'D-1019': { excluded: true } } }] }));
    const base = JSON.parse(cli([file, '--json', '--trials', '1000']).stdout);
    const slip = JSON.parse(cli([file, '--json', '--trials', '1000', '--scenario', 'Zenith slips out']).stdout);
    expect(base.deals.some((d: { id: string }) => d.id === 'D-1019')).toBe(true);
    expect(slip.deals.some((d: { id: string }) => d.id === 'D-1019')).toBe(false);
    const missing = cli([file, '--scenario', 'nope']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('--scenario: the model has no scenario "nope" (it has "Zenith slips out")');
  });

  it('exits 2 with every problem on stderr for a bad model or bad options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-bad-'));
    const model = join(dir, 'bad.json');
    writeFileSync(model, JSON.stringify({ version: 1, asOf: '2026-11-23', stages: [{ id: 'pilot', name: 'P', conversion: 0.6, duration: { median: 45, p90: 30 } }], deals: [{ id: 'a', name: 'A', amount: 5, stage: 'pilott', stageEnteredOn: '2026-10-02' }] }));
    const run = cli([model]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'stages[0].duration: the median (45 days) must be below the P90 (30 days)',
      'deals[0].stage: unknown stage "pilott" (the stages are "pilot")',
    ]);
    expect(cli(['--trials', '0']).status).toBe(2);
    expect(cli([join(dir, 'missing.json')]).stderr).toContain('cannot be read (ENOENT)');
    writeFileSync(join(dir, 'broken.json'), '{"version": 1,');
    expect(cli([join(dir, 'broken.json')]).stderr).toContain('is not valid JSON');
  });

  it('refuses what is not a regular file as the model, at once (a pipe would hang the read)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-fifo-'));
    const fifo = join(dir, 'model.json');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, dir]) {
      const run = cli([path]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`${path}: is not a regular file; give a model file (.json)`);
    }
  });

  it('says a file from a newer app is from a newer app', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-newer-'));
    const file = join(dir, 'newer.json');
    writeFileSync(file, JSON.stringify({ ...SAMPLE_WORKSPACE, version: 3, somethingNew: {} }));
    const run = cli([file]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('version: made by a newer version of the app (format 3); update to open it');
  });

  it('never overwrites with --out, and leaves nothing behind when it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-out-bad-'));
    const file = join(dir, 'taken.csv');
    writeFileSync(file, 'mine');
    const onFile = cli(['--trials', '250', '--out', file]);
    expect(onFile.status).toBe(2);
    expect(onFile.stderr.trim()).toBe(`--out: ${file} already exists and is not a folder; give a new folder for the CSV files`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'quarters.csv'), 'mine');
    expect(cli(['--trials', '250', '--out', full]).stderr).toContain('already has files in it');
    expect(readFileSync(join(full, 'quarters.csv'), 'utf8')).toBe('mine');
    // Below a file: the folder cannot be made at all.
    const below = cli(['--trials', '250', '--out', join(file, 'out')]);
    expect(below.status).toBe(2);
    expect(below.stderr).toMatch(/^--out: cannot write .* \(ENOTDIR: .*\); nothing was written\n$/);
    noStackTrace(below.stderr);
    expect(readdirSync(dir).sort()).toEqual(['full', 'taken.csv']);
  });

  it('removes what it wrote when the disk fills up half way, and exits 2 without a stack trace', () => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'forecast-full-disk-'));
    // A 8 KiB file system (two pages) holds two of the four CSV files; mounting needs root, as on CI.
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', mountPoint]).status !== 0) {
      rmdirSync(mountPoint);
      console.warn('skipped the full-disk check: mounting a small file system needs root');
      return;
    }
    try {
      const run = cli(['--trials', '250', '--out', join(mountPoint, 'pack')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^--out: cannot write .*pack \(ENOSPC: .*\); nothing was written\n$/);
      noStackTrace(run.stderr);
      expect(run.stdout).toBe('');
      expect(readdirSync(mountPoint)).toEqual([]);
    } finally {
      spawnSync('umount', [mountPoint]);
      if (existsSync(mountPoint)) rmdirSync(mountPoint);
    }
  });
});
