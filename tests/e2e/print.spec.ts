import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures.ts';

test('the print layout is a one-page forecast summary: quarters with P10, median, P90 and chance of target, the chart, CAC and the run details', async ({ page }) => {
  // The browser's print dialog cannot be driven; count that the app opens it.
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => void counted.printCalls++;
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await page.getByRole('button', { name: 'Print or save PDF summary' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  await page.keyboard.press('Escape');

  const quarterCount = await page.getByRole('group', { name: /quarter/i }).getByRole('button').count().catch(() => 0);
  await page.emulateMedia({ media: 'print' });
  const summary = page.locator('.print-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(summary.locator('h1')).toHaveText('Sample: enterprise pipeline');
  await expect(summary).toContainText('Bookings forecast · pipeline as of Nov 23, 2026');
  await expect(summary).toContainText(/Forecast, not actuals: 20,000 Monte Carlo trials, seed 1/);
  const rows = summary.locator('table').first().locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(Math.max(quarterCount, 4));
  await expect(rows.first()).toContainText(/FY2027 Q4\$[\d,]+\$[\d,]+\$[\d,]+\$4,000,000\d+%/);
  await expect(summary.locator('table').nth(1)).toContainText('All stages');
  await expect(summary.locator('svg.recharts-surface')).toHaveCount(1);
  mkdirSync('test-results/screens', { recursive: true });
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/print-summary-${size.width}x${size.height}.png`, fullPage: true });
  }
  // One A4 landscape page, as the board appendix needs.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync('test-results/exports/forecast-summary.pdf', pdf);
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
