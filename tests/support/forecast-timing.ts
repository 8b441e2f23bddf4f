import { expect, type Page } from '@playwright/test';
import { benchmarkPipeline } from '../../cli/bench-pipeline.ts';

/** The deal that the timing runs edit, renamed so it is easy to find in any pipeline size. */
export const EDITED_DEAL = 'Timing Test Corp';

export interface EditTiming {
  /** ms from the edit to the first result on screen, and to the final one (User Timing measures). */
  first: number;
  full: number;
}

/** Opens a benchmark pipeline of `deals` deals as a new workspace (as a user opens a model file) and shows the Pipeline tab. */
export async function openBenchmarkWorkspace(page: Page, deals: number): Promise<void> {
  const model = benchmarkPipeline(deals);
  model.name = `Benchmark, ${deals} deals`;
  const first = model.deals[0];
  if (first) first.name = EDITED_DEAL;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  // An opened file becomes a workspace named after the file.
  await (await chooser).setFiles({ name: `${model.name}.forecast.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.getByRole('heading', { level: 1, name: model.name })).toBeVisible();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByLabel('Filter deals').fill(EDITED_DEAL);
  await waitForMeasures(page, 1);
}

/** How many runs have reached their final result on screen. */
const fullResults = (page: Page) => page.evaluate(() => performance.getEntriesByName('forecast:full-result').length);

async function waitForMeasures(page: Page, atLeast: number): Promise<void> {
  await expect.poll(() => fullResults(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(atLeast);
}

/** Edits the deal's amount (a committed edit, as Enter does) and reads the two measures of the run it started. */
export async function editAndMeasure(page: Page, amount: number): Promise<EditTiming> {
  const before = await fullResults(page);
  const field = page.getByLabel(`${EDITED_DEAL} amount`);
  await field.fill(String(amount));
  await field.press('Enter');
  await waitForMeasures(page, before + 1);
  return page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
    return { first: last('forecast:first-result'), full: last('forecast:full-result') };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface TypingFrames {
  /** Frames (long animation frames, over 50 ms) that the page took while the characters were typed. */
  longFrames: number;
  /** The longest of them in ms (0 when none). */
  longestMs: number;
}

/**
 * Types `text` into the edited deal's amount field one key at a time, as a user does (a forecast
 * running meanwhile), and reports the frames over 50 ms that the page took during the typing, from
 * Chromium's Long Animation Frames timing (a frame over 50 ms is a stutter the user sees). The draft
 * is then abandoned with Escape, so the model is unchanged.
 */
export async function typeAndWatchFrames(page: Page, text: string): Promise<TypingFrames> {
  const field = page.getByLabel(`${EDITED_DEAL} amount`);
  await field.click();
  await field.press('ControlOrMeta+a');
  // Long animation frames reach observers only (not performance.getEntries), so one collects them.
  const started = await page.evaluate(() => {
    const seen: PerformanceEntry[] = [];
    new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
    (window as unknown as { __longFrames: PerformanceEntry[] }).__longFrames = seen; // read back below
    return performance.now();
  });
  await field.pressSequentially(text, { delay: 40 });
  const ended = await page.evaluate(() => performance.now());
  await page.waitForTimeout(200); // observers are called after the frame; let the last one arrive
  await field.press('Escape');
  return page.evaluate(
    ([from, to]) => {
      const seen = (window as unknown as { __longFrames: PerformanceEntry[] }).__longFrames;
      const frames = seen.filter((frame) => frame.startTime + frame.duration >= from && frame.startTime <= to);
      return { longFrames: frames.length, longestMs: Math.round(Math.max(0, ...frames.map((frame) => frame.duration))) };
    },
    [started, ended] as const,
  );
}
