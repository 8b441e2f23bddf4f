import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_WORKSPACE } from '../shared/sample/sample-workspace.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { readRegularFile } from './safe-read.ts';
import type * as SafeReadModule from './safe-read.ts';
import { WorkspaceStore, type StoreWrites } from './workspace-store.ts';

// Counts the store's file reads (the real reads still happen).
vi.mock('./safe-read.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof SafeReadModule>();
  return { ...actual, readRegularFile: vi.fn(actual.readRegularFile) };
});

const START = Date.UTC(2026, 10, 23, 9);
const fileOf = (root: string, id: string) => join(root, `${id}.forecast.json`);

function storeIn(root: string, writes?: StoreWrites) {
  let now = START;
  const store = new WorkspaceStore(root, () => now, writes);
  return { store, advance: (ms: number) => (now += ms) };
}

async function createdWith(store: WorkspaceStore, name = 'Pipeline') {
  const created = await store.create(name, SAMPLE_WORKSPACE);
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return created.value.id;
}

/** A workspace with one good rolling backup (horizon 5) and a newer file (horizon 3). */
async function workspaceWithBackup(store: WorkspaceStore, advance: (ms: number) => number) {
  const id = await createdWith(store);
  const opened = await store.open(id);
  if (!opened.ok) throw new Error('open');
  await store.save(id, { ...opened.value.document, horizonQuarters: 5 }, 0);
  advance(10 * 60 * 1000);
  await store.save(id, { ...opened.value.document, horizonQuarters: 3 }, 1);
  return id;
}

const tempRoot = () => mkdtempSync(join(tmpdir(), 'forecast-hardening-'));
const isRoot = process.getuid?.() === 0;

/** A 64 KB tmpfs where the machine allows mounting one (root on Linux), else null. */
function smallDisk(): string | null {
  if (!isRoot) return null;
  const dir = tempRoot();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir], { stdio: 'ignore' });
});

/** Fills the disk: returns a function that frees the space again. */
function fillDisk(dir: string): () => void {
  const filler = join(dir, 'filler.bin');
  const chunk = Buffer.alloc(1024, 1);
  writeFileSync(filler, '');
  try {
    for (;;) writeFileSync(filler, chunk, { flag: 'a' });
  } catch {
    // ENOSPC: full.
  }
  return () => rmSync(filler, { force: true });
}

const disk = smallDisk();
if (disk) mounted.push(disk);

describe('a damaged workspace opened on a full disk', () => {
  const damage = (root: string, id: string) => writeFileSync(fileOf(root, id), '{"version": 1, "asOf": "2026-11');

  it.runIf(disk)('keeps the workspace listed and in place when the restore cannot be written, and restores it once space is free (real 64 KB tmpfs)', async () => {
    const root = join(disk ?? '', 'workspaces');
    const { store, advance } = storeIn(root);
    const id = await workspaceWithBackup(store, advance);
    damage(root, id);
    const free = fillDisk(disk ?? '');
    const failed = await store.open(id);
    expect(failed.ok ? '' : failed.problems[0]?.message).toMatch(/could not be repaired now: The disk is full.*left where it was/);
    expect(existsSync(fileOf(root, id))).toBe(true);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((w) => w.id)).toEqual([id]);
    expect(readdirSync(join(root, 'damaged'))).toEqual([]);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    free();
    const restored = await store.open(id);
    expect(restored.ok && restored.value.document.horizonQuarters).toBe(5);
    expect(readdirSync(join(root, 'damaged'))).toHaveLength(1);
    rmSync(root, { recursive: true, force: true }); // the small disk is shared with the next test
  });

  it('keeps the workspace listed and in place when the restore cannot be written, and restores it once space is free (fake file layer returning ENOSPC)', async () => {
    const root = tempRoot();
    let full = false;
    const writes: StoreWrites = {
      writeAtomic: async (path, data) => {
        if (full) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}.123.tmp'`), { code: 'ENOSPC' });
        await writeFileAtomic(path, data);
      },
    };
    const { store, advance } = storeIn(root, writes);
    const id = await workspaceWithBackup(store, advance);
    damage(root, id);
    full = true;
    const failed = await store.open(id);
    const message = failed.ok ? '' : (failed.problems[0]?.message ?? '');
    expect(message).toMatch(/The disk is full/);
    expect(message).not.toMatch(/ENOSPC|\.tmp/);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((w) => w.id)).toEqual([id]);
    full = false;
    const restored = await store.open(id);
    expect(restored.ok && restored.value.document.horizonQuarters).toBe(5);
  });

  it.runIf(disk)('says in plain words that a save failed on a full disk, without errno text or temporary paths, and saves once space is free (real 64 KB tmpfs)', async () => {
    const root = join(disk ?? '', 'saves');
    const { store } = storeIn(root);
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    const free = fillDisk(disk ?? '');
    const edited = { ...opened.value.document, name: 'Edited while the disk was full' };
    const failed = await store.save(id, edited, opened.value.revision);
    expect(failed.ok ? '' : failed.problems[0]?.message).toBe('The disk is full: your changes are kept in memory; free some space and they will be saved.');
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    free();
    const saved = await store.save(id, edited, opened.value.revision);
    expect(saved.ok && saved.value.status).toBe('saved');
  });
});

