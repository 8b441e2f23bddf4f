import { fileURLToPath } from 'node:url';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('imports a CRM export with the keyboard alone: focus stays in the dialog and returns to the button', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Forecast' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Pipeline' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Pipeline' })).toHaveAttribute('aria-selected', 'true');
  const opener = page.getByRole('button', { name: 'Import CSV…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import pipeline from CSV' });
  const picker = dialog.getByLabel('CSV file');
  await expect(picker).toBeFocused();
  // Space on the focused picker opens the file chooser. On a loaded machine Chromium has once let a
  // key press go by without opening it (the picker focused, no chooser), so the press is retried;
  // it is still the keyboard alone that opens it.
  await expect(async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await picker.press('Space');
    await (await chooser).setFiles(fixture('salesforce-opportunities.csv'));
  }).toPass({ timeout: 30_000 });
  await expect(dialog.getByText('6 deals ready to import')).toBeVisible();
  // Shift+Tab from the first control wraps to the last (the import button), Tab from there back to the first.
  await picker.focus();
  await page.keyboard.press('Shift+Tab');
  const importButton = dialog.getByRole('button', { name: 'Import 6 deals + 1 booked' });
  await expect(importButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  // Tab through every control: focus never leaves the dialog.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
  }
  await importButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Showing 6 of 6 deals')).toBeVisible();
  await expect(opener).toBeFocused();
});

test('Esc closes every dialog and gives the focus back to what opened it', async ({ page }) => {
  await openApp(page);
  const dialogs: [string, string][] = [
    ['Export…', 'Export the forecast'],
    ['Workspaces', 'Workspaces'],
  ];
  for (const [button, title] of dialogs) {
    const opener = page.getByRole('button', { name: button, exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
  // New workspace opens from the Workspaces dialog; closing it returns to the button that opened Workspaces.
  const workspaces = page.getByRole('button', { name: 'Workspaces', exact: true });
  await workspaces.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: 'New workspace…' }).click();
  const fresh = page.getByRole('dialog', { name: 'New workspace' });
  await expect(fresh.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(fresh).toBeHidden();
  await expect(workspaces).toBeFocused();
});

test('tabs follow the arrow keys, Home and End, with one tab stop for the row', async ({ page }) => {
  await openApp(page);
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(8);
  expect(await tabs.evaluateAll((all) => all.filter((t) => t.getAttribute('tabindex') === '0').length)).toBe(1);
  await page.getByRole('tab', { name: 'Forecast' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'What changed' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'What changed' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Forecast' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'What changed' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Forecast' })).toBeFocused();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-forecast');
});

test('each chart is one tab stop whose name is its summary, never its tick labels', async ({ page }) => {
  await openApp(page);
  const charts = page.locator('main .chart');
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(5);
  // Nothing inside a chart can take the focus; the chart itself can, and it is named by its summary.
  expect(await page.locator('main .recharts-wrapper [tabindex]:not([tabindex="-1"])').count()).toBe(0);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    await expect(chart).toHaveAttribute('tabindex', '0');
    expect((await chart.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(20);
  }
  // The accessibility tree has no element whose name is a run of tick labels.
  const snapshot = await page.locator('main').ariaSnapshot();
  expect(snapshot).not.toMatch(/application|"\$?0 \$?\d/);
});
