import { expect, openApp, test } from './fixtures.ts';

test('trials and seed are set under Advanced, checked, saved with the workspace and used by the forecast', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByText('Advanced: trials and seed').click();
  const trials = page.getByLabel('Trials', { exact: true });
  await expect(trials).toHaveAttribute('placeholder', '20,000');
  await trials.fill('10');
  await expect(page.getByText('Trials must be at least 1,000')).toBeVisible();
  await trials.fill('5000');
  await trials.press('Enter');
  await expect(page.getByText('5,000 simulated trials')).toBeVisible({ timeout: 60_000 });
  const seed = page.getByLabel('Seed', { exact: true });
  await seed.fill('7');
  await seed.press('Enter');
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/5,000 Monte Carlo trials .* seed 7,/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/5,000 Monte Carlo trials .* seed 7,/)).toBeVisible({ timeout: 60_000 });
});

test('a new blank workspace shows how to start until dismissed, and each empty view says what to do next', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New workspace…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Name').fill('Fresh start');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  const help = page.getByRole('region', { name: 'How to start' });
  await expect(help).toBeVisible();
  // Nothing to book yet: the cards say $0 plainly, never "10% chance of more than $0"; the chart's axis is $0 to $1.
  const first = page.getByRole('list', { name: 'Quarter summaries' }).getByRole('button').first();
  await expect(first).toContainText('$0 in at least 9 of 10 outcomes');
  await expect(first).not.toContainText('chance of more than');
  const ticks = page.getByRole('img', { name: /^Bookings per quarter:/ }).locator('.recharts-cartesian-axis-tick-value');
  await expect(ticks.filter({ hasText: /^\$1$/ })).toHaveCount(1);
  await expect(ticks.filter({ hasText: /0000/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/first-run-1440x900.png' });
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('No open deals yet. Add one, or import your CRM’s pipeline export.')).toBeVisible();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(page.getByText(/No scenarios yet\..*Choose “New scenario” to make one/)).toBeVisible();
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await expect(page.getByText(/No closed-deal history yet\. Choose a history CSV above/)).toBeVisible();
  await help.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import pipeline from CSV' })).toBeVisible();
  await page.keyboard.press('Escape');
  await help.getByRole('button', { name: 'Got it, hide this' }).click();
  await expect(help).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Fresh start' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'How to start' })).toHaveCount(0);
});
