// Finds the installed Electron binary without triggering its download (importing 'electron' would).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidates = ['electron', 'Electron.app/Contents/MacOS/Electron', 'electron.exe'].map((name) => join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name));
    return candidates.find((path) => existsSync(path)) ?? null;
  }
  const packageFolder = fileURLToPath(new URL('../node_modules/electron', import.meta.url));
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
