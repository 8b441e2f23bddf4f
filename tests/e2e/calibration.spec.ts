import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('imports closed-deal history, reviews the fit, accepts it and sees the forecast change', async ({ page }) => {
  await openApp(page);
  const firstQuarter = page.getByRole('listitem', { name: /^FY2027 Q4: median/ });
  const before = await firstQuarter.getAttribute('aria-label');

  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel('History CSV file').setInputFiles(fixture('hubspot-deal-stage-dates.csv'));
  const preview = page.getByRole('region', { name: 'History preview' });
  await expect(preview.getByText(/^400 deals with \d+ stage changes/)).toBeVisible();
  await expect(preview.getByLabel('Technical Evaluation')).toHaveValue('pilot');
  await expect(preview.getByLabel('Closed Lost')).toHaveValue('__lost');
  await preview.getByRole('button', { name: 'Use 400 deals' }).click();

  const table = page.getByRole('table', { name: 'Proposed stage values' });
  const pilot = table.getByRole('row', { name: /^Proof of concept/ });
  await expect(pilot).toContainText(/60% → \d+(\.\d)?%/);
  await expect(pilot).toContainText(/45 \/ 110 → \d+(\.\d)? \/ \d+(\.\d)?/);
  await page.screenshot({ path: 'test-results/screens/calibration.png', fullPage: true });

  const proposed = /60% → (\d+(?:\.\d)?)%/.exec((await pilot.textContent()) ?? '')?.[1];
  // Accept only the proof of concept; everything else stays.
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByLabel('Accept Proof of concept conversion').check();
  await page.getByLabel('Accept Proof of concept duration').check();
  await page.getByRole('button', { name: 'Accept 2 selected values' }).click();
  await expect(page.getByText(/Accepted 2 fitted values from hubspot-deal-stage-dates\.csv/)).toBeVisible();
  // The accepted rate is now the current one, and the proposal stays put: the same deals are not
  // counted twice.
  await expect(pilot).toContainText(`${proposed}% → ${proposed}%`);
  await expect(table.getByRole('row', { name: /^Discovery/ })).toContainText('55% →');

  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(firstQuarter).not.toHaveAttribute('aria-label', before ?? '');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(firstQuarter).toHaveAttribute('aria-label', before ?? '');
});

test('lists the rows of a Salesforce history it cannot read, and backtests past quarters', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel('History CSV file').setInputFiles(fixture('salesforce-opportunity-history.csv'));
  const problems = page.getByRole('region', { name: 'Rows that cannot be read' });
  await expect(problems).toContainText('Line 19: has no deal id');
  await expect(problems).toContainText('Line 20: date "13/40/2026" of stage "Proof of Concept" is not a date');

  await page.getByLabel('History CSV file').setInputFiles(fixture('hubspot-deal-stage-dates.csv'));
  await page.getByRole('button', { name: 'Use 400 deals' }).click();
  await page.getByLabel('Quarters to replay').selectOption('4');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Inside the P10–P90 range in \d of 4 quarters/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^Backtest: / })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/backtest.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save backtest CSV' }).click()]);
  expect(readFileSync(await download.path(), 'utf8').split('\r\n')[0]).toBe('\uFEFFQuarter,Start,End,Actual bookings (USD),P10 forecast (USD),P50 forecast (USD),P90 forecast (USD),Actual inside P10-P90,Weighted pipeline (USD),Open deals at quarter start');
});
