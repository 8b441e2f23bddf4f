import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test gets a fresh browser context, so its own empty storage (IndexedDB), and fails on any
 * console error or uncaught page error.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  // Automatic: a test that never names it still fails on a console error.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits for the finished forecast of the current workspace. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // The full run takes a few seconds; allow for a busy machine (CI shares its cores).
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 45_000 });
}
