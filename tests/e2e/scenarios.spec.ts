import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, openApp, test } from './fixtures.ts';

test('creates a scenario, changes a stage, compares it with the baseline and exports the comparison', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(page.getByText('No scenarios yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'New scenario' }).click();
  const name = page.getByLabel('Scenario name');
  await name.fill('Solutions engineer: faster pilots');
  await name.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Scenarios' }).getByRole('button', { name: 'Solutions engineer: faster pilots' })).toBeVisible();

  const median = page.getByLabel('Proof of concept typical days', { exact: true });
  await expect(median).toHaveAttribute('placeholder', '45');
  await median.fill('36');
  await median.press('Enter');
  await expect(page.getByText('Proof of concept: median 45 → 36 days')).toBeVisible();
  const freeze = page.getByRole('button', { name: 'Add a shared risk' });
  await freeze.click();
  await expect(page.getByText(/30% chance that every deal in Procurement and legal on [A-Z][a-z]{2} \d{1,2}, \d{4} slips 30 days/)).toBeVisible();

  // The comparison runs by itself: baseline and the new scenario, same seed.
  const differences = page.getByRole('table', { name: 'Scenario differences' });
  await expect(differences.getByRole('row')).toHaveCount(3);
  await expect(differences).toContainText('Baseline');
  await expect(differences).toContainText('Solutions engineer: faster pilots');
  await expect(page.getByText(/same random numbers \(common random numbers\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/scenarios.png', fullPage: true });

  // Editing the baseline flows into the scenario, except what it overrides.
  await page.getByRole('tab', { name: 'Stage model' }).click();
  const baselineMedian = page.getByLabel('Proof of concept typical days', { exact: true });
  await baselineMedian.fill('50');
  await baselineMedian.press('Enter');
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(page.getByText('Proof of concept: median 50 → 36 days')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save comparison CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toBe('forecast-FY2027-Q4-2026-11-23-scenarios.csv');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFScenario,Quarter,Start,End,Target (USD),Mean bookings (USD),P10 bookings (USD),P50 bookings (USD),P90 bookings (USD),Probability of reaching target,Expected wins,"Remaining cost per expected win, all quarters (USD)"');
  expect(csv).toContain('\r\nBaseline,FY2027 Q4,2026-11-01,2027-01-31,4000000,');
  expect(csv).toContain('\r\nSolutions engineer: faster pilots,FY2027 Q4,');

  // The scenario is saved with the workspace.
  await page.reload();
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await expect(page.getByText('Proof of concept: median 50 → 36 days')).toBeVisible();
});

test('finds the pipeline needed, shows which deals carry the quarter and runs a cancellable tornado', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Making the number' }).click();
  await expect(page.getByText(/44% chance of reaching \$4M/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deal contributions to the target' }).getByRole('row')).toHaveCount(16);
  await page.getByLabel('New deals entering').selectOption({ label: 'Procurement and legal' });
  await page.getByRole('button', { name: 'Find the pipeline needed' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Add \d+ deals? of/ })).toContainText(/to raise the chance of reaching the FY2027 Q4 target from 4\d% to (7\d|8\d)%/);

  await page.getByRole('button', { name: 'Run sensitivity' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Run sensitivity' })).toBeEnabled();
  await page.getByLabel('Measure').selectOption({ label: 'Chance of reaching the target' });
  await page.getByRole('button', { name: 'Run sensitivity' }).click();
  await expect(page.getByRole('heading', { name: 'What moves the chance of reaching the FY2027 Q4 target' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /Sensitivity of the chance/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/making-the-number.png', fullPage: true });
});

test('the board pack carries the scenario comparison when the workspace has scenarios', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByRole('button', { name: 'Change this deal' }).click();
  await page.getByLabel('Leave out Zenith Financial').check();
  await expect(page.getByText('Zenith Financial: left out')).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export board pack' }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  const names = Object.keys(files).map((n) => n.split('/').pop() ?? '');
  expect(names).toEqual(expect.arrayContaining(['5-forecast-FY2027-Q4-2026-11-23-scenario-comparison.png', 'forecast-FY2027-Q4-2026-11-23-scenarios.csv']));
  const png = Object.entries(files).find(([n]) => n.endsWith('scenario-comparison.png'))?.[1];
  mkdirSync('test-results/exports', { recursive: true });
  if (png) writeFileSync('test-results/exports/pack-5-scenario-comparison.png', png);
  const csv = strFromU8(Object.entries(files).find(([n]) => n.endsWith('scenarios.csv'))?.[1] ?? new Uint8Array());
  expect(csv).toContain('\r\nScenario 1,FY2027 Q4,');
});

test('a scenario that moves a deal to another stage restarts its clock on the as-of date', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByLabel('Deal to change').selectOption({ label: 'Acme Corp ($250,000)' });
  await page.getByRole('button', { name: 'Change this deal' }).click();
  const since = page.getByLabel('Acme Corp in stage since, in this scenario');
  await expect(since).toHaveValue('2026-10-02');
  await page.getByLabel('Acme Corp stage in this scenario').selectOption({ label: 'Procurement and legal' });
  await expect(since).toHaveValue('2026-11-23');
  await expect(page.getByText('Acme Corp: in its stage since Nov 23, 2026')).toBeVisible();
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.getByRole('table').filter({ hasText: 'In stage since' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/scenario-stage-move-${size.width}x${size.height}.png` });
  }
});
