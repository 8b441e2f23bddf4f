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

/**
 * Opens the app and waits for the finished forecast of the current workspace. On a shared 2-core
 * machine running several suites, 20,000 trials in the page can take well over the usual 15 s.
 */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // Generous: on a shared, loaded machine a full 20,000-trial run can take longer than the default wait.
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 60_000 });
}
