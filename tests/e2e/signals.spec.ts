import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const quarterCards = (page: Page) => page.locator('.quarter-p50').allTextContents();
const shoot = async (page: Page, name: string) => {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
};

test("a passed pilot at one deal changes that deal's chance and the quarter", async ({ page }) => {
  await openApp(page);
  const before = await quarterCards(page);

  // The sample starts with the starter signals at ×1: set a passed pilot's odds first.
  await page.getByRole('tab', { name: 'Stage model' }).click();
  const signals = page.getByRole('region', { name: 'Signals' });
  await expect(signals.getByRole('group', { name: 'Practitioner pilot' })).toBeVisible();
  const passedRatio = signals.getByLabel('Practitioner pilot passed odds ratio');
  await passedRatio.fill('4');
  await passedRatio.press('Enter');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await shoot(page, 'signals-stage-model');

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByLabel('Filter deals').fill('Stratus');
  const row = page.getByRole('grid', { name: 'Deals' }).getByRole('row').nth(1);
  await expect(row.getByLabel('Stratus Cloud Services name')).toBeVisible();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  const chanceBefore = await row.locator('[data-col="pWin"]').textContent();
  await row.getByLabel('Stratus Cloud Services Practitioner pilot').selectOption('passed');
  // The deal is in the proof of concept: the ratio applies from the security review on.
  await expect(row.locator('[data-col="signal:pilot"]')).toContainText('odds ×4.0 later');
  await expect(row.locator('[data-col="pWin"]')).toHaveAttribute('title', 'Practitioner pilot: passed, odds ×4.0 from Security and compliance review on');
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(row.locator('[data-col="pWin"]')).not.toHaveText(chanceBefore ?? '');
  const chanceAfter = Number.parseFloat((await row.locator('[data-col="pWin"]').textContent()) ?? '');
  expect(chanceAfter).toBeGreaterThan(Number.parseFloat(chanceBefore ?? '') + 5);

  // Filter by signal: only the deal with a passed pilot.
  await page.getByLabel('Filter deals').fill('');
  await page.getByText('Signals', { exact: true }).click();
  await page.getByLabel('Only deals with').selectOption({ label: 'Practitioner pilot: passed' });
  await expect(page.getByText('Showing 1 of 40 deals')).toBeVisible();
  await shoot(page, 'signals-pipeline');
  await page.getByLabel('Only deals with').selectOption({ label: 'any values' });
  await page.getByText('Signals', { exact: true }).click();
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();

  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  expect(await quarterCards(page)).not.toEqual(before);

  // Which signal changes move the quarter most.
  await page.getByRole('tab', { name: 'Making the number' }).click();
  const changes = page.getByRole('region', { name: 'Which signal changes move the quarter most' });
  await changes.getByRole('button', { name: 'Find the signal changes that matter' }).click();
  const table = changes.getByRole('table', { name: 'Signal changes that move the quarter' });
  await expect(table.getByRole('row').nth(1)).toContainText(/Practitioner pilot: not run → passed/);
  await expect(table.getByRole('row').nth(1)).toContainText(/\+\d+\.\d pts/);
  await shoot(page, 'signals-making-the-number');
});

test('imports a history with signal columns, reviews the fitted odds ratios and accepts one', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel('History CSV file').setInputFiles(fixture('hubspot-deals-with-signals.csv'));
  const preview = page.getByRole('region', { name: 'History preview' });
  await expect(preview.getByText('Signal columns: Practitioner pilot from “Practitioner pilot”, Executive sponsor engaged from “Executive sponsor engaged”.')).toBeVisible();
  await expect(preview.getByText(/“In progress” \(2 rows\) is none of the signal’s values/).first()).toBeVisible();
  await preview.getByRole('button', { name: 'Use 600 deals' }).click();

  const review = page.getByRole('region', { name: 'Signals from history' });
  await expect(review).toContainText('Normal(0, 1) on ln odds ratio');
  await expect(review).toContainText('a CRM export holds today’s value of a field');
  const sponsor = review.getByRole('table', { name: 'Executive sponsor engaged: fitted odds ratios' });
  // The fixture was made with ×2 for an engaged sponsor.
  await expect(sponsor.getByRole('row', { name: /^yes/ })).toHaveText(/^yes×1\.00×[12]\.\d\d×1\.\d\d – ×[23]\.\d\d\d{3}$/);
  await shoot(page, 'signals-calibration');
  await review.getByRole('button', { name: 'Accept Executive sponsor engaged' }).click();
  await expect(page.getByText(/Accepted the fitted odds ratios of Executive sponsor engaged/)).toBeVisible();
  const fitted = /^yes×[\d.]+×([12]\.\d\d)/.exec((await sponsor.getByRole('row', { name: /^yes/ }).textContent()) ?? '')?.[1];
  expect(fitted).toBeDefined();

  await page.getByRole('tab', { name: 'Stage model' }).click();
  const ratio = page.getByRole('region', { name: 'Signals' }).getByLabel('Executive sponsor engaged yes odds ratio');
  await expect(ratio).toHaveValue(new RegExp(`^${(fitted ?? '').slice(0, 3)}`));
  await expect(page.getByRole('region', { name: 'Signals' }).getByLabel('Executive sponsor engaged yes uncertainty')).toHaveValue(/^0\.\d+/);
});
