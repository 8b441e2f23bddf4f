import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
// @ts-expect-error: a plain .mjs helper shared with `npm start`; it returns a path or null.
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = (electronBinary as () => string | null)();
const root = fileURLToPath(new URL('../..', import.meta.url));

test.describe('the Electron app', () => {
  test.skip(!binary, 'No Electron binary is installed on this machine (it cannot be downloaded offline), so the desktop window cannot be tested here.');

  // Each test gets its own user-data folder, so no test sees another's workspaces or preferences.
  let userData = '';
  test.beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'forecast-electron-'));
  });
  test.afterEach(() => rmSync(userData, { recursive: true, force: true }));

  const launch = (): Promise<ElectronApplication> =>
    electron.launch({ ...(binary ? { executablePath: binary } : {}), args: [root, `--user-data-dir=${userData}`] });

  test('opens a sandboxed, isolated window with a strict content security policy', async () => {
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Bookings per fiscal quarter' })).toBeVisible({ timeout: 30_000 });
      // Isolation, checked by what the page can reach (the exact settings are unit-tested in security.test.ts).
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      const csp = await window.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      expect(csp).toContain("script-src 'self'");
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      const api = await window.evaluate(() => Object.keys((window as unknown as { forecastApp: object }).forecastApp));
      expect(api).toContain('openWorkspace');
      expect(api).not.toContain('invoke');
      // Navigation away from the app is refused: the main process sees the attempt, and the page stays.
      const attempted = app.evaluate(({ BrowserWindow }) => new Promise<string>((resolve) => BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (_event, url) => resolve(url))));
      await window.evaluate(() => {
        location.href = 'https://example.com/';
      });
      expect(await attempted).toBe('https://example.com/');
      await expect(window.getByRole('heading', { name: 'Bookings per fiscal quarter' })).toBeVisible();
      expect(window.url()).toMatch(/^app:\/\/forecast\//);
    } finally {
      await app.close();
    }
  });

  test('starts from a damaged workspace by restoring its backup and saying where the damaged file went', async () => {
    const workspaces = join(userData, 'workspaces');
    mkdirSync(join(workspaces, 'backups', 'board'), { recursive: true });
    writeFileSync(join(workspaces, 'board.forecast.json'), '{"version": 1, "name": "Board', 'utf8');
    writeFileSync(join(workspaces, 'backups', 'board', `rolling-${Date.now() - 60_000}.json`), JSON.stringify({ ...SAMPLE_WORKSPACE, name: 'Board forecast' }), 'utf8');
    writeFileSync(join(userData, 'preferences.json'), JSON.stringify({ lastWorkspaceId: 'board' }), 'utf8');
    const app = await launch();
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1, name: 'Board forecast' })).toBeVisible({ timeout: 30_000 });
      await expect(window.getByText(/was damaged .* restored your most recent backup/)).toBeVisible();
      expect(readdirSync(join(workspaces, 'damaged')).some((name) => name.startsWith('board-'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
