import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { expect, openApp, test } from './fixtures.ts';

const saved = (page: Page) => expect(page.getByText('All changes saved')).toBeVisible();

/**
 * Starts from a saved workspace with one deal over the app's amount limit, as a file edited by hand
 * or by another tool leaves it (the CSV import and Open… refuse such values at the door): the
 * workspace is written to the browser's storage and the app reopened on it.
 */
async function openOverLimit(page: Page) {
  const deals = [
    { id: '006A000101', name: 'Zenith Financial - Renewal', amount: 2_500_000_000_000, stage: 'pilot', stageEnteredOn: '2026-11-02' },
    { id: '006A000102', name: 'Meridian Bank - Enterprise', amount: 750_000, stage: 'pilot', stageEnteredOn: '2026-10-19' },
  ];
  const document = { ...SAMPLE_WORKSPACE, name: 'Sample enterprise pipeline', deals };
  await page.evaluate(async (stored) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('topdown-forecast');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['workspaces', 'meta'], 'readwrite');
      tx.objectStore('workspaces').put(stored, stored.id);
      tx.objectStore('meta').put(stored.id, 'lastWorkspaceId');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    });
    db.close();
  }, { id: 'over-limit-1', document, updatedAt: new Date().toISOString(), revision: 0 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample enterprise pipeline' })).toBeVisible();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('Showing 2 of 2 deals')).toBeVisible();
}

const problems = (page: Page) => page.getByRole('alert', { name: 'Model problems' });

test('changing the fiscal year start carries the targets to their quarters; a later edit survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByLabel('Fiscal year starts in').selectOption({ label: 'January' });
  await expect(page.getByRole('status').filter({ hasText: 'each target moved to the quarter that now contains its old start' })).toContainText('Nov 1, 2026 → FY2026 Q4 (starts Oct 1, 2026)');
  await expect(page.getByLabel('FY2026 Q4 target')).toHaveValue('4,000,000');
  await expect(page.getByLabel('FY2027 Q1 target')).toHaveValue('3,500,000');
  await expect(problems(page)).toHaveCount(0);
  // New targets can be typed at once, and an edit elsewhere saves.
  await page.getByLabel('FY2028 Q1 target').fill('2,000,000');
  await page.getByLabel('FY2028 Q1 target').press('Enter');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByLabel('Zenith Financial amount').fill('1,300,000');
  await page.getByLabel('Zenith Financial amount').press('Enter');
  await saved(page);
  await page.screenshot({ path: 'test-results/screens/fiscal-year-moved.png', fullPage: true });

  await page.reload();
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await expect(page.getByLabel('Fiscal year starts in')).toHaveValue('1');
  await expect(page.getByLabel('FY2026 Q4 target')).toHaveValue('4,000,000');
  await expect(page.getByLabel('FY2028 Q1 target')).toHaveValue('2,000,000');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByLabel('Zenith Financial amount')).toHaveValue('1,300,000');
});

test('a workspace that opens with a problem is saved as it is; an edit and a reload keep both, and a click on the problem opens the field', async ({ page }) => {
  await openApp(page);
  await openOverLimit(page);
  await expect(problems(page)).toContainText('Zenith Financial - Renewal: the amount must be at most 1,000,000,000,000');
  await expect(problems(page)).not.toContainText('deals[');
  // A problem elsewhere never blocks an edit here, and the workspace keeps saving.
  await page.getByLabel('Meridian Bank - Enterprise amount').fill('800,000');
  await page.getByLabel('Meridian Bank - Enterprise amount').press('Enter');
  await saved(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/problems-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.reload();
  await expect(problems(page)).toContainText('Zenith Financial - Renewal: the amount must be at most 1,000,000,000,000');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('Showing 2 of 2 deals')).toBeVisible();
  await expect(page.getByLabel('Meridian Bank - Enterprise amount')).toHaveValue('800,000');
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.screenshot({ path: 'test-results/screens/problems-after-reload.png', fullPage: true });

  await problems(page).getByRole('button', { name: /Zenith Financial - Renewal: the amount/ }).click();
  const amount = page.getByLabel('Zenith Financial - Renewal amount');
  await expect(amount).toBeFocused();
  await amount.fill('2,500,000');
  await amount.press('Enter');
  await expect(problems(page)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 60_000 });
});

