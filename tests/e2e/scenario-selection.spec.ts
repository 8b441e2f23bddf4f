import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

/** The scenario names of a comparison CSV, in order (one row per scenario and quarter). */
const scenariosIn = (csv: string) => [...new Set(csv.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]))];

async function comparisonCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save comparison CSV' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('"Change this deal" starts with nothing changed, so a close window entered next applies', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Deal to change').selectOption({ label: 'Acme Corp ($250,000)' });
  await page.getByRole('button', { name: 'Change this deal' }).click();
  await expect(page.getByLabel('Leave out Acme Corp')).not.toBeChecked();
  await page.getByLabel('Acme Corp earliest close date').fill('2027-01-10');
  await page.getByLabel('Acme Corp latest close date').fill('2027-01-20');
  await expect(page.getByText('Acme Corp: if won, closes between Jan 10, 2027 and Jan 20, 2027')).toBeVisible();
  await expect(page.getByText('Acme Corp: left out')).toHaveCount(0);
});

test('the scenarios ticked for comparison survive a reload, and the comparison CSV and the board pack show the same ones', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  const choices = page.getByRole('group', { name: /^Show/ });
  await expect(choices.getByLabel('Scenario 1')).toBeChecked();
  await expect(choices.getByLabel('Scenario 2')).toBeChecked();
  await choices.getByLabel('Scenario 1').uncheck();
  await expect(page.getByRole('table', { name: 'Scenario differences' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.reload();
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(choices.getByLabel('Baseline')).toBeChecked();
  await expect(choices.getByLabel('Scenario 1')).not.toBeChecked();
  await expect(choices.getByLabel('Scenario 2')).toBeChecked();
  await expect(page.getByRole('table', { name: 'Scenario differences' })).toContainText('Scenario 2');

  const fromView = scenariosIn(await comparisonCsv(page));
  expect(fromView).toEqual(['Baseline', 'Scenario 2']);
  await page.getByRole('button', { name: 'Export…' }).click();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export board pack' }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  const packCsv = strFromU8(Object.entries(files).find(([n]) => n.endsWith('-scenarios.csv'))?.[1] ?? new Uint8Array());
  expect(scenariosIn(packCsv)).toEqual(fromView);
});
