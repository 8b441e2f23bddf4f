import { expect, test } from '@playwright/test';
import { EDITED_DEAL, editAndMeasure, median, openBenchmarkWorkspace, typeAndWatchFrames } from '../support/forecast-timing.ts';

/**
 * `npm run bench:ui`: the time from an edit to the forecast on screen, as a user sees it, in the
 * built app in Chromium. For a 300-deal and a 5,000-deal workspace, five edits of a deal's amount
 * each; prints the medians of the User Timing measures forecast:first-result and forecast:full-result.
 * Then types ten characters into a deal's amount while a forecast runs and prints the frames over
 * 50 ms the page took meanwhile (Long Animation Frames): typing must never wait on validation.
 */
const EDITS = 5;
/** BENCH_UI_SIZES=300 runs one size only (a comma-separated list). */
const SIZES = (process.env.BENCH_UI_SIZES ?? '300,5000').split(',').map(Number);

for (const deals of SIZES) {
  test(`${deals} deals: edit to first and full result`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto('/');
    // The app is ready for Open… once its first forecast is in.
    await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 120_000 });
    await openBenchmarkWorkspace(page, deals);
    const timings = [];
    for (let i = 0; i < EDITS; i++) timings.push(await editAndMeasure(page, 400_000 + 10_000 * i));
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // The workspace sets no trials, so it runs its deal count's default (liveForecastTrials).
    const trials = (await page.locator('.trials').textContent())?.replace(' simulated trials', '') ?? '?';
    const ms = (values: number[]) => `${Math.round(median(values))} ms`;
    console.log(
      `${deals} deals, ${EDITS} edits, ${cores} cores (a pool of ${Math.max(1, cores - 1)} simulation worker(s)), ${trials} trials: ` +
        `median edit → first result ${ms(timings.map((t) => t.first))}, → full result ${ms(timings.map((t) => t.full))}` +
        ` (each: ${timings.map((t) => `${Math.round(t.first)}/${Math.round(t.full)}`).join(', ')})`,
    );
    // A committed edit first, so a forecast is running while the user types the next value.
    const field = page.getByLabel(`${EDITED_DEAL} amount`);
    await field.fill('455000');
    await field.press('Enter');
    const typing = await typeAndWatchFrames(page, '1234567890');
    console.log(`${deals} deals, typing ten characters during a forecast: ${typing.longFrames} frame(s) over 50 ms, the longest ${typing.longestMs} ms`);
  });
}