test('“Save a copy…” of a state with problems says why and writes nothing; once fixed it writes what is on screen', async ({ page }) => {
  await openApp(page);
  await openOverLimit(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Save a copy…' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'A copy was not saved' });
  await expect(refusal).toContainText('Zenith Financial - Renewal: the amount must be at most 1,000,000,000,000');
  await expect(refusal).toContainText('your workspace itself is saved');
  expect(downloads).toBe(0);

  await page.getByLabel('Zenith Financial - Renewal amount').fill('2,500,000');
  await page.getByLabel('Zenith Financial - Renewal amount').press('Enter');
  await expect(problems(page)).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a copy…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sample enterprise pipeline.forecast.json');
  const copy = JSON.parse(readFileSync(await file.path(), 'utf8')) as { deals: { name: string; amount: number }[] };
  expect(copy.deals.map((d) => [d.name, d.amount])).toEqual([
    ['Zenith Financial - Renewal', 2_500_000],
    ['Meridian Bank - Enterprise', 750_000],
  ]);
});

test('workspaces: a new blank one, rename it, switch back to the sample, delete it and restore it from the trash', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  const create = page.getByRole('dialog', { name: 'New workspace' });
  await create.getByLabel('Name').fill('Q1 board plan');
  await expect(create.getByLabel(/A blank top-down cycle/)).toBeChecked();
  await page.screenshot({ path: 'test-results/screens/new-workspace.png' });
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Q1 board plan' })).toBeVisible();
  await page.getByRole('tab', { name: 'Stage model' }).click();
  await expect(page.getByLabel('Proof of concept cost per day')).toHaveValue('0');
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('Showing 0 of 0 deals')).toBeVisible();

  await page.getByRole('button', { name: 'Workspaces' }).click();
  const list = page.getByRole('dialog', { name: 'Workspaces' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await list.getByRole('button', { name: 'Rename Q1 board plan' }).click();
  await list.getByLabel('New name for Q1 board plan').fill('FY27 board plan');
  await list.getByLabel('New name for Q1 board plan').press('Enter');
  await expect(list.getByRole('rowheader', { name: /FY27 board plan/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'FY27 board plan' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/screens/workspaces-1280.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/workspaces-1440.png' });

  await list.getByRole('button', { name: 'Open Sample: enterprise pipeline' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample: enterprise pipeline' })).toBeVisible();
  await page.getByRole('button', { name: 'Workspaces' }).click();
  await list.getByRole('button', { name: 'Delete FY27 board plan' }).click();
  const trash = list.getByRole('table', { name: 'Trash' });
  await expect(trash).toContainText('FY27 board plan');
  await expect(list.getByRole('button', { name: 'Open FY27 board plan' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/workspaces-trash.png' });
  await list.getByRole('button', { name: 'Restore FY27 board plan' }).click();
  await expect(list.getByText('The trash is empty.')).toBeVisible();
  await list.getByRole('button', { name: 'Open FY27 board plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'FY27 board plan' })).toBeVisible();

  // The last workspace opens at start.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'FY27 board plan' })).toBeVisible();
});

// A save may be under way as the page closes (the autosave fired just before): the edits kept for the
// next start are then recognised on top of the revision that save wrote, not dropped as stale.
test('an edit made just before the page closes is there after a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByLabel('FY2028 Q4 target').fill('1,000,000');
  await page.getByLabel('FY2028 Q4 target').press('Enter');
  await page.reload(); // well within the autosave delay (one reload: openApp would load the page a second time)
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await expect(page.getByLabel('FY2028 Q4 target')).toHaveValue('1,000,000');
});

test('two tabs on one workspace never overwrite each other: the later save is refused and the user keeps both', async ({ page, context }) => {
  test.setTimeout(240_000); // two live forecasts at once on a shared machine
  await openApp(page);
  const other = await context.newPage();
  await openApp(other);
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await page.getByLabel('New deals per month').fill('6');
  await page.getByLabel('New deals per month').press('Enter');
  await saved(page);

  await other.getByRole('tab', { name: 'Calendar and targets' }).click();
  await other.getByLabel('New deals per month').fill('9');
  await other.getByLabel('New deals per month').press('Enter');
  await expect(other.getByRole('alert').filter({ hasText: 'was changed in another window' })).toBeVisible();
  await expect(other.getByText('Not saved: changed in another window')).toBeVisible();
  await other.screenshot({ path: 'test-results/screens/save-conflict.png' });
  await other.getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Sample: enterprise pipeline (my version)' })).toBeVisible();
  await expect(other.getByText('All changes saved')).toBeVisible();

  // The first tab's save stands; the second tab's version is its own workspace.
  await page.reload();
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sample: enterprise pipeline (my version)' })).toBeVisible();
  await page.getByRole('button', { name: 'Workspaces' }).click();
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: 'Open Sample: enterprise pipeline', exact: true }).click();
  await page.getByRole('tab', { name: 'Calendar and targets' }).click();
  await expect(page.getByLabel('New deals per month')).toHaveValue('6');
});
