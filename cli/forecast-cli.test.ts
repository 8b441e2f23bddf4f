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

  it('keeps the engine’s module constants as const in the bundle, so the JIT folds them into the inner loop', () => {
    const worker = readFileSync(join(root, 'dist-cli/forecast-worker.mjs'), 'utf8');
    expect(worker).toMatch(/^const GOLDEN = /m);
    expect(worker).toMatch(/^const TABLE_TAIL = /m);
    expect(worker).not.toMatch(/^var (GOLDEN|TABLE_TAIL|TABLE_INTERVALS) = /m);
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
    const out = join(dir, 'out');
    const run = cli([file, '--trials', '500', '--out', out]);
    expect(run.stdout).toContain('FY2027 Q4: booked $640K so far (closed won, included in every figure above)');
    expect(readFileSync(join(out, 'quarters.csv'), 'utf8').split('\r\n')[1]).toMatch(/^FY2027 Q4,.*,640000,\d+(\.\d+)?$/);
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
    expect(readFileSync(join(dir, 'deals.csv'), 'utf8')).toContain('D-1019,Acme Corp,Proof of concept,pilot,250000');
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
      'stages[0].duration: the slow-case time (P90, 30 days) must be more than the typical time (median, 45 days)',
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

describe('calibrate and backtest from the CLI', () => {
  const history = join(root, 'tests/fixtures/hubspot-deal-stage-dates.csv');
  let dir = '';
  let model = '';
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/run-cli.mjs'), 'forecast', '--help'], { encoding: 'utf8' });
    dir = mkdtempSync(join(tmpdir(), 'forecast-calibrate-'));
    model = join(dir, 'model.json');
    writeFileSync(model, JSON.stringify(SAMPLE_WORKSPACE));
  });

  it('prints the fit with its intervals as the documented JSON, and writes the fitted model with --out', () => {
    const out = join(dir, 'fitted.json');
    const run = cli(['calibrate', history, '--model', model, '--json', '--prior-weight', '2', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const fit = JSON.parse(run.stdout);
    expect(fit.stages.map((s: { id: string }) => s.id)).toEqual(['discovery', 'exec-presentation', 'pilot', 'security', 'procurement']);
    for (const s of fit.stages) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'name', 'conversion', 'conversionSampleSize', 'conversionInterval', 'duration', 'observations']));
      expect(s.conversionInterval[0]).toBeLessThan(s.conversion);
      expect(s.conversionInterval[1]).toBeGreaterThan(s.conversion);
      expect(s.conversion).toBeLessThan(1);
      expect(Object.keys(s.observations)).toEqual(['moved', 'lost', 'censored']);
      if (s.durationInterval) {
        expect(s.durationInterval.median[0]).toBeLessThan(s.duration.median);
        expect(s.durationInterval.p90[1]).toBeGreaterThan(s.duration.p90);
      }
    }
    expect(Array.isArray(fit.problems)).toBe(true);
    const fitted = JSON.parse(readFileSync(out, 'utf8'));
    const pilot = fit.stages.find((s: { id: string }) => s.id === 'pilot');
    expect(fitted.stages[2]).toMatchObject({ id: 'pilot', conversion: pilot.conversion, conversionSampleSize: pilot.conversionSampleSize, duration: pilot.duration });
    expect(fitted.stages[2].durationSampleSize).toBeGreaterThanOrEqual(2);
    // The prior is the rates before this history, so fitting the fitted model again counts no deal twice.
    expect(fitted.calibration.priorMeans.pilot).toBe(0.6);
    const again = JSON.parse(cli(['calibrate', history, '--model', out, '--json', '--prior-weight', '2']).stdout);
    expect(again.stages[2].conversion).toBe(pilot.conversion);
  });

  it('maps HubSpot’s internal stage ids and lists the stages it cannot map, with every row accounted for', () => {
    const csv = join(dir, 'changes.csv');
    const rows = ['Deal ID,Deal Stage,Stage Entered Date,Amount'];
    for (let i = 0; i < 30; i++) {
      rows.push(`D${i},pilot,2026-0${1 + (i % 3)}-1${i % 10},${100000 + i}`);
      rows.push(`D${i},${i % 3 === 0 ? 'closedlost' : 'closedwon'},2026-0${5 + (i % 3)}-0${1 + (i % 9)},${100000 + i}`);
    }
    rows.push('D99,Parked,2026-05-01,5000');
    writeFileSync(csv, `${rows.join('\r\n')}\r\n`);
    const run = cli(['calibrate', csv, '--model', model, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const fit = JSON.parse(run.stdout);
    expect(fit.stages[2].observations).toMatchObject({ moved: 20, lost: 10 });
    expect(fit.problems[0].message).toBe('CRM stage "Parked" matches no stage of the model; its rows were left out');
    expect(fit.problems.some((p: { line: number }) => p.line === 62)).toBe(true);
    expect(run.stderr).toContain('"Parked"');
  });

  it('backtests past quarters as the documented JSON, scoring only quarters with enough history', () => {
    const run = cli(['backtest', history, '--model', model, '--quarters', '4', '--trials', '500', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.quarters).toHaveLength(4);
    for (const q of result.quarters) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(['start', 'label', 'actual', 'p10', 'p50', 'p90', 'inside', 'scored']));
      if (!q.scored) expect(q.reason).toMatch(/^Not scored: /);
    }
    expect(Object.keys(result.coverage)).toEqual(['inside', 'scored', 'share', 'interval90']);
    expect(result.coverage.scored).toBe(result.quarters.filter((q: { scored: boolean }) => q.scored).length);
    expect(Object.keys(result.scores)).toEqual(['pinball', 'crps', 'brier', 'baselines']);
    expect(Object.keys(result.scores.baselines)).toEqual(['weightedPipeline', 'lastQuarter', 'sameQuarterLastYear']);
    expect(Array.isArray(result.calibration)).toBe(true);
  });

  it('exits 2 with every problem on stderr, one per line, for bad input', () => {
    const run = cli(['backtest', history, '--quarters', 'many', '--half-life', '0']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      '--model: is required: the model whose stages are replayed',
      '--quarters: must be a number from 1 to 40 (got "many")',
      '--half-life: must be a number from 0.25 to 100 (got "0")',
    ]);
    const missing = cli(['calibrate', join(dir, 'nope.csv'), '--model', model]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.csv')}: cannot be read (ENOENT)`);
    const folder = cli(['calibrate', dir, '--model', model]);
    expect(folder.stderr.trim()).toBe(`${dir}: is not a regular file`);
    writeFileSync(join(dir, 'empty.csv'), 'Deal ID,Deal Stage,Stage Entered Date,Amount\r\n');
    const empty = cli(['calibrate', join(dir, 'empty.csv'), '--model', model]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('has no deal with a stage change that maps to the model');
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  });
});
