import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const firstQuarterP50 = (page: Page) => page.getByRole('listitem', { name: /FY2027 Q4: median/ }).getAttribute('aria-label');

test('edit a stage, watch the forecast change, undo it, and find edits still there after a reload', async ({ page }) => {
  await openApp(page);
  const before = await firstQuarterP50(page);

  await page.getByRole('tab', { name: 'Stage model' }).click();
  const conversion = page.getByLabel('Proof of concept conversion', { exact: true });
  await expect(conversion).toHaveValue('60');

  // Validated as typed, in the user's units; nothing changes until the value is valid.
  await conversion.fill('150');
  await expect(page.getByRole('alert').filter({ hasText: 'Proof of concept conversion must be more than 0% and at most 100%' })).toBeVisible();
  await conversion.fill('95');
  await conversion.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/stage-model.png', fullPage: true });

  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  const after = await firstQuarterP50(page);
  expect(after).not.toBe(before);

  // Same seed, same model: undo brings back exactly the same forecast.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect.poll(() => firstQuarterP50(page)).toBe(before);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => firstQuarterP50(page)).toBe(after);
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.reload();
  await openApp(page);
  expect(await firstQuarterP50(page)).toBe(after);
  await page.getByRole('tab', { name: 'Stage model' }).click();
  await expect(page.getByLabel('Proof of concept conversion', { exact: true })).toHaveValue('95');
});

test('refuses to delete a stage that still holds deals, and adds and removes an empty one', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Stage model' }).click();
  await expect(page.getByRole('button', { name: 'Delete Proof of concept' })).toBeDisabled();
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(page.getByLabel('Name of stage 6')).toHaveValue('New stage 6');
  await page.getByRole('button', { name: 'Delete New stage 6' }).click();
  await expect(page.getByLabel('Name of stage 6')).toHaveCount(0);
});

test('sets a target and shows the chance of reaching it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  const target = page.getByLabel('FY2028 Q4 target');
  await expect(target).toHaveValue('');
  await target.fill('1,000,000');
  await target.press('Enter');
  await page.screenshot({ path: 'test-results/screens/settings.png', fullPage: true });
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(page.getByText(/to target/)).toHaveCount(5);
});
