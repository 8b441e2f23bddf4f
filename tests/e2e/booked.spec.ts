import { expect, openApp, test } from './fixtures.ts';

test('a deal booked this quarter shows in the quarter card and in the chance of reaching the target', async ({ page }) => {
  await openApp(page);
  const card = page.getByRole('list', { name: 'Quarter summaries' }).getByRole('listitem').first();
  await expect(card).not.toContainText('so far');
  const chance = async () => Number(/(\d+)% chance of reaching/.exec((await card.textContent()) ?? '')?.[1]);
  const before = await chance();

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Add booked deal' }).click();
  const amount = page.getByLabel('Booked deal 1 booked amount');
  await amount.fill('2,000,000');
  await amount.press('Enter');
  await expect(page.getByLabel('Booked deal 1 closed on')).toHaveValue('2026-11-23');
  await expect(page.getByText(/booked in FY2027 Q4: \$2M so far/)).toBeVisible();
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/booked-deals-${size.width}x${size.height}.png`, fullPage: true });
  }

  await page.getByRole('tab', { name: 'Forecast' }).click();
  await expect(card).toContainText('booked $2M so far (included above)');
  await expect(page.getByText(/20,000 simulated trials/)).toBeVisible();
  await expect.poll(chance).toBeGreaterThan(before);
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/booked-quarter-card-${size.width}x${size.height}.png` });
  }

  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Remove booked deal Booked deal 1' }).click();
  await expect(page.getByText('No booked deals.')).toBeVisible();
});
