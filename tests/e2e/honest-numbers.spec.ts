import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const shoot = async (page: Page, name: string) => {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
};

test('the dashboard names each cost and the funnel never rises', async ({ page }) => {
  await openApp(page);
  const cac = page.locator('section', { hasText: 'CAC by stage' });
  await expect(cac.getByText(/to win one customer over the whole cycle \(full-cycle CAC/)).toBeVisible();
  await expect(cac.getByText(/Cost to work the current pipeline: .*remaining cost per expected win/)).toBeVisible();
  const funnel = page.locator('section', { hasText: 'Deals reaching each stage' });
  await expect(funnel.getByText(/counts at every stage it has passed/)).toBeVisible();
  const counts = (await funnel.getByRole('img').first().getAttribute('aria-label'))?.match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  expect(counts.length).toBe(6);
  for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] ?? 0);
  await expect(page.getByRole('button', { name: /^FY2027 Q4 \$[\d.]+[KM]? median/ })).toBeVisible();
  await shoot(page, 'forecast-honest-numbers');
});

test('a deal long past its stage’s usual time is flagged, and a time before a deal is lost lowers its chance', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Stage model' }).click();
  const typical = page.getByLabel('Discovery typical days', { exact: true });
  await typical.fill('15');
  await typical.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('searchbox').fill('Cobalt');
  const row = page.getByRole('row', { name: /Cobalt Health Systems/ });
  // A short flag keeps the row one row high; the whole sentence is its tooltip and accessible name.
  await expect(row.getByTitle('3× the usual time in stage')).toHaveText('3× usual');
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  const chance = async () => Number((await row.locator('[data-col="pWin"]').innerText()).replace('%', ''));
  const before = await chance();

  await page.getByRole('tab', { name: 'Stage model' }).click();
  await page.getByLabel('Discovery conversion', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Time before a deal is lost here' })).toBeVisible();
  const lossTypical = page.getByLabel('Typical time before it is lost', { exact: true });
  await lossTypical.fill('60');
  await lossTypical.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByRole('figure', { name: /Chance to move on from Discovery by days waited: 55% on entry, \d+% after 45 days/ })).toBeVisible();
  await shoot(page, 'stage-model-loss-time');

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('searchbox').fill('Cobalt');
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect.poll(chance).toBeLessThan(before);
  await shoot(page, 'pipeline-stale-flag');
});
