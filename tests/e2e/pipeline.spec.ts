import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { expect, openApp, test } from './fixtures.ts';

test('sorts, filters, edits, adds and deletes deals, with undo', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const grid = page.getByRole('grid', { name: 'Deals' });
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  // Sorted by amount, largest first.
  await expect(grid.getByRole('row').nth(1)).toContainText('Zenith Financial');
  await page.getByRole('button', { name: 'Deal', exact: true }).click();
  await expect(grid.getByRole('row').nth(1).getByLabel('Acme Corp name')).toBeVisible();

  await page.getByLabel('Filter deals').fill('procurement');
  await expect(page.getByText('Showing 7 of 40 deals')).toBeVisible();
  await page.getByLabel('Filter deals').fill('');

  const amount = page.getByLabel('Acme Corp amount');
  await amount.fill('-5');
  await expect(page.getByRole('alert').filter({ hasText: 'Acme Corp amount must be above 0' })).toBeVisible();
  await amount.fill('$900,000');
  await amount.press('Enter');
  await expect(amount).toHaveValue('900,000');
  await page.getByLabel('Acme Corp stage').selectOption({ label: 'Procurement and legal' });

  await page.getByRole('button', { name: 'Add deal' }).click();
  await expect(page.getByText('Showing 41 of 41 deals')).toBeVisible();
  // The new deal is now on screen; find the two to delete with the filter (the selection stays).
  await page.getByLabel('Filter deals').fill('Acme Corp');
  await page.getByLabel('Select Acme Corp').check();
  await page.getByLabel('Filter deals').fill('Atlas Reinsurance');
  await page.getByLabel('Select Atlas Reinsurance').check();
  await page.getByLabel('Filter deals').fill('');
  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.getByText('Showing 39 of 39 deals')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/pipeline.png' });

  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 41 of 41 deals')).toBeVisible();
  await expect(page.getByLabel('Acme Corp amount')).toHaveValue('900,000');
});

test('opens a 5,000-deal model and renders only the visible rows', async ({ page }) => {
  await openApp(page);
  const stages = ['discovery', 'exec-presentation', 'pilot', 'security', 'procurement'];
  const deals = Array.from({ length: 5000 }, (_, i) => ({
    id: `BIG-${i}`,
    name: `Account ${String(i).padStart(4, '0')}`,
    amount: 50_000 + ((i * 7919) % 900_000),
    stage: stages[i % 5],
    stageEnteredOn: '2026-10-01',
  }));
  const model = { ...SAMPLE_WORKSPACE, name: 'Named inside the file', deals };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'Big pipeline.forecast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  // Open… adds the file under its own name, and says so.
  await expect(page.getByRole('heading', { level: 1, name: 'Big pipeline' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The file was added to your workspaces as “Big pipeline”' })).toBeVisible();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('Showing 5,000 of 5,000 deals')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Deals' });
  expect(await grid.getByRole('row').count()).toBeLessThan(40);
  await page.getByRole('button', { name: 'Deal', exact: true }).click();
  await page.locator('.deal-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByLabel('Account 4999 name')).toBeVisible();
  await page.getByLabel('Filter deals').fill('Account 1234');
  await expect(page.getByText('Showing 1 of 5,000 deals')).toBeVisible();
});

test('moving a deal to another stage restarts its clock, and the stage date can be edited', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByLabel('Filter deals').fill('Acme Corp');
  const row = page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(1);
  await expect(row.locator('[data-col="days"]')).toHaveText('52');
  await page.getByLabel('Acme Corp stage').selectOption({ label: 'Security and compliance review' });
  await expect(row.locator('[data-col="days"]')).toHaveText('0');
  await expect(page.getByLabel('Acme Corp in stage since')).toHaveValue('2026-11-23');
  await page.getByLabel('Acme Corp in stage since').fill('2026-11-03');
  await expect(row.locator('[data-col="days"]')).toHaveText('20');
  // The CRM's own fields are columns to show on demand.
  await page.getByText('CRM columns', { exact: true }).click();
  await page.getByLabel('CRM probability').check();
  await expect(page.getByRole('columnheader', { name: 'CRM probability' })).toBeVisible();
  await page.getByLabel('Filter deals').fill('');
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/pipeline-stage-date-${size.width}x${size.height}.png` });
  }
  await page.getByLabel('Filter deals').fill('Acme Corp');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row.locator('[data-col="days"]')).toHaveText('0');
});

test('the Signals and CRM columns menus open one at a time and close on Esc, a click outside or the focus moving on', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const signals = page.getByRole('button', { name: 'Signals', exact: true });
  const crm = page.getByRole('button', { name: 'CRM columns', exact: true });
  const signalPanel = page.getByRole('group', { name: 'Show signal columns' });
  const crmPanel = page.getByRole('group', { name: 'Show CRM columns' });
  await expect(signals).toHaveAttribute('aria-expanded', 'false');

  await signals.click();
  await expect(signals).toHaveAttribute('aria-expanded', 'true');
  await expect(signalPanel).toBeVisible();
  // Opening the other menu closes the first: never two panels, one over the other.
  await crm.click();
  await expect(crmPanel).toBeVisible();
  await expect(signalPanel).toBeHidden();
  await expect(signals).toHaveAttribute('aria-expanded', 'false');

  // Esc inside the panel closes it and gives the focus back to its button.
  await crmPanel.getByLabel('Account').check();
  await page.keyboard.press('Escape');
  await expect(crmPanel).toBeHidden();
  await expect(crm).toBeFocused();
  await expect(crm).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('columnheader', { name: 'Account' })).toBeVisible();

  // With the keyboard: Enter opens, Tab goes into the panel, Tab past its last choice closes it.
  await page.keyboard.press('Enter');
  await expect(crmPanel).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(crmPanel.getByLabel('Account')).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Import CSV…' })).toBeFocused();
  await expect(crmPanel).toBeHidden();

  // A click outside closes it, and what was clicked gets the click.
  await signals.click();
  await signalPanel.getByLabel('Only deals with').selectOption({ label: 'Practitioner pilot: passed' });
  await expect(signalPanel).toBeVisible();
  await page.getByRole('heading', { name: 'Pipeline', exact: true }).click();
  await expect(signalPanel).toBeHidden();
  await page.getByRole('button', { name: 'Signals (filtered)' }).click();
  await signalPanel.getByLabel('Only deals with').selectOption({ label: 'any values' });
  await page.getByLabel('Zenith Financial name').click();
  await expect(signalPanel).toBeHidden();
  await expect(page.getByLabel('Zenith Financial name')).toBeFocused();
});
