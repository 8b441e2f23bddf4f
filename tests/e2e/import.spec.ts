import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function startImport(page: Page, name: string) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import pipeline from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(fixture(name));
  return dialog;
}

test('imports a Salesforce opportunity report, replacing the pipeline, and undo brings it back', async ({ page }) => {
  const dialog = await startImport(page, 'salesforce-opportunities.csv');
  await expect(dialog.getByText('6 deals ready to import')).toBeVisible();
  await expect(dialog.getByLabel('Negotiation/Review')).toHaveValue('procurement');
  await expect(dialog.getByRole('region', { name: 'Rows left out' })).toContainText('Line 9: stage "Closed Lost" is not an open stage');
  await page.screenshot({ path: 'test-results/screens/import-salesforce.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Import 6 deals + 1 booked' }).click();
  await expect(page.getByText('Showing 6 of 6 deals')).toBeVisible();
  await expect(page.getByLabel('Zenith Financial - Renewal + Expansion amount')).toHaveValue('1,200,000');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
});

/** The HubSpot export with the two stages the app cannot guess mapped, as the user would. */
async function mapHubSpotStages(dialog: Locator) {
  await dialog.getByLabel('Appointment Scheduled').selectOption({ label: 'Discovery' });
  await dialog.getByLabel('Decision Maker Bought-In').selectOption({ label: 'Security and compliance review' });
  await expect(dialog.getByText('6 deals ready to import')).toBeVisible();
}

test('imports a HubSpot export after the user maps the stages the app could not guess, merging by id and matching the same names', async ({ page }) => {
  const dialog = await startImport(page, 'hubspot-deals.csv');
  await expect(dialog.getByText('4 deals ready to import')).toBeVisible();
  await expect(dialog.getByText('Line 2: stage "Appointment Scheduled" is not mapped to a stage of the model')).toBeVisible();
  await mapHubSpotStages(dialog);
  await dialog.getByLabel('Merge by deal id', { exact: false }).check();
  // The sample's deals carry other ids than HubSpot's: said before anything changes, and listed side by side.
  const sameName = dialog.getByRole('region', { name: /6 imported deals have the same name as a deal in the workspace, under a different id/ });
  await expect(sameName).toBeVisible();
  await expect(sameName.getByRole('radio', { name: /Match them by name/ })).toBeChecked();
  const pairs = sameName.getByRole('table', { name: 'Deals with the same name' });
  await expect(pairs.getByRole('row')).toHaveCount(2 + 6);
  await expect(pairs.getByRole('row', { name: 'Orion Space Systems D-1032 $890K Security and compliance review 9004 $890K Security and compliance review' })).toBeVisible();
  await expect(pairs.getByRole('row', { name: 'Lighthouse Media D-1040 $150K Procurement and legal 9007 $150K Booked Nov 15, 2026' })).toBeVisible();
  await expect(dialog.getByText('6 imported deals share a workspace deal’s name under another id: each will update that deal.')).toBeInViewport();
  await dialog.getByRole('button', { name: 'Import 6 deals + 1 booked' }).click();
  // Six updated in place, Évora Saúde added, Lighthouse Media now booked: still 40, none twice.
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(page.getByText(/6 deals matched by name/)).toBeVisible();
  await page.getByLabel('Filter deals').fill('Orion');
  await expect(page.getByText('Showing 1 of 40 deals')).toBeVisible();
  await page.getByLabel('Filter deals').fill('Évora');
  await expect(page.getByLabel('Évora Saúde amount')).toHaveValue('215,000');
  await expect(page.getByRole('table', { name: 'Booked deals' })).toContainText('Lighthouse Media');
  // The mapping is remembered for this workspace.
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await page.getByRole('dialog').getByLabel('CSV file').setInputFiles(fixture('hubspot-deals.csv'));
  await expect(page.getByRole('dialog').getByLabel('Appointment Scheduled')).toHaveValue('discovery');
});

test('keeps both deals of the same name when the user chooses to, and says so before the import', async ({ page }) => {
  const dialog = await startImport(page, 'hubspot-deals.csv');
  await mapHubSpotStages(dialog);
  await dialog.getByLabel('Merge by deal id', { exact: false }).check();
  await dialog.getByRole('radio', { name: /Keep both/ }).check();
  await expect(dialog.getByText('6 imported deals share a workspace deal’s name under another id: each will be added beside it.')).toBeInViewport();
  await dialog.getByRole('button', { name: 'Import 6 deals + 1 booked' }).click();
  await expect(page.getByText('Showing 46 of 46 deals')).toBeVisible();
  await page.getByLabel('Filter deals').fill('Orion');
  await expect(page.getByText('Showing 2 of 46 deals')).toBeVisible();
});

test('imports a semicolon-delimited European UTF-16 file with decimal commas', async ({ page }) => {
  const dialog = await startImport(page, 'european-pipeline.csv');
  await expect(dialog.getByText(/UTF-16LE, separated by “;”/)).toBeVisible();
  await expect(dialog.getByLabel('Amounts are written like')).toHaveValue('comma-decimal');
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(preview).toContainText('Müller Maschinenbau');
  await expect(preview).toContainText('$1.2M');
  await expect(preview).toContainText('Oct 2, 2026');
  await dialog.getByRole('button', { name: 'Import 4 deals' }).click();
  await expect(page.getByText('Showing 4 of 4 deals')).toBeVisible();
});

