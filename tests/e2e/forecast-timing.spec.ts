import { editAndMeasure, openBenchmarkWorkspace, typeAndWatchFrames } from '../support/forecast-timing.ts';
import { expect, openApp, test } from './fixtures.ts';

test('records how long an edit takes to reach the first and the full forecast on screen', async ({ page }) => {
  await openApp(page);
  await openBenchmarkWorkspace(page, 300);
  const timing = await editAndMeasure(page, 777_000);
  expect(timing.first).toBeGreaterThan(0);
  expect(timing.full).toBeGreaterThanOrEqual(timing.first);
  await expect(page.getByLabel('Timing Test Corp amount')).toHaveValue('777,000');

  // Typing is watched frame by frame (the bench prints it; here: it is measured, and the abandoned draft changes nothing).
  const typing = await typeAndWatchFrames(page, '1234567890');
  expect(typing.longFrames).toBeGreaterThanOrEqual(0);
  expect(Number.isFinite(typing.longestMs)).toBe(true);
  await expect(page.getByLabel('Timing Test Corp amount')).toHaveValue('777,000');

  // The dashboard with the finished 300-deal forecast, at both window sizes.
  await page.getByRole('tab', { name: 'Forecast' }).click();
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
    await page.screenshot({ path: `test-results/screens/forecast-300-deals-${width}x${height}.png` });
  }
});
