import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const firstQuarterP50 = (page: Page) => page.getByRole('button', { name: /^FY2027 Q4 / }).locator('.quarter-p50').textContent();

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

test('deleting a stage that holds deals first moves them to a stage the user picks; an empty one is just removed', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Stage model' }).click();
  await page.getByRole('button', { name: 'Delete Proof of concept' }).click();
  const confirm = page.getByRole('group', { name: 'Delete Proof of concept' });
  await expect(confirm).toContainText('Proof of concept holds 9 open deals');
  await confirm.getByLabel('Move its deals to').selectOption({ label: 'Security and compliance review' });
  await confirm.getByRole('button', { name: 'Move and delete' }).click();
  await expect(page.getByLabel('Proof of concept conversion', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Security and compliance review/ }).getByRole('cell').nth(7)).toHaveText('15');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Proof of concept conversion', { exact: true })).toHaveValue('60');
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
