import { expect, openApp, test } from './fixtures.ts';

test('a new workspace without deals still forecasts new pipeline and explains the empty tables', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New workspace' })).toBeVisible();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(page.getByText('There are no open deals.')).toBeVisible();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('No open deals yet. Add one, or import your CRM’s pipeline export.')).toBeVisible();
});

test('a model where deals are almost never won shows zero bookings and a 0% chance', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  const newDeals = page.getByLabel('New deals per month');
  await newDeals.fill('0');
  await newDeals.press('Enter');
  await page.getByRole('tab', { name: 'Stage model' }).click();
  const procurement = page.getByLabel('Procurement and legal conversion', { exact: true });
  await procurement.fill('0.0001');
  await procurement.press('Enter');
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'FY2027 Q4: median $0' })).toBeVisible();
  await expect(page.getByText('0% chance of reaching the $4M target', { exact: true })).toBeVisible();
});

test('an edit that would break the model elsewhere is refused with the reason', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  const asOf = page.getByLabel('Pipeline as of (YYYY-MM-DD)');
  await asOf.fill('2026-09-01');
  await expect(page.getByRole('alert').filter({ hasText: /would make deals\[\d+\]\.stageEnteredOn invalid: .* is after the as-of date 2026-09-01/ })).toBeVisible();
  await asOf.press('Enter');
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText('Pipeline as of Nov 23, 2026')).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
});