test('lists every bad row with its line and reason, and a cancelled import changes nothing', async ({ page }) => {
  const dialog = await startImport(page, 'bad-rows.csv');
  const problems = dialog.getByRole('region', { name: 'Rows left out' });
  await expect(problems).toContainText('8 rows will be left out');
  for (const line of [
    'Line 3: the name is empty',
    'Line 5: the amount "twelve thousand" is not a number in the chosen format',
    'Line 8: the date entered current stage 2026-12-25 is after the as-of date 2026-11-23',
    'Line 10: deal id "B-1" is also on line 2',
  ]) {
    await expect(problems).toContainText(line);
  }
  await page.screenshot({ path: 'test-results/screens/import-bad-rows.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
});

test('imports every open row of a Salesforce report without an id column, with the default mapping', async ({ page }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    const dialog = await startImport(page, 'salesforce-report-no-id.csv');
    await expect(dialog.getByText('64 deals ready to import')).toBeVisible();
    const summary = dialog.getByRole('status').filter({ hasText: 'data rows in the file' });
    await expect(summary).toContainText('74 data rows in the file:');
    await expect(summary).toContainText('64 open deals ($38.8M)');
    await expect(summary).toContainText('2 booked this quarter ($850K)');
    await expect(dialog.getByText('8 rows will be left out, each listed with its line and reason.')).toBeInViewport();
    await expect(dialog.getByText(/no deal id column: each deal’s id is made from its account, name and created date/)).toBeVisible();
    const tally = dialog.getByRole('table', { name: 'Rows per CRM stage' });
    await expect(tally.getByRole('row', { name: /Closed Won Booked 3 \$1\.18M 2 \$850K/ })).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Rows left out' })).toContainText('Line 75: a single cell ("Confidential Information - Do Not Distribute"), not a row of the table: a report footer or note');
    // The dialog's body scrolls under its footer: one picture per part, as the user sees them.
    await page.screenshot({ path: `test-results/screens/import-70-rows-${size.width}x${size.height}-top.png` });
    await tally.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/import-70-rows-${size.width}x${size.height}-tally.png` });
    await dialog.getByRole('region', { name: 'Rows left out' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/import-70-rows-${size.width}x${size.height}-left-out.png` });
    await dialog.getByRole('button', { name: 'Import 64 deals + 2 booked' }).click();
    await expect(page.getByText('Showing 64 of 64 deals')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Booked deals' }).getByRole('row')).toHaveCount(3);
  }
});

/** Text the dialog cuts off: a select narrower than its chosen option, a table cell narrower than its text. */
function clippedText(): string[] {
  const dialog = document.querySelector('[role="dialog"]');
  if (!dialog) return ['no dialog'];
  const clipped: string[] = [];
  const probe = document.createElement('span');
  probe.style.cssText = 'position: absolute; visibility: hidden; white-space: nowrap';
  document.body.append(probe);
  for (const select of Array.from(dialog.querySelectorAll('select'))) {
    const style = getComputedStyle(select);
    probe.style.font = style.font;
    probe.textContent = select.selectedOptions[0]?.textContent ?? '';
    // Room for the text: the box less its padding and the drop-down arrow (about 20 px).
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    if (probe.offsetWidth > room) clipped.push(`select ${select.id}: "${probe.textContent}"`);
  }
  for (const cell of Array.from(dialog.querySelectorAll('td, th'))) {
    if (cell.scrollWidth > cell.clientWidth + 1) clipped.push(`cell "${cell.textContent ?? ''}"`);
  }
  probe.remove();
  return clipped;
}

test('keeps the summary, the rows left out and the buttons in view at 1280x720 and 1440x900, with no text cut off', async ({ page }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    const dialog = await startImport(page, 'hubspot-deals.csv');
    await expect(dialog.getByText('4 deals ready to import')).toBeAttached();
    // The whole dialog fits the window; its body scrolls between the title and the footer.
    const box = await dialog.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= size.height).toBe(true);
    const summary = dialog.getByRole('status').filter({ hasText: 'data rows in the file' });
    await expect(summary).toHaveText('7 data rows in the file: 4 open deals ($1.42M), 1 booked this quarter ($150K)');
    await expect(summary).toBeInViewport();
    const leftOut = dialog.getByText('2 rows will be left out, each listed with its line and reason.');
    await expect(leftOut).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Import 4 deals + 1 booked' })).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/import-hubspot-${size.width}x${size.height}.png` });
    expect(await page.evaluate(clippedText)).toEqual([]);
    // "Show them" brings the listed rows into view; the footer stays where it is.
    const rows = dialog.getByRole('region', { name: 'Rows left out' });
    await expect(rows).not.toBeInViewport();
    await dialog.getByRole('button', { name: 'Show them' }).click();
    await expect(rows).toBeInViewport();
    await expect(rows).toBeFocused();
    await expect(leftOut).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/import-hubspot-${size.width}x${size.height}-left-out.png` });
    // Once the stages are mapped nothing is left out, and the footer says nothing of it.
    await mapHubSpotStages(dialog);
    await expect(leftOut).toHaveCount(0);
    await expect(dialog.getByText(/left out/)).toHaveCount(0);
    // Merging: the same names are said in the footer, and listed in the body.
    await dialog.getByLabel('Merge by deal id', { exact: false }).check();
    await dialog.getByRole('button', { name: 'Review them' }).click();
    await expect(dialog.getByRole('table', { name: 'Deals with the same name' })).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Import 6 deals + 1 booked' })).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/import-hubspot-${size.width}x${size.height}-same-name.png` });
    expect(await page.evaluate(clippedText)).toEqual([]);
  }
});
