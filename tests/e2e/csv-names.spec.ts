import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

async function saveTable(page: Page, label: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Save ${label} CSV` }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('the European CSVs get their own file names, and the deals file has stage names with the ids beside them', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const comma = await saveTable(page, 'Deals');
  expect(comma.name).toBe('forecast-FY2027-Q4-2026-11-23-deals.csv');
  const [header] = comma.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(header?.startsWith('Deal id,Deal name,Stage,Stage id,')).toBe(true);
  expect(comma.text).toContain('\r\nD-1019,Acme Corp,Proof of concept,pilot,250000,');

  await page.getByLabel(/Semicolon-separated, decimal comma/).check();
  const european = await saveTable(page, 'Deals');
  expect(european.name).toBe('forecast-FY2027-Q4-2026-11-23-deals-eu.csv');
  expect(european.text).toContain('\r\nD-1019;Acme Corp;Proof of concept;pilot;250000;');
  const quarters = await saveTable(page, 'Quarters');
  expect(quarters.name).toBe('forecast-FY2027-Q4-2026-11-23-quarters-eu.csv');
  expect(quarters.text.split('\r\n')[1]).toMatch(/^FY2027 Q4;2026-11-01;2027-01-31;4000000;\d+(,\d+)?;/);
});
