import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];
const TABS = ['Forecast', 'Pipeline', 'Stage model', 'Calendar and targets', 'Scenarios', 'Making the number', 'Calibrate'];
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The screen at both sizes, the visible part (what a VP sees first) and the whole page. */
async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/all/${name}-${size.width}x${size.height}.png` });
  }
}

test.beforeAll(() => mkdirSync('test-results/screens/all', { recursive: true }));

test('every tab, dialog and empty state at 1280x720 and 1440x900, for looking at', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await shoot(page, `tab-${slug(tab)}`);
  }
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByText('Advanced: trials and seed').click();
  await page.getByText('Advanced: trials and seed').scrollIntoViewIfNeeded();
  await shoot(page, 'advanced-settings');

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByRole('dialog').getByLabel('CSV file').setInputFiles(fixture('hubspot-deals.csv'));
  await expect(page.getByRole('dialog').getByText('4 deals ready to import')).toBeVisible();
  await shoot(page, 'dialog-import');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await shoot(page, 'dialog-export');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.getByRole('button', { name: 'Export chart: Bookings per fiscal quarter' }).click();
  await shoot(page, 'menu-chart-export');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Workspaces' }).getByRole('table')).toBeVisible();
  await shoot(page, 'dialog-workspaces');
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: 'New workspace…' }).click();
  await shoot(page, 'dialog-new-workspace');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('region', { name: 'How to start' })).toBeVisible();
  await shoot(page, 'empty-forecast-how-to-start');
  for (const tab of ['Pipeline', 'Scenarios', 'Calibrate']) {
    await page.getByRole('tab', { name: tab }).click();
    await shoot(page, `empty-${slug(tab)}`);
  }
  await page.emulateMedia({ media: 'print' });
  await shoot(page, 'print-empty-workspace');
});
