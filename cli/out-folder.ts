import { chmod, lstat, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ForecastTable } from '../shared/export/forecast-csv.ts';
import type { Problem } from '../shared/result.ts';

const reason = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : String(error);
};

/**
 * Writes `files` (name → text) into the folder `outDir` all at once or not at all: into a new
 * temporary folder beside it, renamed into place when every file is written, and removed when any
 * write fails (a full disk, no permission), so no half-written or empty CSV is left behind. The
 * folder must be new or empty: nothing is overwritten.
 */
export async function writeOutFolder(outDir: string, files: Readonly<Record<ForecastTable, string>>): Promise<Problem | null> {
  const target = resolve(outDir);
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isDirectory()) return { path: '--out', message: `${outDir} already exists and is not a folder; give a new folder for the CSV files` };
  if (existing && (await readdir(target).catch(() => ['?'])).length > 0) {
    return { path: '--out', message: `${outDir} already has files in it; give a new or empty folder (nothing is overwritten)` };
  }
  let temporary: string | null = null;
  try {
    temporary = await mkdtemp(join(dirname(target), `.${basename(target)}-`));
    for (const [name, text] of Object.entries(files)) await writeFile(join(temporary, `${name}.csv`), text, { mode: 0o644 });
    await chmod(temporary, 0o755); // mkdtemp makes it owner-only; the CSV folder is a normal one
    await rename(temporary, target);
    return null;
  } catch (error) {
    if (temporary) await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    return { path: '--out', message: `cannot write ${outDir} (${reason(error)}); nothing was written` };
  }
}
