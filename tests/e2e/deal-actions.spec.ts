import { expect, openApp, test } from './fixtures.ts';

test('"Add deal" scrolls to the new deal and puts the cursor in its name', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Add deal' }).click();
  const name = page.getByLabel('New deal 41 name');
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Initech');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Initech amount')).toHaveValue('100,000');
  await expect(page.getByText('Showing 41 of 41 deals')).toBeVisible();
});

test('"Delete selected" offers Undo in its notice, which brings the deals back exactly; Ctrl+Y redoes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  // The deals on screen, in order, with their fields (the forecast columns refine as trials come in).
  // Every matched element is an input or a select, both of which have a string value.
  const amountOf = async () => page.getByRole('grid', { name: 'Deals' }).locator('input:not([type="checkbox"]), select').evaluateAll((all) => all.map((el) => `${el.getAttribute('aria-label') ?? ''}=${(el as HTMLInputElement).value}`));
  const before = await amountOf();
  await page.getByLabel('Select Stratus Cloud Services').check();
  await page.getByLabel('Select Meridian Bank').check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.getByText('Showing 38 of 40 deals')).toHaveCount(0);
  await expect(page.getByText('Showing 38 of 38 deals')).toBeVisible();
  const notice = page.getByRole('region', { name: 'Notices' }).getByRole('status').filter({ hasText: 'Deleted 2 deals.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(notice).toBeHidden();
  expect(await amountOf()).toEqual(before);
  // Redo with the Windows and Linux habit (Ctrl+Y), then undo with Ctrl+Z, focus outside any field.
  await page.getByRole('tab', { name: 'Pipeline' }).focus();
  await page.keyboard.press('Control+Y');
  await expect(page.getByText('Showing 38 of 38 deals')).toBeVisible();
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByText('Showing 38 of 38 deals')).toBeVisible();
});

test('Undo in a delete notice after another edit puts the deleted deal back and keeps the edit', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByLabel('Select Meridian Bank').check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Deleted “Meridian Bank”.' });
  await notice.hover();
  await page.getByLabel('Vantage Telecom amount').fill('610,000');
  await page.getByLabel('Vantage Telecom amount').press('Enter');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(page.getByLabel('Meridian Bank amount')).toHaveValue('750,000');
  await expect(page.getByLabel('Vantage Telecom amount')).toHaveValue('610,000');
});

test('the delete notice goes once the delete is undone with Ctrl+Z or the header’s Undo, so its Undo never stays behind doing nothing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const notices = page.getByRole('region', { name: 'Notices' });
  const notice = notices.getByRole('status').filter({ hasText: 'Deleted 2 deals.' });
  const deleteTwo = async () => {
    await page.getByLabel('Select Stratus Cloud Services').check();
    await page.getByLabel('Select Meridian Bank').check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await expect(page.getByText('Showing 38 of 38 deals')).toBeVisible();
    // The pointer on the notice holds it (a success notice otherwise fades after six seconds).
    await notice.hover();
  };

  await deleteTwo();
  await page.getByRole('tab', { name: 'Pipeline' }).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 3_000 });

  await deleteTwo();
  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 40 of 40 deals')).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 3_000 });
  // Redo brings the delete back, not the notice: its Undo was done already.
  await page.keyboard.press('Control+Y');
  await expect(page.getByText('Showing 38 of 38 deals')).toBeVisible();
  await expect(notices.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});
