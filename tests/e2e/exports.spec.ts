import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Saves an exported file where a person can look at it after the run. */
function keep(name: string, bytes: Buffer | Uint8Array) {
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync(`test-results/exports/${name}`, bytes);
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** Decodes a PNG in the page and measures it: pixel variance, and pixels of a colour in a region. */
async function inspectPng(page: Page, bytes: Buffer, color: [number, number, number], region: { top: number; bottom: number }) {
  return page.evaluate(
    async ({ base64, color, region }) => {
      const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let sum = 0;
      let sumSq = 0;
      let matching = 0;
      const pixels = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const grey = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
        sum += grey;
        sumSq += grey * grey;
        const y = Math.floor(i / 4 / bitmap.width) / bitmap.height;
        if (y >= region.top && y < region.bottom && Math.abs((data[i] ?? 0) - color[0]) < 12 && Math.abs((data[i + 1] ?? 0) - color[1]) < 12 && Math.abs((data[i + 2] ?? 0) - color[2]) < 12) matching++;
      }
      const mean = sum / pixels;
      return { variance: sumSq / pixels - mean * mean, matching, width: bitmap.width, height: bitmap.height };
    },
    { base64: bytes.toString('base64'), color, region },
  );
}

async function importFormulaNames(page: Page) {
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import pipeline from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(fixture('formula-names.csv'));
  await dialog.getByLabel('Merge by deal id', { exact: false }).check();
  await dialog.getByRole('button', { name: 'Import 4 deals' }).click();
  await expect(page.getByText('Showing 44 of 44 deals')).toBeVisible();
  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
}

test('exports the forecast tables as spreadsheet-safe CSV, in both formats', async ({ page }) => {
  await openApp(page);
  await importFormulaNames(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the forecast' });
  await page.screenshot({ path: 'test-results/screens/export-dialog.png' });

  const quarters = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save Quarters CSV' }).click());
  expect(quarters.suggestedFilename()).toMatch(/^forecast-FY2027-Q4-2026-11-23-quarters\.csv$/);
  const quarterBytes = await bytesOf(quarters);
  expect([...quarterBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const quarterText = quarterBytes.toString('utf8').slice(1);
  const lines = quarterText.split('\r\n');
  expect(quarterText.replace(/\r\n/g, '')).not.toMatch(/\n/);
  expect(lines[0]).toBe('Quarter,Start,End,Target (USD),Mean bookings (USD),P10 bookings (USD),P50 bookings (USD),P90 bookings (USD),Probability of reaching target,Expected wins,Booked so far (USD),Expected spend (USD)');
  expect(lines[1]).toMatch(/^FY2027 Q4,2026-11-01,2027-01-31,4000000,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,0(\.\d+)?,\d+(\.\d+)?,0,\d+(\.\d+)?$/);

  const deals = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save Deals CSV' }).click());
  const dealText = (await bytesOf(deals)).toString('utf8');
  keep('deals.csv', await bytesOf(deals));
  expect(dealText).toContain(`X-1,"'=HYPERLINK(""http://evil.example"",""Click me"")",Procurement and legal,procurement,900000,`);
  expect(dealText).toContain(`X-2,"Atlas Re, ""Global"" rollout",Proof of concept,pilot,450000,`);
  expect(dealText).toContain(`X-3,'@Risk Partners,Security and compliance review,security,300000,`);

  await dialog.getByLabel(/Semicolon-separated/).check();
  const european = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save Quarters CSV' }).click());
  expect(european.suggestedFilename()).toBe('forecast-FY2027-Q4-2026-11-23-quarters-eu.csv');
  const europeanText = (await bytesOf(european)).toString('utf8');
  expect(europeanText.split('\r\n')[0]).toContain('Quarter;Start;End;Target (USD);');
  expect(europeanText.split('\r\n')[1]).toMatch(/^FY2027 Q4;2026-11-01;2027-01-31;4000000;.*;0,\d+;\d+(,\d+)?;0;\d+(,\d+)?$/);
});

test('a deals export imports back as the same pipeline', async ({ page }) => {
  await openApp(page);
  await importFormulaNames(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const deals = await downloadFrom(page, () => page.getByRole('button', { name: 'Save Deals CSV' }).click());
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import pipeline from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: await bytesOf(deals) });
  await expect(dialog.getByText('44 deals ready to import')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 44 deals' }).click();
  await expect(page.getByText('Showing 44 of 44 deals')).toBeVisible();
  await expect(page.getByLabel('=HYPERLINK("http://evil.example","Click me") amount')).toHaveValue('900,000');
});

test('exports a chart as a slide-sized PNG with its legend, as SVG, and to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const menu = page.getByRole('button', { name: 'Export chart: Bookings per fiscal quarter' });
  await menu.click();
  const panel = page.getByRole('dialog', { name: 'Export Bookings per fiscal quarter' });
  await page.screenshot({ path: 'test-results/screens/export-menu.png' });

  const png = await downloadFrom(page, () => panel.getByRole('button', { name: 'Save PNG' }).click());
  expect(png.suggestedFilename()).toBe('forecast-FY2027-Q4-2026-11-23-bookings-per-quarter.png');
  const pngBytes = await bytesOf(png);
  keep('bookings-per-quarter.png', pngBytes);
  expect(pngSize(pngBytes)).toEqual({ width: 1920, height: 1080 });
  // The legend sits in the top fifth of the image: its P50 line swatch is the accent colour.
  const inspected = await inspectPng(page, pngBytes, [0x1f, 0x5f, 0xbf], { top: 0, bottom: 0.2 });
  expect(inspected.variance).toBeGreaterThan(100);
  expect(inspected.matching).toBeGreaterThan(50);

  await menu.click();
  const svg = await downloadFrom(page, () => panel.getByRole('button', { name: 'Save SVG' }).click());
  const svgText = (await bytesOf(svg)).toString('utf8');
  keep('bookings-per-quarter.svg', Buffer.from(svgText));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent) };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.texts).toEqual(expect.arrayContaining(['Bookings per fiscal quarter', 'P10–P90 range', 'Median (P50)', 'Target', 'Fiscal quarter']));
  expect(svgText).toMatch(/@font-face\{font-family:'Inter'[^}]*base64,/);
  expect(svgText).toContain('Forecast, not actuals');
  // Dates on a slide read as people write them, as everywhere else in the app.
  expect(svgText).toContain('pipeline as of Nov 23, 2026');
  expect(svgText).not.toContain('var(--');

  await menu.click();
  await panel.getByRole('button', { name: 'Copy image' }).click();
  await expect(page.getByText('Copied “Bookings per fiscal quarter” to the clipboard as an image.')).toBeVisible();
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item?.getType('image/png');
    const bitmap = blob ? await createImageBitmap(blob) : null;
    return { width: bitmap?.width ?? 0, height: bitmap?.height ?? 0 };
  });
  expect(clipboard).toEqual({ width: 1920, height: 1080 });
});

