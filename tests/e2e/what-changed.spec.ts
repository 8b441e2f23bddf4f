import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function importWeekly(page: Page, name: string, deals: string) {
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import pipeline from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(fixture(name));
  await dialog.getByRole('button', { name: deals }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 60_000 });
}

test('after this week’s import, shows what moved the forecast since last week’s, with the deals that moved it, and exports the chart', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-16T15:00:00Z'));
  await openApp(page);
  await importWeekly(page, 'salesforce-weekly-1.csv', 'Import 10 deals');
  await page.getByRole('tab', { name: 'What changed' }).click();
  // The first change of the week keeps the workspace as it was before it; the import keeps its own.
  await expect(page.getByText('2 snapshots kept, the first from Nov 16, 2026')).toBeVisible();

  // A week later, the next export from the CRM.
  await page.clock.setFixedTime(new Date('2026-11-23T15:00:00Z'));
  await importWeekly(page, 'salesforce-weekly-2.csv', 'Import 9 deals + 1 booked');
  await page.getByRole('tab', { name: 'What changed' }).click();
  // Last week's import is what this week starts from, so no second weekly snapshot repeats it.
  await expect(page.getByText('3 snapshots kept, the first from Nov 16, 2026')).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue('1');
  await expect(page.getByLabel('to', { exact: true })).toHaveValue('now');

  const waterfall = page.getByRole('img', { name: /Waterfall of FY2027 Q4 expected bookings \(mean\)/ });
  await expect(waterfall).toBeVisible({ timeout: 60_000 });
  await expect(waterfall).toHaveAttribute('aria-label', /Won, lost or gone \+\$/);
  // The quarter's forecast over time: the last point is the workspace as it is now, and says so.
  await expect(page.getByRole('heading', { name: 'FY2027 Q4: the forecast over time' })).toBeVisible();
  await expect(page.getByText(/^Median \$[\d.]+[KM] as forecast on Nov 16, 2026, \$[\d.]+[KM] now\./)).toBeVisible();
  const moved = page.getByRole('table', { name: 'Deals that moved FY2027 Q4' });
  await expect(moved.getByRole('row', { name: /Zenith Financial - Renewal won/ })).toBeVisible();
  // Its closed-lost row in this week's export marks it lost, not merely gone.
  await expect(moved.getByRole('row', { name: /Helios Energy - Pilot lost/ })).toBeVisible();
  await expect(moved.getByRole('row', { name: /Atlas Reinsurance - Expansion moved stage/ })).toBeVisible();
  await expect(moved.getByRole('row', { name: /Acme Corp - Security Suite amount changed/ })).toBeVisible();
  // Sorting by name puts the deals in alphabetical order.
  await moved.getByRole('button', { name: 'Deal' }).click();
  await expect(moved.getByRole('row').nth(1)).toContainText('Acme Corp - Security Suite');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  mkdirSync('test-results/screens', { recursive: true });
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/what-changed-${width}x${height}.png`, fullPage: true });
  }

  await page.getByRole('button', { name: 'Export chart: What moved the FY2027 Q4 forecast' }).click();
  const panel = page.getByRole('dialog', { name: 'Export What moved the FY2027 Q4 forecast' });
  const [png] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save PNG' }).click()]);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync('test-results/exports/what-changed-waterfall.png', bytes);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save per-deal changes (CSV)' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.split('\r\n')[0]).toContain('Deal id,Deal,What happened,Quarter');
  expect(text).toMatch(/Zenith Financial - Renewal,won,FY2027 Q4/);

  // The board pack carries the current quarter's waterfall.
  await page.getByRole('button', { name: 'Export…' }).click();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export board pack' }).click()]);
  const names = Object.keys(unzipSync(new Uint8Array(readFileSync(await zip.path())))).map((n) => n.split('/').pop() ?? '');
  expect(names).toContain('5-forecast-FY2027-Q4-2026-11-23-what-changed-mean-FY2027-Q4.png');
});

test('without a kept snapshot, shows no forecast-over-time chart of a single point', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'What changed' }).click();
  await expect(page.getByText(/^No snapshots yet\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: /the forecast over time/ })).toHaveCount(0);
});
