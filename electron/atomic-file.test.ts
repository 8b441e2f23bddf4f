import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'forecast-atomic-'));
const child = join(dir, 'writer.mjs');

beforeAll(async () => {
  await build({ entryPoints: [new URL('../tests/fixtures/atomic-writer-child.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'silent' });
});

/** Runs the writer, kills it without warning after `afterMs`, and returns the states it reported done. */
function writeThenKill(file: string, first: number, afterMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const writer = spawn(process.execPath, [child, file, String(first)]);
    const done: number[] = [];
    let started = false;
    writer.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) done.push(Number(line));
      if (!started) {
        started = true;
        setTimeout(() => writer.kill('SIGKILL'), afterMs);
      }
    });
    writer.on('exit', () => resolve(done));
  });
}

describe('atomic writes', () => {
  it('leave the last or the previous complete state however often the writer is killed', async () => {
    const file = join(dir, 'workspace.forecast.json');
    let next = 0;
    for (let round = 0; round < 30; round++) {
      const done = await writeThenKill(file, next, (round * 7) % 23);
      const last = done[done.length - 1] ?? -1;
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { name: string; deals: unknown[] };
      const state = Number(saved.name.replace('state-', ''));
      // The writer may have finished one more write than it managed to report.
      expect([last, last + 1]).toContain(state);
      expect(saved.deals).toHaveLength(400);
      next = state + 1;
    }
    // Temporary files of killed writes are the only leftovers, and they are never the workspace.
    expect(readdirSync(dir).filter((n) => n.endsWith('.forecast.json'))).toEqual(['workspace.forecast.json']);
  }, 120_000);
});
