import { editAndMeasure, openBenchmarkWorkspace } from '../support/forecast-timing.ts';
import { expect, openApp, test } from './fixtures.ts';

test('records how long an edit takes to reach the first and the full forecast on screen', async ({ page }) => {
  await openApp(page);
  await openBenchmarkWorkspace(page, 300);
  const timing = await editAndMeasure(page, 777_000);
  expect(timing.first).toBeGreaterThan(0);
  expect(timing.full).toBeGreaterThanOrEqual(timing.first);
  await expect(page.getByLabel('Timing Test Corp amount')).toHaveValue('777,000');
});
