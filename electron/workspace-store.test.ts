import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { migrateDocument, type Migration } from '../shared/workspace/migrations.ts';
import { WorkspaceStore } from './workspace-store.ts';

function freshStore(start = Date.UTC(2026, 10, 23, 9)) {
  const root = mkdtempSync(join(tmpdir(), 'forecast-store-'));
  let now = start;
  const store = new WorkspaceStore(root, () => now);
  return { root, store, advance: (ms: number) => (now += ms) };
}

async function createdWith(store: WorkspaceStore, name = 'Pipeline') {
  const created = await store.create(name, SAMPLE_WORKSPACE);
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return created.value.id;
}

const fileOf = (root: string, id: string) => join(root, `${id}.forecast.json`);

describe('workspace files', () => {
  it('writes owner-only files and reads back exactly what was saved', async () => {
    const { root, store } = freshStore();
    const id = await createdWith(store);
    expect(statSync(fileOf(root, id)).mode & 0o777).toBe(0o600);
    const opened = await store.open(id);
    expect(opened.ok && opened.value.document.deals).toHaveLength(40);
  });

  for (const [kind, damage] of [
    ['corrupt', (text: string) => text.replace(/"deals"/, '"deals" ::: ')],
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['wrong-schema', () => JSON.stringify({ version: 1, hello: 'world' })],
    ['not JSON at all', () => '\u0000\u0001binary'],
  ] as const) {
    it(`moves a ${kind} file aside, restores the newest good backup and says so`, async () => {
      const { root, store, advance } = freshStore();
      const id = await createdWith(store);
      const opened = await store.open(id);
      if (!opened.ok) throw new Error('open');
      // Two saves ten minutes apart: the second one backs up the state before it.
      await store.save(id, { ...opened.value.document, horizonQuarters: 5 }, 0);
      advance(10 * 60 * 1000);
      await store.save(id, { ...opened.value.document, horizonQuarters: 3 }, 1);
      writeFileSync(fileOf(root, id), damage(readFileSync(fileOf(root, id), 'utf8')));

      const recovered = await store.open(id);
      if (!recovered.ok) throw new Error(JSON.stringify(recovered.problems));
      expect(recovered.value.document.horizonQuarters).toBe(5);
      expect(recovered.value.recovery).toMatchObject({ restoredFrom: expect.stringMatching(/^rolling-\d+\.json$/) });
      expect(recovered.value.recovery?.reason.length).toBeGreaterThan(0);
      // The damaged file is kept, and the restored file is good from now on.
      expect(readdirSync(join(root, 'damaged'))).toHaveLength(1);
      const again = await store.open(id);
      expect(again.ok && again.value.recovery).toBeNull();
    });
  }

  it('never starts silently empty: a damaged file without backups is an error that names where it was kept', async () => {
    const { root, store } = freshStore();
    const id = await createdWith(store);
    writeFileSync(fileOf(root, id), '{"version": 1, "asOf": "2026-11');
    const opened = await store.open(id);
    expect(opened.ok).toBe(false);
    expect(opened.ok ? '' : opened.problems[0]?.message).toMatch(/no good backup was found\. The damaged file was kept at .*damaged/);
    expect(readdirSync(join(root, 'damaged'))).toHaveLength(1);
  });

  it('refuses a file from a newer app without changing it, and opens it again once it is readable', async () => {
    const { root, store } = freshStore();
    const id = await createdWith(store);
    const path = fileOf(root, id);
    const original = readFileSync(path, 'utf8');
    const newer = JSON.stringify({ ...JSON.parse(original), version: 2, scenarios: [] });
    writeFileSync(path, newer);
    const refused = await store.open(id);
    expect(refused.ok ? '' : refused.problems[0]?.message).toMatch(/newer version of the app/);
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(existsSync(join(root, 'damaged'))).toBe(false);
    // "Upgrade": the file is readable again (here: written back in this app's format).
    writeFileSync(path, original);
    expect((await store.open(id)).ok).toBe(true);
  });

  it('keeps a bounded set of rolling backups', async () => {
    const { root, store, advance } = freshStore();
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    for (let i = 0; i < 200; i++) {
      advance(7 * 60 * 1000); // a save every 7 minutes for about a day
      await store.save(id, { ...opened.value.document, horizonQuarters: 1 + (i % 12) }, i);
    }
    const backups = readdirSync(join(root, 'backups', id));
    expect(backups.length).toBeGreaterThan(5);
    expect(backups.length).toBeLessThanOrEqual(12 + 14);
  });
});

describe('migrations', () => {
  const steps: Migration[] = [
    { from: 1, to: 2, describe: 'adds scenarios', migrate: (d) => ({ ...d, scenarios: d.scenarios ?? [] }) },
    { from: 2, to: 3, describe: 'renames newPipeline to inflow', migrate: ({ newPipeline, ...rest }) => ({ ...rest, inflow: newPipeline ?? null }) },
  ];

  it('bring an old document up to date, and running them again changes nothing', () => {
    const once = migrateDocument(SAMPLE_WORKSPACE, 3, steps);
    if (!once.ok) throw new Error('migrate');
    expect(once.value.applied).toEqual(['adds scenarios', 'renames newPipeline to inflow']);
    expect(once.value.document).toMatchObject({ version: 3, scenarios: [], inflow: SAMPLE_WORKSPACE.newPipeline });
    const twice = migrateDocument(once.value.document, 3, steps);
    expect(twice.ok && twice.value).toEqual({ document: once.value.document, fromVersion: 3, applied: [] });
  });

  it('refuse a newer document (a downgrade) and accept it again after an upgrade', () => {
    const newer = { ...SAMPLE_WORKSPACE, version: 3 };
    const byOldApp = migrateDocument(newer, 2, steps);
    expect(byOldApp.ok ? '' : byOldApp.problems[0]?.message).toMatch(/newer version of the app/);
    expect(migrateDocument(newer, 3, steps).ok).toBe(true);
  });

  it('do not touch their input', () => {
    const input = JSON.parse(JSON.stringify(SAMPLE_WORKSPACE));
    migrateDocument(input, 3, steps);
    expect(input).toEqual(JSON.parse(JSON.stringify(SAMPLE_WORKSPACE)));
  });
});
