import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** The dashboard's charts, by the start of their spoken summary, with a short name for the pictures. */
const FORECAST_CHARTS = [
  ['bookings-per-quarter', /^Bookings per quarter: /],
  ['range-of-outcomes', /^Distribution of /],
  ['cumulative-bookings', /^Cumulative bookings: /],
  ['chance-to-close', /^Chance that /],
  ['cac-by-stage', /^CAC by stage/],
  ['funnel', /^Funnel: /],
] as const;

const cardOf = (page: Page, name: RegExp) => page.getByRole('img', { name }).locator('xpath=ancestor::*[contains(@class, "card")][1]');

/** The numbers on one axis of a chart, as drawn. */
async function tickValues(axis: Locator): Promise<string[]> {
  await expect(axis.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
  return axis.locator('.recharts-cartesian-axis-tick-value').allTextContents();
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A step between ticks is round when it is 1, 2 or 5 times a power of ten. */
function isRoundStep(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].includes(Math.round((step / power) * 1e6) / 1e6);
}

test('every dashboard chart at both sizes: round ticks, readable tooltips, labels that do not collide', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.mouse.move(0, 0);
    for (const [file, name] of FORECAST_CHARTS) {
      const card = cardOf(page, name);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: `test-results/screens/chart-${file}-${size.width}x${size.height}.png` });
    }

    // The cumulative chart: its quarter-end labels apart, its y-axis title inside the picture.
    const fan = cardOf(page, /^Cumulative bookings: /);
    await expect(fan.locator('.recharts-xAxis-tick-labels text.axis-tick').first()).toBeVisible();
    const labels = await fan.locator('.recharts-xAxis-tick-labels text.axis-tick, .recharts-xAxis-tick-labels text.axis-tick-note').all();
    const boxes = [];
    for (const label of labels) {
      const box = await label.boundingBox();
      if (box && box.width > 0) boxes.push(box);
    }
    expect(boxes.length).toBeGreaterThan(4);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as never, boxes[j] as never), `labels ${i} and ${j} overlap at ${size.width}px`).toBe(false);
    const chartBox = await fan.locator('svg.recharts-surface').boundingBox();
    const titleBox = await fan.locator('text.axis-label', { hasText: 'Bookings (USD)' }).boundingBox();
    expect(chartBox && titleBox).toBeTruthy();
    if (chartBox && titleBox) {
      expect(titleBox.x).toBeGreaterThanOrEqual(chartBox.x);
      expect(titleBox.y).toBeGreaterThanOrEqual(chartBox.y);
      expect(titleBox.y + titleBox.height).toBeLessThanOrEqual(chartBox.y + chartBox.height);
    }

    // The bookings tooltip: every line, the P10–P90 range included, in the text colour.
    const bookings = cardOf(page, /^Bookings per quarter: /);
    await bookings.scrollIntoViewIfNeeded();
    const plot = await bookings.locator('svg.recharts-surface').boundingBox();
    if (!plot) throw new Error('no plot area');
    await page.mouse.move(plot.x + plot.width * 0.2, plot.y + plot.height * 0.4, { steps: 4 });
    await page.mouse.move(plot.x + plot.width * 0.22, plot.y + plot.height * 0.45, { steps: 4 });
    const tooltip = bookings.locator('.recharts-default-tooltip');
    await expect(tooltip).toContainText('P10–P90 range');
    const colours = await tooltip.evaluate((el) => ({
      text: getComputedStyle(document.body).color,
      items: Array.from(el.querySelectorAll('.recharts-tooltip-item'), (item) => getComputedStyle(item).color),
    }));
    expect(colours.items.length).toBeGreaterThanOrEqual(2);
    for (const colour of colours.items) expect(colour).toBe(colours.text);
    expect(await tooltip.textContent()).toMatch(/P10–P90 range : \$[\d.]+[KM]? – \$[\d.]+[KM]?/);
    await bookings.screenshot({ path: `test-results/screens/chart-bookings-tooltip-${size.width}x${size.height}.png` });
    await page.mouse.move(0, 0);
  }

  // Round ticks on every number axis of the dashboard; money axes start at zero.
  for (const [, name] of FORECAST_CHARTS) {
    for (const axis of await cardOf(page, name).locator('.recharts-yAxis-tick-labels, .recharts-xAxis-tick-labels').all()) {
      if ((await axis.locator('.recharts-cartesian-axis-tick-value').count()) === 0) continue; // custom quarter labels
      const values = (await tickValues(axis)).map((t) => Number(t.replace(/[$,%KM<>]/g, '')));
      if (values.length < 2 || values.some((v) => Number.isNaN(v))) continue; // a category axis (quarters, stages)
      const steps = values.slice(1).map((v, i) => v - (values[i] as number));
      for (const step of steps) expect(step).toBeCloseTo(steps[0] as number, 6);
      expect(isRoundStep(Math.abs(steps[0] as number)), `${String(name)}: ticks ${values.join(', ')}`).toBe(true);
    }
  }

  // The range of outcomes says what lies past its right edge instead of piling it into a last bin.
  const histogram = cardOf(page, /^Distribution of /);
  await expect(histogram).toContainText(/% of outcomes lie above \$[\d.]+[KM]?, off the right edge\./);
});

test('stage durations on round day axes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Stage model' }).click();
  const duration = page.locator('figure.duration-chart').first();
  await expect(duration).toBeVisible();
  const days = (await tickValues(duration.locator('.recharts-xAxis-tick-labels'))).map(Number);
  expect(days[0]).toBe(0);
  const step = (days[1] as number) - (days[0] as number);
  expect(isRoundStep(step)).toBe(true);
  expect(days.every((d, i) => d === i * step)).toBe(true);
  const shares = await tickValues(duration.locator('.recharts-yAxis-tick-labels'));
  for (const share of shares) expect(share).toMatch(/^\d+(\.\d)?%$/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await duration.screenshot({ path: `test-results/screens/chart-stage-duration-${size.width}x${size.height}.png` });
  }
});

test('each dashboard chart exports as a slide PNG from its own menu', async ({ page }) => {
  await openApp(page);
  mkdirSync('test-results/exports', { recursive: true });
  for (const [file, name] of FORECAST_CHARTS) {
    const card = cardOf(page, name);
    await card.getByRole('button', { name: /^Export chart: / }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save PNG' }).click()]);
    const bytes = readFileSync(await download.path());
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 1920, height: 1080 });
    writeFileSync(`test-results/exports/chart-${file}.png`, bytes);
  }
});
