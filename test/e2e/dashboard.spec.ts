/**
 * The dashboard end to end, on the labelled sample data: record a campaign through the form, import a
 * synthetic orders CSV, then read the figures the views show (CPI 0.990, ROI 400%, funnel rates, the
 * sample's known best slot Tuesday 20:00 Asia/Shanghai) in English and Chinese, and the popup's next
 * suggested slot. (The README's screenshots come from `npm run screenshots`.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './extension';

const ORDERS = fileURLToPath(new URL('../fixtures/synthetic/orders/orders-zh.csv', import.meta.url));
const CAMPAIGN = 'E2E 春季训练营';

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The synthetic CSV with its {{dN}} placeholders turned into dates N days from today. */
function ordersCsv(): Buffer {
  const text = readFileSync(ORDERS, 'utf8').replace(/\{\{d(-?\d+)\}\}/g, (_, n: string) => isoDay(Number(n)));
  return Buffer.from(text, 'utf8');
}

async function openTab(page: Page, name: RegExp) {
  await page.getByRole('tab', { name }).click();
}

test('dashboard: campaign form + orders CSV → CPI, ROI, funnel; suggestions; popup; both languages', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await expect(page.getByTestId('language')).toBeVisible();
  await page.getByTestId('language').selectOption('en');

  // Sample data through the background's command, as the Data view's button sends it.
  const loaded = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({
      type: 'sample.load',
    }),
  );
  expect(loaded).toEqual({ ok: true });

  // The audience's zone: the sample's best slot is Tuesday 20:00 in Asia/Shanghai.
  await expect(page.getByTestId('time-zone')).toBeEnabled();
  await page.getByTestId('time-zone').selectOption('Asia/Shanghai');
  await expect(page.getByTestId('time-zone')).toHaveValue('Asia/Shanghai');

  // Record a campaign through the form.
  await openTab(page, /Campaigns/);
  await page.getByTestId('campaign-new').click();
  const form = page.getByTestId('campaign-form');
  await form.locator('input[name="name"]').fill(CAMPAIGN);
  await form.locator('input[name="platform-x"]').check();
  await form.locator('input[name="start"]').fill(isoDay(-30));
  await form.locator('input[name="end"]').fill(isoDay(0));
  await form.locator('select[name="currency"]').selectOption('CNY');
  await form.locator('input[name="cost"]').fill('1000');
  await form.locator('input[name="clicks"]').fill('1000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);

  const card = page.locator(`section[data-campaign="${CAMPAIGN}"]`);
  await expect(card).toBeVisible();
  // Before the orders: no purchases, so CPA has no value and says why.
  await expect(card.getByTestId('cost').locator('td').nth(3)).toHaveText(/—/);

  // Import the orders CSV; the columns are guessed from the Chinese headers. All 11 distinct orders
  // are kept; the 10 inside the dates fill the campaign.
  const orders = card.getByTestId('orders-import');
  await orders.locator('summary').click();
  await orders
    .locator('input[type="file"]')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: ordersCsv() });
  await expect(orders.getByTestId('orders-preview')).toContainText('10 orders');
  await expect(orders.getByTestId('orders-preview')).toContainText('1 outside the dates, 1 duplicates');
  await orders.getByTestId('orders-apply').click();
  await expect(orders.getByRole('status')).toHaveText(
    '10 orders applied to the campaign. Orders kept: 11 new, 0 updated, 0 already there.',
  );

  const costCells = card.getByTestId('cost').locator('tbody td');
  await expect(costCells.nth(0)).toHaveText('0.990 CNY'); // CPI = 1000 / (1000 + 10)
  await expect(costCells.nth(1)).toHaveText('1.000 CNY'); // CPC
  await expect(costCells.nth(3)).toHaveText('100.00 CNY'); // CPA
  await expect(costCells.nth(4)).toHaveText('400%'); // ROI
  await expect(costCells.nth(5)).toHaveText('5.00×'); // ROAS
  await expect(card.getByText('cost per effect = cost / (clicks + conversions)')).toBeVisible();

  const funnel = card.getByTestId('funnel');
  await expect(funnel.locator('tr[data-stage="engaged"] td').first()).toHaveText('1,000');
  await expect(funnel.locator('tr[data-stage="bought"] td').first()).toHaveText('10');
  await expect(funnel.locator('tr[data-stage="bought"] td[data-rate="step"]')).toHaveText('1.0%');
  // The CSV's referral column was mapped and empty: zero advocates, a 0% last step.
  await expect(funnel.locator('tr[data-stage="advocates"] td').first()).toHaveText('0');
  await expect(card.getByTestId('funnel-advice').locator('li').first()).toBeVisible();

  // Suggestions: the known best slot.
  await openTab(page, /Suggestions/);
  await expect(page.locator('[data-platform="x"] [data-testid="best-slot"]')).toContainText(
    'Tuesday 20:00–22:00',
  );
  await expect(page.locator('[data-platform="x"] td[data-slot="Tue20"]')).not.toHaveText('');
  // The sample's comments are under its YouTube and Weibo posts: when that audience comments.
  await expect(page.locator('[data-platform="youtube"] [data-testid="audience-hours"]')).toContainText(
    /^Your audience comments most at \d\d:00–\d\d:00, /,
  );
  await expect(page.locator('[data-platform="x"] [data-testid="audience-hours"]')).toHaveCount(0);

  for (const [tab, name] of [
    [/Overview/, 'dashboard-overview'],
    [/Posts/, 'dashboard-posts'],
    [/Accounts/, 'dashboard-accounts'],
    [/Competitors/, 'dashboard-courses'],
    [/Data/, 'dashboard-data'],
    [/Health/, 'dashboard-health'],
    [/Settings/, 'dashboard-settings'],
  ] as const) {
    await openTab(page, tab);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    if (name === 'dashboard-overview')
      await expect(page.locator('[data-platform="x"] [data-kpi="ownPosts"]')).toHaveText('60');
    if (name === 'dashboard-posts') {
      await page.locator('button[aria-label^="History"]').first().click();
      await expect(page.getByTestId('post-history').locator('.chart canvas')).toBeVisible();
    }
    if (name === 'dashboard-accounts') {
      await page.locator('button[aria-label^="Growth path"]').first().click();
      await expect(page.getByTestId('growth-path').locator('.chart canvas')).toBeVisible();
    }
    if (name === 'dashboard-courses') {
      await expect(page.getByTestId('price-position')).toContainText('cheaper than');
      await page.locator('button[aria-label^="Price history"]').first().click();
      await expect(page.getByTestId('price-history').locator('.chart canvas')).toBeVisible();
    }
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await openTab(page, /Overview/);
  await expect(page.locator('[data-platform="x"] [data-kpi="ownPosts"]')).toHaveText('60');
  await page.emulateMedia({ colorScheme: 'light' });

  // The popup: next suggested slot from own posts.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('popup-next-slot')).toContainText('Tuesday 20:00–22:00');
  await expect(popup.getByTestId('popup-next-slot')).toContainText('Asia/Shanghai');

  // Chinese: switch in Settings and read the same figures.
  await openTab(page, /Settings/);
  await page.getByTestId('language').selectOption('zh_CN');
  await openTab(page, /推广与漏斗/);
  const zhCard = page.locator(`section[data-campaign="${CAMPAIGN}"]`);
  await expect(zhCard.getByRole('heading', { name: '成本与回报' })).toBeVisible();
  await expect(zhCard.getByTestId('cost').locator('tbody td').nth(0)).toHaveText('0.990 CNY');
  await expect(zhCard.getByTestId('cost').locator('tbody td').nth(4)).toHaveText('400%');
  await expect(
    zhCard.getByTestId('funnel').locator('tr[data-stage="bought"] td[data-rate="step"]'),
  ).toHaveText('1.0%');
  await expect(zhCard.getByTestId('funnel').locator('tr[data-stage="bought"] th')).toContainText('成熟');
  await openTab(page, /发帖建议/);
  await expect(page.locator('[data-platform="x"] [data-testid="best-slot"]')).toContainText(
    '星期二 20:00–22:00',
  );
  await expect(page.locator('[data-platform="youtube"] [data-testid="audience-hours"]')).toContainText(
    '你的受众最常在',
  );
  await popup.reload();
  await expect(popup.getByTestId('popup-next-slot')).toContainText('星期二 20:00–22:00');
});