test('refuses an image size a browser cannot draw, and exports at the on-screen size', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export chart: CAC by stage' }).click();
  const panel = page.getByRole('dialog', { name: 'Export CAC by stage' });
  await panel.getByLabel('Custom').check();
  await panel.getByLabel('Width (px)').fill('40000');
  await expect(panel.getByRole('alert')).toContainText('larger than a browser can draw');
  await expect(panel.getByRole('button', { name: 'Save PNG' })).toBeDisabled();
  await panel.getByLabel(/As on screen/).check();
  await panel.getByLabel('Pixel density').selectOption('3');
  const png = await downloadFrom(page, () => panel.getByRole('button', { name: 'Save PNG' }).click());
  const size = pngSize(await bytesOf(png));
  const onScreen = await page.locator('section', { hasText: 'CAC by stage' }).locator('.chart').boundingBox();
  expect(size.width).toBe(Math.round((onScreen?.width ?? 0) * 3));
  keep('cac-on-screen-3x.png', await bytesOf(png));
});

test('exports the board pack: four slide charts and the CSV files in one zip', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const zip = await downloadFrom(page, () => page.getByRole('button', { name: 'Export board pack' }).click());
  expect(zip.suggestedFilename()).toBe('forecast-FY2027-Q4-2026-11-23-board-pack.zip');
  const files = unzipSync(new Uint8Array(await bytesOf(zip)));
  const names = Object.keys(files).map((n) => n.split('/').pop() ?? n);
  expect(names.sort()).toEqual([
    '1-forecast-FY2027-Q4-2026-11-23-bookings-per-quarter.png',
    '2-forecast-FY2027-Q4-2026-11-23-range-of-outcomes-FY2027-Q4.png',
    '3-forecast-FY2027-Q4-2026-11-23-cumulative-bookings.png',
    '4-forecast-FY2027-Q4-2026-11-23-cac-by-stage.png',
    'forecast-FY2027-Q4-2026-11-23-cac-by-stage.csv',
    'forecast-FY2027-Q4-2026-11-23-deals.csv',
    'forecast-FY2027-Q4-2026-11-23-quarters.csv',
    'forecast-FY2027-Q4-2026-11-23-run-details.csv',
  ]);
  for (const [name, bytes] of Object.entries(files)) {
    const base = name.split('/').pop() ?? name;
    if (base.endsWith('.png')) {
      expect(pngSize(Buffer.from(bytes))).toEqual({ width: 1920, height: 1080 });
      keep(`pack-${base}`, bytes);
    }
  }
  const runDetails = Object.entries(files).find(([n]) => n.endsWith('run-details.csv'))?.[1];
  expect(strFromU8(runDetails ?? new Uint8Array())).toContain('Trials,20000\r\n');
});

test('a slide export honours the pixel density: 2× gives 3840 × 2160 with the same layout', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export chart: Bookings per fiscal quarter' }).click();
  const panel = page.getByRole('dialog', { name: 'Export Bookings per fiscal quarter' });
  await expect(panel.getByLabel(/Slide 16:9/)).toBeChecked();
  await panel.getByLabel('Pixel density').selectOption('2');
  await expect(panel.getByText('Slide 16:9 (3840 × 2160 px)')).toBeVisible();
  const png = await downloadFrom(page, () => panel.getByRole('button', { name: 'Save PNG' }).click());
  const bytes = await bytesOf(png);
  keep('bookings-per-quarter-slide-2x.png', bytes);
  expect(pngSize(bytes)).toEqual({ width: 3840, height: 2160 });
});

test('success notices fade and never stack beyond three', async ({ page }) => {
  await openApp(page);
  const menu = page.getByRole('button', { name: 'Export chart: Bookings per fiscal quarter' });
  const panel = page.getByRole('dialog', { name: 'Export Bookings per fiscal quarter' });
  for (let i = 0; i < 5; i++) {
    await menu.click();
    await downloadFrom(page, () => panel.getByRole('button', { name: 'Save SVG' }).click());
  }
  const notices = page.getByRole('region', { name: 'Notices' }).getByRole('status');
  await expect(notices).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screens/notices-stacked.png' });
  await expect(notices).toHaveCount(0, { timeout: 20_000 });
});
