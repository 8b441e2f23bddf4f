import { expect, openApp, test } from './fixtures.ts';

test('opens on the sample workspace with a forecast, and no console errors', async ({ page, consoleErrors }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sample: enterprise pipeline' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bookings per fiscal quarter' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'CAC by stage' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^FY2027 Q4 \$[\d.]+[KM]? median/ })).toBeVisible();
  await expect(page.getByText(/chance of reaching the \$4M target/).first()).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Zenith Financial');
  await expect(page).toHaveTitle('Sample: enterprise pipeline · Topdown Forecast');
  await page.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('keeps the workspace across a reload and selects quarters', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^FY2028 Q1 / }).click();
  await expect(page.getByRole('heading', { name: 'Deals that carry FY2028 Q1' })).toBeVisible();
  await page.reload();
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sample: enterprise pipeline' })).toBeVisible();
});

test('shows a dark theme when the system asks for one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(17, 22, 29)');
  await page.screenshot({ path: 'test-results/screens/dashboard-dark.png', fullPage: true });
});

test('shows a card for every quarter of the horizon, and any of them can be chosen', async ({ page }) => {
  await openApp(page);
  const cards = page.getByRole('list', { name: 'Quarter summaries' }).getByRole('listitem');
  await expect(cards).toHaveCount(6);
  const last = page.getByRole('button', { name: /^FY2029 Q1 / });
  // The spoken name is the whole card: median, range and the chance of the target.
  await expect(last).toHaveAccessibleName(/^FY2029 Q1 \$[\d.]+[KM]? median .*(90% chance of at least \$[\d.]+[KM]?|\$0 in at least 1 of 10 outcomes)\s*10% chance of more than \$[\d.]+[KM]?\s*(No target set|\d+% chance of reaching)/);
  // Four cards show at a time; the pager says so and brings the later ones into view.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByText('Quarters 1–4 of 6')).toBeVisible();
  await expect(last).not.toBeInViewport();
  await expect(page.getByRole('button', { name: '← Earlier' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Later →' }).click();
  await expect(page.getByText('Quarters 3–6 of 6')).toBeVisible();
  await expect(last).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Later →' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Later →' })).toBeFocused();
  await last.click();
  await expect(last).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Range of outcomes for FY2029 Q1' })).toBeVisible();
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/quarter-cards-${size.width}.png` });
  }
});