describe('file formats and byte-order marks', () => {
  it('reads a good file with a BOM as good, and refuses a newer-format file with a BOM without touching it', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store, 'Bommed');
    writeFileSync(fileOf(root, id), `\uFEFF${readFileSync(fileOf(root, id), 'utf8')}`);
    const listed = await store.list();
    expect(listed.ok && listed.value[0]).toMatchObject({ name: 'Bommed', asOf: '2026-11-23' });
    expect(listed.ok && listed.value[0]?.damaged).toBeUndefined();
    expect((await store.open(id)).ok).toBe(true);

    const newer = `\uFEFF${JSON.stringify({ ...SAMPLE_WORKSPACE, version: 2, somethingNew: true })}`;
    writeFileSync(fileOf(root, id), newer);
    const refused = await store.open(id);
    expect(refused.ok ? '' : refused.problems[0]?.message).toMatch(/newer version of the app/);
    expect(readFileSync(fileOf(root, id), 'utf8')).toBe(newer);
    expect(existsSync(join(root, 'damaged'))).toBe(false);
  });

  it('never saves over a newer-format file, and backs up an unreadable file before a save replaces it', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    const newer = JSON.stringify({ ...SAMPLE_WORKSPACE, version: 2 });
    writeFileSync(fileOf(root, id), newer);
    const refused = await store.save(id, opened.value.document, opened.value.revision);
    expect(refused.ok ? '' : refused.problems[0]?.message).toMatch(/newer version of the app/);
    expect(readFileSync(fileOf(root, id), 'utf8')).toBe(newer);

    writeFileSync(fileOf(root, id), 'not json at all');
    const saved = await store.save(id, opened.value.document, opened.value.revision);
    expect(saved.ok && saved.value.status).toBe('saved');
    const backups = readdirSync(join(root, 'backups', id)).filter((n) => n.startsWith('overwritten-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(root, 'backups', id, backups[0] ?? ''), 'utf8')).toBe('not json at all');
  });

  it('refuses a file nested too deeply before parsing it, and a deeply nested document before saving it', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    const depth = 200_000;
    const text = readFileSync(fileOf(root, id), 'utf8').replace('"owner": "Maya Chen"', `"owner": "Maya Chen", "notes": ${'['.repeat(depth)}${']'.repeat(depth)}`);
    writeFileSync(fileOf(root, id), text);
    const result = await store.open(id);
    // It counts as damaged (the app cannot read it), so the damaged file is kept and named.
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/nested more than 64 levels deep/);
    let nested: unknown = 'bottom';
    for (let i = 0; i < 100; i++) nested = { inner: nested };
    const deep = { ...opened.value.document, deals: [{ ...opened.value.document.deals[0], notes: nested }] };
    const refused = await store.save('another-abc123', deep, 0);
    expect(refused.ok ? '' : refused.problems[0]?.message).toMatch(/nested more than 64 levels deep/);
  });
});

describe('the workspace list survives any bad entry', () => {
  it('skips dangling links, link loops, FIFOs and folders named like workspaces, and never blocks on them', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store, 'The good one');
    symlinkSync(join(root, 'nowhere.json'), join(root, 'dangling.forecast.json'));
    symlinkSync(join(root, 'loop-b.forecast.json'), join(root, 'loop-a.forecast.json'));
    symlinkSync(join(root, 'loop-a.forecast.json'), join(root, 'loop-b.forecast.json'));
    mkdirSync(join(root, 'folder.forecast.json'));
    execFileSync('mkfifo', [join(root, 'pipe.forecast.json')]);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((w) => w.name)).toEqual(['The good one']);
    expect(await store.open('pipe')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not a regular file/) }] });
    expect(await store.open('loop-a')).toMatchObject({ ok: false });
    expect(await store.open('folder')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not a regular file/) }] });
    expect((await store.open(id)).ok).toBe(true);
  });
});

