/**
 * Which posts sell, end to end: a tracked link copied for the seller's own course (the labelled
 * sample data's course 0) is remembered and shown "not seen posted"; a real X UserTweets response
 * (twscrape's capture of @XDevelopers) is served with ONE tweet's link replaced by that tracked link
 * (a labelled synthetic edit: no real own post carries one of our codes) and captured by the content
 * script on the seller's own profile page, whose state names @XDevelopers as the signed-in account (a
 * labelled synthetic state, test/fixtures/synthetic/x/signed-in-state.html, shaped as x.com's real
 * signed-in pages that lib/sites/x/viewer.ts reads: no saved page is signed in as @XDevelopers); the
 * dashboard asks "This is you" and Yes makes the account the seller's; a Gumroad orders file (synthetic, Gumroad's real
 * column names) with the code and the coupon is imported, and again without changing anything; the
 * post's exact orders and net revenue show in the Posts view and its detail panel, in both languages.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { StoredAccount, StoredPost } from '../../lib/db/schema';
import { seriousViolations } from './axe';
import { blockTheInternet, expect, fixture, openPopupBeside, readTable, test, waitFor } from './extension';
import { USER_TWEETS } from './serve-x';
import { catalogue, sendCommand } from './ui';

/** An own tweet of @XDevelopers (2026-07-30T01:31:50Z) whose one link becomes the tracked link. */
const POST = '2082640276389249363';
const COUPON = 'XDEV10';

