import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const TABS = ['Forecast', 'Pipeline', 'Stage model', 'Calendar and targets', 'Scenarios', 'Making the number', 'Calibrate'];

/** Serious and critical findings of axe-core (WCAG 2.x A and AA rules), with where each is. */
async function seriousFindings(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const tab of TABS) {
  test(`the ${tab} tab has no serious accessibility finding`, async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    expect(await seriousFindings(page)).toEqual([]);
  });
}

test('the import dialog and the chart export menu have no serious accessibility finding', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export chart: Bookings per fiscal quarter' }).click();
  await expect(page.getByRole('dialog', { name: 'Export Bookings per fiscal quarter' })).toBeVisible();
  expect(await seriousFindings(page, '.export-panel')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: /Import CSV/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousFindings(page, '[role="dialog"]')).toEqual([]);
  // With a file: the mapping, the rows left out, the footer, and while merging the deals of the same name.
  await page.getByRole('dialog').getByLabel('CSV file').setInputFiles(fileURLToPath(new URL('../fixtures/hubspot-deals.csv', import.meta.url)));
  await page.getByRole('dialog').getByLabel('Merge by deal id', { exact: false }).check();
  await expect(page.getByRole('table', { name: 'Deals with the same name' })).toBeVisible();
  expect(await seriousFindings(page, '[role="dialog"]')).toEqual([]);
});

test('the export, workspaces and new workspace dialogs and the How to start help have no serious accessibility finding', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export the forecast' })).toBeVisible();
  expect(await seriousFindings(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Workspaces' }).getByRole('table')).toBeVisible();
  expect(await seriousFindings(page, '[role="dialog"]')).toEqual([]);
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: 'New workspace…' }).click();
  await expect(page.getByRole('dialog', { name: 'New workspace' })).toBeVisible();
  expect(await seriousFindings(page, '[role="dialog"]')).toEqual([]);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('region', { name: 'How to start' })).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByText('Advanced: trials and seed').click();
  expect(await seriousFindings(page)).toEqual([]);
});