describe('saves of one workspace', () => {
  it('run one after another: 45 overlapping saves all land, in order, and the newest state is on disk', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    // Each save names the revision the one before it writes, as the app's save chain does.
    const saves = Array.from({ length: 45 }, (_, i) => store.save(id, { ...opened.value.document, name: `state ${i + 1}` }, i));
    const outcomes = await Promise.all(saves);
    expect(outcomes.map((o) => o.ok && o.value.status)).toEqual(Array(45).fill('saved'));
    const onDisk = JSON.parse(readFileSync(fileOf(root, id), 'utf8')) as { name: string; revision: number };
    expect(onDisk).toMatchObject({ name: 'state 45', revision: 45 });
  });

  it('decide whether a rolling backup is due from the backups’ names, and read the file only when one is', async () => {
    const root = tempRoot();
    const { store, advance } = storeIn(root);
    const id = await createdWith(store);
    const opened = await store.open(id);
    if (!opened.ok) throw new Error('open');
    await store.save(id, opened.value.document, 0); // the first rolling backup
    const reads = vi.mocked(readRegularFile);
    reads.mockClear();
    for (let revision = 1; revision <= 5; revision++) expect((await store.save(id, opened.value.document, revision)).ok).toBe(true);
    expect(reads).not.toHaveBeenCalled();
    advance(10 * 60 * 1000);
    expect((await store.save(id, opened.value.document, 6)).ok).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(readdirSync(join(root, 'backups', id)).filter((n) => n.startsWith('rolling-'))).toHaveLength(2);
  });
});

describe('start-up', () => {
  it('removes temporary files that interrupted writes left behind, and nothing else', async () => {
    const root = tempRoot();
    const { store } = storeIn(root);
    const id = await createdWith(store);
    writeFileSync(join(root, `.${id}.forecast.json.4242.abcdef.tmp`), 'half');
    mkdirSync(join(root, 'backups', id), { recursive: true });
    writeFileSync(join(root, 'backups', id, '.rolling-1.json.4242.abcdef.tmp'), 'half');
    expect(await store.cleanTemporaryFiles()).toBe(2);
    expect(readdirSync(root).sort()).toEqual(['backups', `${id}.forecast.json`]);
  });
});

/** Runs the probe as `nobody` when the tests run as root (root ignores permissions). */
function probe(action: string, folder: string, id: string): { ok?: boolean; problems?: { message: string }[]; opened?: unknown; startup?: { value?: { notices: string[] } } } {
  const args = ['--import', 'tsx', join(process.cwd(), 'tests/fixtures/storage-probe.ts'), action, folder, id];
  const run = isRoot ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8', timeout: 30_000 }) : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(run.stdout) as ReturnType<typeof probe>;
}

describe('permissions (run as an ordinary user: as nobody through setpriv when the tests run as root)', () => {
  const setup = async () => {
    const folder = tempRoot();
    chmodSync(folder, 0o755);
    const root = join(folder, 'workspaces');
    const { store } = storeIn(root);
    const id = await createdWith(store);
    return { folder, root, id };
  };
  const giveToNobody = (path: string) => {
    if (isRoot) chownSync(path, 65534, 65534);
  };

  it('reports a workspace file the user may not read, and leaves it in place instead of replacing it with a backup', async () => {
    const { folder, root, id } = await setup();
    chmodSync(root, 0o777);
    chmodSync(fileOf(root, id), 0o000);
    const result = probe('open', folder, id);
    expect(result.ok).toBe(false);
    expect(result.problems?.[0]?.message).toMatch(/permission denied\. It was left as it is/);
    expect(existsSync(fileOf(root, id))).toBe(true);
    expect(existsSync(join(root, 'damaged'))).toBe(false);
  });

  it('says in plain words that a read-only data folder cannot be written, without errno text or temporary paths', async () => {
    const { folder, root, id } = await setup();
    chmodSync(root, 0o755);
    chmodSync(fileOf(root, id), 0o644);
    const result = probe('save', folder, id);
    expect(result.ok).toBe(false);
    expect(result.problems?.[0]?.message).toBe('The app is not allowed to write to its data folder (permission denied): your changes are kept in memory and will be saved once the folder can be written again.');
  });

  it('opens a workspace although the preferences folder is read-only, and says preferences are not kept', async () => {
    const { folder, root, id } = await setup();
    for (const path of [root, fileOf(root, id)]) giveToNobody(path);
    const preferences = join(folder, 'preferences');
    mkdirSync(preferences, { mode: 0o755 });
    writeFileSync(join(preferences, 'preferences.json'), JSON.stringify({ lastWorkspaceId: 'older-one' }), { mode: 0o644 });
    chmodSync(preferences, 0o555);
    const result = probe('open-with-read-only-preferences', folder, id);
    expect(result.opened).toEqual({ ok: true, deals: 40 });
    expect(result.startup?.value?.notices.join(' ')).toMatch(/preferences .* cannot be saved \((permission denied)\)/);
  });
});