/** The real UserTweets capture with POST's link replaced (in memory; the fixture file is unchanged). */
function tweetsCarrying(url: string): string {
  const json = JSON.parse(fixture(USER_TWEETS)) as unknown;
  let replaced = 0;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as {
      rest_id?: string;
      legacy?: { entities?: { urls?: Array<{ expanded_url: string }> } };
    };
    if (o.rest_id === POST && o.legacy?.entities?.urls?.length) {
      o.legacy.entities.urls[0]!.expanded_url = url;
      replaced++;
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(json);
  expect(replaced).toBeGreaterThan(0);
  return JSON.stringify(json);
}

/** Gumroad's columns (synthetic orders): two carry the code, one the coupon, one neither. */
function gumroadCsv(code: string): Buffer {
  const rows = [
    'Purchase ID,Purchase Date,Purchase Time (UTC timezone),Sale Price ($),Taxes ($),Fees ($),Partial Refund ($),Fully Refunded?,Discount Code,Affiliate,Affiliate commission ($),Purchase Email,UTM Source,UTM Medium,UTM Campaign,UTM Content',
    `E1,2026-07-30,03:00:00,49.00,0.00,5.20,0.00,false,,,0.00,a@example.com,x,social,launch,${code}`,
    `E2,2026-07-31,10:15:00,49.00,0.00,5.20,0.00,false,,,0.00,b@example.com,x,social,launch,${code}`,
    `E3,2026-08-01,12:00:00,39.00,0.00,4.20,0.00,false,${COUPON},,0.00,c@example.com,,,,`,
    'E4,2026-08-10,09:00:00,49.00,0.00,5.20,0.00,false,,,0.00,d@example.com,,,,',
    'Totals,,,186.00,0.00,19.80,0.00,,,,0.00,,,,,',
  ];
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

async function importOrders(page: Page, code: string, expected: string) {
  await page.goto(page.url().replace(/#.*$/, '#campaigns'));
  const orders = page.getByTestId('sales-summary').getByTestId('orders-import');
  // Open (the second time it still is: a click on its summary would close it).
  if (!(await orders.evaluate((d) => (d as HTMLDetailsElement).open)))
    await orders.locator('summary').click();
  await orders
    .locator('input[type="file"]')
    .setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: gumroadCsv(code) });
  await expect(orders.getByTestId('orders-detected')).toContainText('Gumroad');
  await orders.getByTestId('orders-apply').click();
  await expect(orders.getByRole('status')).toHaveText(expected);
}

test('tracked link copied → own profile page: post carrying it captured, "This is you" answered → orders imported → revenue per post, en and zh', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId, worker } = ext;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  expect(await sendCommand(page, { type: 'sample.load' })).toEqual({ ok: true });

  // 1. Copy a tracked link with a coupon: remembered, "not seen posted".
  await page.getByRole('tab', { name: /courses/ }).click();
  await page.getByTestId('tracked-link-open').click();
  const form = page.getByTestId('tracked-link');
  await form.locator('select[name="tracked-site"]').selectOption('x');
  await form.locator('input[name="tracked-campaign"]').fill('Launch');
  await form.locator('input[name="tracked-coupon"]').fill(COUPON);
  await form.getByTestId('tracked-link-copy').click();
  await expect(form.getByRole('status')).toContainText('Copied.');
  const url = await form.getByTestId('tracked-link-url').inputValue();
  const code = /utm_content=(xp-[a-z0-9]{4})/.exec(url)![1]!;
  await page.getByRole('tab', { name: /Campaigns/ }).click();
  const link = page.getByTestId('tracked-links').locator(`tr[data-code="${code}"]`);
  await expect(link.getByTestId('tracked-link-post')).toContainText('not seen posted');
  await expect(link).toContainText(COUPON);

  // 2. The seller's post carrying it, captured from x.com by the content script.
  await blockTheInternet(context);
  const body = tweetsCarrying(url);
  const signedInProfile = fixture('synthetic/x/profile-shell.html').replace(
    '</head>',
    `${fixture('synthetic/x/signed-in-state.html')}</head>`,
  );
  await context.route('https://x.com/**', (route) => {
    const requested = route.request().url();
    if (requested.includes('/UserTweets')) return route.fulfill({ contentType: 'application/json', body });
    if (requested.includes('/UserByScreenName'))
      return route.fulfill({
        contentType: 'application/json',
        body: fixture('twitter/vladkens__twscrape/raw_user_by_login.json'),
      });
    return route.fulfill({ contentType: 'text/html', body: signedInProfile });
  });
  const x = await context.newPage();
  await x.goto('https://x.com/XDevelopers');
  await expect(x.locator('#react-root[data-loaded="yes"]')).toBeAttached();
  const posts = await waitFor(
    () => readTable<StoredPost>(page, 'posts'),
    (rows) => rows.some((p) => p.id === POST),
  );
  expect(posts.find((p) => p.id === POST)?.links).toContain(url);
  const account = await waitFor(
    async () => (await readTable<StoredAccount>(page, 'accounts')).find((a) => a.handle === 'XDevelopers'),
    (a) => a?.ownerSeenAt !== undefined,
  );
  expect(account?.ownerSeenAt).toBeDefined();
  expect(account?.role).toBeUndefined();
  await x.close();

  // 3. "This is you", answered in the dashboard (opened again, as the user comes back to it).
  await page.reload();
  const asked = page.getByTestId('you-ask').locator(`li[data-account="x:${account!.id}"]`);
  await expect(asked).toContainText('@XDevelopers');
  await asked.getByRole('button', { name: catalogue('en').youYes!.message }).click();
  const mine = await waitFor(
    async () => (await readTable<StoredAccount>(page, 'accounts')).find((a) => a.id === account!.id),
    (a) => a?.role === 'mine',
  );
  expect(mine?.role).toBe('mine');
  await expect(page.getByTestId('you-ask')).toHaveCount(0);
  await expect(link.getByTestId('tracked-link-post')).toContainText('Get started with the Chat XDK');

  // 4. The orders file, then the same file again: nothing changes.
  await importOrders(page, code, 'Orders kept: 4 new, 0 updated, 0 already there.');
  await importOrders(page, code, 'Orders kept: 0 new, 0 updated, 4 already there.');
  // Stored packed (lib/db/order-packs.ts): the packs' orders.
  const packs = await readTable<{ orders: unknown[] }>(page, 'orderPacks');
  expect(packs.flatMap((p) => p.orders)).toHaveLength(4);
  const summary = page.getByTestId('sales-summary');
  // Net of Gumroad's fees: 43.80 + 43.80 + 34.80 tagged of 166.20.
  await expect(summary.getByTestId('sales-orders')).toHaveText(
    '4 orders kept · 74% of net revenue is tagged ($122.40 of $166.20)',
  );
  await expect(summary.getByTestId('sales-per-site').locator('tr[data-row="X"]')).toContainText('$122.40');

  // 5. The post's revenue in the Posts view and its detail panel.
  await page.goto(`chrome-extension://${extensionId}/options.html#posts`);
  await page.getByRole('searchbox').fill('Chat XDK');
  const row = page.locator(`tr[data-post-id="${POST}"]`);
  await expect(row.locator('td[data-sales]')).toHaveText('3 · $122.40');
  await row.locator('td button').click();
  const panel = page.getByTestId('post-sales');
  await expect(panel.locator('[data-kpi="orders"]')).toHaveText('3');
  await expect(panel.locator('[data-kpi="revenue"]')).toHaveText('$122.40');

  // 6. Where the seller looks first: the Overview's "Which posts sold", and the popup on the post's page.
  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  const sold = page.getByTestId('posts-sold');
  await expect(sold.getByRole('heading')).toHaveText('Which posts sold');
  await expect(sold.getByTestId('posts-sold-tagged')).toHaveText(
    '74% of net revenue is tagged ($122.40 of $166.20)',
  );
  const soldRow = sold.getByTestId('posts-sold-exact').locator(`tr[data-post-id="${POST}"]`);
  await expect(soldRow).toContainText('Get started with the Chat XDK');
  await expect(soldRow.locator('[data-kpi="orders"]')).toHaveText('3');
  await expect(soldRow.locator('[data-kpi="revenue"]')).toHaveText('$122.40');
  expect(await seriousViolations(page)).toEqual([]);
  const popupOnPost = await openPopupOnProfile(context, worker);
  await expect(popupOnPost.locator(`[data-testid="popup-post-sales"][data-post-id="${POST}"]`)).toContainText(
    '3 exact orders, $122.40',
  );
  // The orders are from July and August: none in the last 7 days.
  await expect(popupOnPost.getByTestId('popup-week-sales')).toHaveText(
    'No tagged orders in the last 7 days.',
  );
  await popupOnPost.close();

  // 7. In Chinese.
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('zh_CN');
  await page.goto(`chrome-extension://${extensionId}/options.html#posts`);
  await page.getByRole('searchbox').fill('Chat XDK');
  await expect(page.getByRole('columnheader', { name: '销售（精确）' })).toBeVisible();
  await expect(row.locator('td[data-sales]')).toHaveText('3 · US$122.40');
  await row.locator('td button').click();
  await expect(page.getByTestId('post-sales')).toContainText('这条帖子带来的销售');
  await page.goto(`chrome-extension://${extensionId}/options.html#campaigns`);
  await expect(page.getByTestId('sales-summary')).toContainText('哪些帖子带来了销售');
  await expect(link.getByTestId('tracked-link-post')).toContainText('Get started with the Chat XDK');
  await page.goto(`chrome-extension://${extensionId}/options.html#overview`);
  await expect(sold.getByRole('heading')).toHaveText('哪些帖子卖出了课程');
  await expect(soldRow.locator('[data-kpi="revenue"]')).toHaveText('US$122.40');
  const popupZh = await openPopupOnProfile(context, worker);
  await expect(popupZh.locator(`[data-testid="popup-post-sales"][data-post-id="${POST}"]`)).toContainText(
    '3 笔精确订单，US$122.40',
  );
  await expect(popupZh.getByTestId('popup-week-sales')).toHaveText('最近 7 天没有带追踪代码的订单。');
});

/**
 * The popup as it opens over the seller's profile page: the profile is read again in its own tab and,
 * once the background kept its captures, the popup opens beside it.
 */
async function openPopupOnProfile(context: BrowserContext, worker: Worker): Promise<Page> {
  // One profile tab at a time: with an earlier one still open, the wait below could find that tab's
  // captures while the popup shows the new tab, whose captures are not kept yet.
  for (const open of context.pages()) if (open.url().startsWith('https://x.com/')) await open.close();
  const x = await context.newPage();
  await x.goto('https://x.com/XDevelopers');
  await expect(x.locator('#react-root[data-loaded="yes"]')).toBeAttached();
  await waitFor(
    () =>
      worker.evaluate(async (post) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
              storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
            };
          }
        ).chrome;
        const [tab] = await api.tabs.query({ url: 'https://x.com/*' });
        return JSON.stringify(await api.storage.session.get(`tab.${tab?.id}`)).includes(post);
      }, POST),
    (kept) => kept,
  );
  const popup = await openPopupBeside(context, worker, 'https://x.com/*');
  await expect(popup.getByTestId('popup-sales')).toBeVisible();
  return popup;
}
