import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('imports closed-deal history, reviews the fit, accepts it and sees the forecast change', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const firstQuarter = page.getByRole('button', { name: /^FY2027 Q4 / }).locator('.quarter-p50');
  const before = await firstQuarter.textContent();

  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel('History CSV file').setInputFiles(fixture('hubspot-deal-stage-dates.csv'));
  const preview = page.getByRole('region', { name: 'History preview' });
  await expect(preview.getByText(/^400 deals with \d+ stage changes/)).toBeVisible();
  await expect(preview.getByLabel('Technical Evaluation')).toHaveValue('pilot');
  await expect(preview.getByLabel('Closed Lost')).toHaveValue('__lost');
  await preview.getByRole('button', { name: 'Use 400 deals' }).click();

  const table = page.getByRole('table', { name: 'Proposed stage values' });
  const pilot = table.getByRole('row', { name: /^Proof of concept/ });
  // Every fitted value comes with its 90% interval.
  await expect(pilot).toContainText(/60% → \d+(\.\d)?% \[\d+(\.\d)?%–\d+(\.\d)?%\]/);
  await expect(pilot).toContainText(/45 \/ 110 → \d+(\.\d)? \/ \d+(\.\d)? \[[\d.]+–[\d.]+ \/ [\d.]+–[\d.]+\]/);
  // Choices made before leaving the tab are still there on return (the calibration lives in the store).
  await page.getByLabel('Weight of your earlier rates (deals, at least 2)').fill('20');
  await page.getByLabel('Older deals count').selectOption('8');
  const proposal = await pilot.textContent();
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await expect(page.getByLabel('Weight of your earlier rates (deals, at least 2)')).toHaveValue('20');
  await expect(page.getByLabel('Older deals count')).toHaveValue('8');
  await expect(pilot).toHaveText(proposal ?? '');
  await page.getByLabel('Weight of your earlier rates (deals, at least 2)').fill('10');
  await page.getByLabel('Older deals count').selectOption('');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/calibration-${width}.png`, fullPage: true });
  }

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
  // Leaving the tab and coming back keeps the prior at the pre-history rate: still no double counting.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await expect(pilot).toContainText(`${proposed}% → ${proposed}%`);

  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(firstQuarter).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect(firstQuarter).toHaveText(before ?? '');

  // The user may keep the history with the workspace: after a restart it is there again.
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel(/Keep this history with the workspace/).check();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await expect(page.getByText(/^Using hubspot-deal-stage-dates\.csv: 400 deals/)).toBeVisible();
  await expect(page.getByLabel(/Keep this history with the workspace/)).toBeChecked();
  await expect(table.getByRole('row', { name: /^Proof of concept/ })).toContainText(/60% → \d+(\.\d)?%/);
});

test('lists the rows of a Salesforce history it cannot read, and backtests past quarters', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await page.getByLabel('History CSV file').setInputFiles(fixture('salesforce-opportunity-history.csv'));
  const problems = page.getByRole('region', { name: 'Rows that cannot be read' });
  await expect(problems).toContainText('Line 19: has no deal id');
  await expect(problems).toContainText('Line 20: date "13/40/2026" of stage "Proof of Concept" is not a date');

  await page.getByLabel('History CSV file').setInputFiles(fixture('hubspot-deal-stage-dates.csv'));
  await page.getByRole('button', { name: 'Use 400 deals' }).click();
  await page.getByLabel('Quarters to replay').selectOption('6');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Inside the P10–P90 range in/ });
  await expect(status).toBeVisible({ timeout: 150_000 });
  // Coverage is stated with its uncertainty, over the scored quarters only, beside every baseline.
  await expect(status).toContainText(/\d of \d scored quarters \(\d+%; 90% interval \d+%–\d+%\)|no quarter had enough history/);
  await expect(status).toContainText(/weighted pipeline .+, last quarter’s actual .+, same quarter last year/);
  const halfLives = page.getByRole('table', { name: 'Backtest by half-life' });
  await expect(halfLives.getByRole('row')).toHaveCount(4);
  await expect(halfLives).toContainText('suggested');
  await expect(page.getByRole('img', { name: /^Backtest: / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Calibration: / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Where actuals fell: / })).toBeVisible();
  // Leaving the tab keeps the backtest.
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await page.getByRole('tab', { name: 'Calibrate' }).click();
  await expect(status).toBeVisible();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `test-results/screens/backtest-${width}.png`, fullPage: true });
    for (const name of [/^Backtest: /, /^Calibration: /, /^Where actuals fell: /]) {
      const chart = page.getByRole('img', { name }).locator('xpath=ancestor::*[contains(@class, "card")][1]');
      await chart.screenshot({ path: `test-results/screens/chart-${String(name).replace(/[^a-z]/gi, '').toLowerCase()}-${width}.png` });
    }
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save backtest CSV' }).click()]);
  expect(readFileSync(await download.path(), 'utf8').split('\r\n')[0]).toBe(
    "\uFEFFQuarter,Start,End,Actual bookings (USD),P10 forecast (USD),P50 forecast (USD),P90 forecast (USD),Actual inside P10-P90,Scored,Why not scored,Weighted pipeline (USD),Last quarter's actual (USD),Same quarter last year (USD),Mean pinball loss (USD),CRPS (USD),Share of outcomes below actual (PIT),Open deals at quarter start",
  );
});
