import { _electron as electron, expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs helper shared with `npm start`; it returns a path or null.
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = (electronBinary as () => string | null)();
const root = fileURLToPath(new URL('../..', import.meta.url));

test.describe('the Electron app', () => {
  test.skip(!binary, 'No Electron binary is installed on this machine (it cannot be downloaded offline), so the desktop window cannot be tested here.');

  test('opens a sandboxed, isolated window with a strict content security policy', async () => {
    const app = await electron.launch({ ...(binary ? { executablePath: binary } : {}), args: [root] });
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
      // Navigation away from the app is refused.
      await window.evaluate(() => {
        location.href = 'https://example.com/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toMatch(/^app:\/\/forecast\//);
    } finally {
      await app.close();
    }
  });
});
