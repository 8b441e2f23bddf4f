import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { starterSignals } from '../shared/signals/starter-signals.ts';

const root = new URL('..', import.meta.url).pathname;
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist-cli/forecast.mjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
const history = join(root, 'tests/fixtures/hubspot-deals-with-signals.csv');
const stages = (SAMPLE_WORKSPACE.stages ?? []).map((s) => ({ id: s.id, name: s.name }));

describe('calibrate --json with signals, and forecasts of models with signals', () => {
  let dir = '';
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/run-cli.mjs'), 'forecast', '--help'], { encoding: 'utf8' });
    dir = mkdtempSync(join(tmpdir(), 'forecast-signals-'));
  });

  it('reports each signal value with its odds ratio, 90% interval and stage exits, and lists values it cannot map', () => {
    const model = join(dir, 'starter.json');
    writeFileSync(model, JSON.stringify({ ...SAMPLE_WORKSPACE, signals: starterSignals(stages) }));
    const run = cli(['calibrate', history, '--model', model, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const fit = JSON.parse(run.stdout);
    // Only the signals whose column the file has: the pilot and the sponsor, not usage or early security.
    expect(fit.signals.map((s: { id: string }) => s.id)).toEqual(['pilot', 'sponsor']);
    const sponsor = fit.signals[1].values.yes;
    expect(Object.keys(sponsor)).toEqual(expect.arrayContaining(['oddsRatio', 'interval', 'exits']));
    // The fixture was made with ×2 for an engaged sponsor (600 deals; see scripts/make-signal-history-fixture.ts).
    expect(sponsor.interval[0]).toBeLessThan(2);
    expect(sponsor.interval[1]).toBeGreaterThan(2);
    expect(sponsor.exits).toBeGreaterThan(500);
    expect(fit.signals[0].values.failed.interval[1]).toBeLessThan(1);
    expect(Object.keys(fit.signals[0].values)).toEqual(['passed', 'mixed', 'failed']);
    expect(run.stderr).toContain('column "Practitioner pilot": "In progress" (2 rows) is none of the signal\'s values; those deals count at its baseline');
  });

  it('leaves signals out of the JSON when the model declares none', () => {
    const model = join(dir, 'plain.json');
    writeFileSync(model, JSON.stringify({ ...SAMPLE_WORKSPACE, signals: [] }));
    const run = cli(['calibrate', history, '--model', model, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).signals).toBeUndefined();
  });

  it('forecasts a model with signals: a passed pilot raises that deal’s chance', () => {
    const signals = starterSignals(stages).map((s) => (s.id === 'pilot' ? { ...s, oddsRatios: { passed: 4 } } : s));
    const deals = (SAMPLE_WORKSPACE.deals ?? []).map((d) => (d.id === 'D-1021' ? { ...d, signals: { pilot: 'passed' } } : d));
    const plain = join(dir, 'plain-forecast.json');
    const withPilot = join(dir, 'pilot-forecast.json');
    writeFileSync(plain, JSON.stringify({ ...SAMPLE_WORKSPACE, signals }));
    writeFileSync(withPilot, JSON.stringify({ ...SAMPLE_WORKSPACE, signals, deals }));
    const chance = (file: string) => {
      const run = cli([file, '--json', '--trials', '4000', '--workers', '1']);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout).deals.find((d: { id: string }) => d.id === 'D-1021').pWin as number;
    };
    expect(chance(withPilot)).toBeGreaterThan(chance(plain) + 0.1);
  });
});
