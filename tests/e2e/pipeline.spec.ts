import type { Locator, Page } from '@playwright/test';
import config from '../../playwright.config.ts';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { expect, openApp, test } from './fixtures.ts';

// Classic scrollbars, as on Windows and most Linux desktops (headless Chromium hides them): a scrollbar
// takes room from the table, which must still fit a 1280-pixel window.
test.use({ launchOptions: { ...config.use?.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] } });

/** Whether the element is on screen and nothing covers its middle (a pinned column, the sticky header). */
const uncovered = (element: Locator) =>
  element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });

async function showEveryColumn(page: Page) {
  await page.getByRole('button', { name: 'Signals', exact: true }).click();
  for (const name of ['Practitioner pilot', 'Executive sponsor engaged', 'Bottom-up usage in the account', 'Security review started early']) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByRole('button', { name: 'CRM columns', exact: true }).click();
  for (const name of ['Account', 'Created', 'CRM close date', 'CRM probability', 'CRM forecast category']) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.keyboard.press('Escape');
}

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
  const message = page.getByRole('alert').filter({ hasText: 'Acme Corp amount must be above 0' });
  await expect(message).toBeVisible();
  // Drawn on top: the row below, which it spills over, does not cover it.
  expect(await message.evaluate((el) => { const r = el.getBoundingClientRect(); const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return top !== null && el.contains(top); })).toBe(true);
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

test('the default columns fit a 1280-pixel window; with every column shown, header and rows scroll sideways together and the deal stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const grid = page.getByRole('grid', { name: 'Deals' });
  const scroller = page.locator('.deal-scroller');
  await expect(page.getByLabel('Zenith Financial name')).toBeVisible();
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth), 'sideways overflow at 1280 with the default columns').toBeLessThanOrEqual(0);

  await showEveryColumn(page);
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: 120 }));
  // One scroll area: nothing around it scrolls sideways, so there is one scrollbar.
  expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // Header and rows moved together: the last column's heading is right above its cells.
  const heading = await grid.getByRole('columnheader', { name: 'CRM forecast category' }).boundingBox();
  const cell = await grid.locator('[data-col="crmForecastCategory"]').nth(4).boundingBox();
  expect(cell?.x).toBe(heading?.x);
  expect(await uncovered(grid.getByRole('columnheader', { name: 'CRM forecast category' }))).toBe(true);
  // The check box and the deal's name stay in place, on top of what scrolls beneath them.
  const deal = page.getByLabel('Meridian Bank name');
  await expect(deal).toBeInViewport();
  expect(await uncovered(deal)).toBe(true);
  expect(await uncovered(page.getByLabel('Select Meridian Bank'))).toBe(true);
  expect(await uncovered(grid.getByRole('columnheader', { name: 'Deal', exact: true }))).toBe(true);
  await page.screenshot({ path: 'test-results/screens/pipeline-every-column-scrolled-1280x720.png' });

  // Tab from the name to the next field scrolls back to it, clear of the pinned columns.
  await deal.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Meridian Bank account')).toBeFocused();
  expect(await uncovered(page.getByLabel('Meridian Bank account'))).toBe(true);
  await page.getByLabel('Meridian Bank account').press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Select Meridian Bank')).toBeFocused();
});

test('the Stage picker shows the sample’s stage names whole at 1280 and 1440; what does not fit ends in an ellipsis, with all of it in the tooltip', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const stage = page.getByLabel('Orion Space Systems stage');
  await expect(stage).toHaveValue('security');
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    // The picker is at least as wide as it would make itself for its longest stage name.
    const room = await stage.evaluate((el) => {
      const shown = el.getBoundingClientRect().width;
      el.style.width = 'max-content';
      const needed = el.getBoundingClientRect().width;
      el.style.width = '';
      return shown - needed;
    });
    expect(room, `Stage picker room at ${size.width}`).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/pipeline-stage-names-${size.width}x${size.height}.png` });
  }
  const row = page.getByRole('row').filter({ has: stage });
  await expect(row.locator('[data-col="stage"]')).toHaveAttribute('title', 'Security and compliance review');

  // A name longer than its column: an ellipsis, never cut mid-word, and the whole name as the cell's tooltip.
  const long = 'Granite Federal Credit Union of the Greater Rocky Mountain Region';
  await page.getByLabel('Filter deals').fill('Granite');
  const name = page.getByLabel('Granite Federal Credit Union name');
  await name.fill(long);
  await name.press('Enter');
  const renamed = page.getByLabel(`${long} name`);
  await expect(renamed).toHaveCSS('text-overflow', 'ellipsis');
  expect(await renamed.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(page.getByRole('gridcell').filter({ has: renamed })).toHaveAttribute('title', long);
});
