/**
 * An order whose codes name two posts, decided by the seller in the dashboard: two own posts (synthetic
 * records, labelled: an X post carrying tracked code xp-c0de and a YouTube video carrying yt-c0de,
 * whose tracked link has the coupon YT10) and a generated Gumroad orders file (synthetic, Gumroad's real
 * column names) where E3 carries xp-c0de as UTM content and YT10 as its coupon. E3 is listed, counted
 * for neither; counted for the YouTube video, that video's revenue includes it (Campaigns per site and
 * the Posts view); undone, it is a conflict again; then counted for neither. In English and Chinese,
 * keyboard only for the choice, axe-clean in the light and dark themes.
 */
import { seriousViolations } from './axe';
import { blockTheInternet, expect, readTable, test, waitFor } from './extension';
import { catalogue, sendCommand } from './ui';

const COURSE = 'https://seller.gumroad.com/l/rust-course';
const track = (site: string, code: string) =>
  `${COURSE}?utm_source=${site}&utm_medium=social&utm_campaign=launch&utm_content=${code}`;

/** Synthetic own posts and accounts, in the record contract (no real post carries our codes). */
const RECORDS = [
  {
    kind: 'account',
    platform: 'x',
    id: '9000000001',
    handle: 'rustseller',
    name: 'Rust Seller',
    followersExact: true,
  },
  {
    kind: 'account',
    platform: 'youtube',
    id: 'UCrustseller000000000001',
    handle: '@rustseller',
    name: 'Rust Seller',
    followersExact: true,
  },
  {
    kind: 'post',
    platform: 'x',
    id: '1900000000000000001',
    url: 'https://x.com/rustseller/status/1900000000000000001',
    authorId: '9000000001',
    authorHandle: 'rustseller',
    authorName: 'Rust Seller',
    text: 'Launch day: my Rust course is out',
    createdAt: '2026-07-01T10:00:00.000Z',
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { likes: 12 },
    metricsExact: true,
    links: [track('x', 'xp-c0de')],
    hashtags: [],
  },
  {
    kind: 'post',
    platform: 'youtube',
    id: 'rUstVide0aa',
    url: 'https://www.youtube.com/watch?v=rUstVide0aa',
    authorId: 'UCrustseller000000000001',
    authorHandle: '@rustseller',
    authorName: 'Rust Seller',
    text: 'Ownership explained in 10 minutes',
    createdAt: '2026-07-02T10:00:00.000Z',
    createdAtApprox: false,
    format: 'video',
    repostOf: null,
    metrics: { views: 1000, likes: 50 },
    metricsExact: true,
    links: [track('youtube', 'yt-c0de')],
    hashtags: [],
  },
];

/** Gumroad's columns (synthetic orders): E1 the X code, E2 the video's coupon, E3 both. */
const ORDERS = Buffer.from(
  `${[
    'Purchase ID,Purchase Date,Purchase Time (UTC timezone),Sale Price ($),Taxes ($),Fees ($),Partial Refund ($),Fully Refunded?,Discount Code,Affiliate,Affiliate commission ($),Purchase Email,UTM Source,UTM Medium,UTM Campaign,UTM Content',
    'E1,2026-07-03,09:00:00,49.00,0.00,5.20,0.00,false,,,0.00,a@example.com,x,social,launch,xp-c0de',
    'E2,2026-07-04,09:00:00,39.00,0.00,4.20,0.00,false,YT10,,0.00,b@example.com,,,,',
    'E3,2026-07-05,18:30:00,59.00,0.00,6.20,0.00,false,YT10,,0.00,c@example.com,x,social,launch,xp-c0de',
    'Totals,,,147.00,0.00,15.60,0.00,,,,0.00,,,,,',
  ].join('\n')}\n`,
  'utf8',
);

test("an order carrying two posts' codes: listed, counted for the chosen post, undone, counted for neither; en and zh", async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  expect(
    await sendCommand(page, { type: 'backfill.records', batchId: 'e2e-conflict-seed', records: RECORDS }),
  ).toMatchObject({ ok: true });
  for (const [platform, id] of [
    ['x', '9000000001'],
    ['youtube', 'UCrustseller000000000001'],
  ])
    expect(await sendCommand(page, { type: 'account.role', platform, id, role: 'mine' })).toEqual({
      ok: true,
    });
  expect(
    await sendCommand(page, {
      type: 'trackedLink.put',
      link: { code: 'yt-c0de', courseUrl: COURSE, platform: 'youtube', campaign: 'launch', coupon: 'YT10' },
    }),
  ).toEqual({ ok: true });

  // The orders file, through the import in Campaigns.
  await page.goto(`chrome-extension://${extensionId}/options.html#campaigns`);
  const summary = page.getByTestId('sales-summary');
  const orders = summary.getByTestId('orders-import');
  await orders.locator('summary').click();
  await orders
    .locator('input[type="file"]')
    .setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: ORDERS });
  await expect(orders.getByTestId('orders-detected')).toContainText('Gumroad');
  await orders.getByTestId('orders-apply').click();
  await expect(orders.getByRole('status')).toHaveText('Orders kept: 3 new, 0 updated, 0 already there.');

  // E3 listed with its codes and the post each points at; counted for neither yet.
  const conflicts = summary.getByTestId('sales-conflicts');
  await expect(conflicts.getByTestId('sales-conflicts-open')).toHaveText(
    '1 order carries codes of different posts: counted for neither until you decide.',
  );
  const e3 = conflicts.locator('li[data-order="gumroad:E3"]');
  await expect(e3.locator('legend')).toContainText('Order E3');
  await expect(e3.locator('legend')).toContainText('$59.00 paid · $52.80 net');
  await expect(e3.locator('li[data-field="utm"]')).toHaveText(
    'UTM content xp-c0de points at X Launch day: my Rust course is out',
  );
  await expect(e3.locator('li[data-field="coupon"]')).toHaveText(
    'Coupon yt10 points at YouTube Ownership explained in 10 minutes',
  );
  await expect(e3.locator('li[data-field="coupon"] a')).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=rUstVide0aa',
  );
  const perSite = summary.getByTestId('sales-per-site');
  await expect(perSite.locator('tr[data-row="X"]')).toContainText('$43.80');
  await expect(perSite.locator('tr[data-row="YouTube"]')).toContainText('$34.80');
  expect(await seriousViolations(page)).toEqual([]);

  // Counted for the video, by keyboard: its revenue includes E3 at once (43.80 stays with X).
  const forVideo = e3.locator('button[data-post="youtube:rUstVide0aa"]');
  await expect(forVideo).toHaveText('Count for the YouTube post “Ownership explained in 10 minutes”');
  await forVideo.focus();
  await page.keyboard.press('Enter');
  await expect(perSite.locator('tr[data-row="YouTube"]')).toContainText('$87.60');
  await expect(perSite.locator('tr[data-row="X"]')).toContainText('$43.80');
  await expect(forVideo).toHaveAttribute('aria-pressed', 'true');
  await expect(forVideo).toBeFocused();
  await expect(e3.getByTestId('sales-conflict-decision')).toContainText(
    'Counted for the YouTube post “Ownership explained in 10 minutes” (your choice,',
  );
  await expect(conflicts.getByTestId('sales-conflicts-open')).toHaveCount(0);
  const decided = await waitFor(
    () => readTable<{ order: string; post: string }>(page, 'attributionDecisions'),
    (rows) => rows.length === 1,
  );
  expect(decided.map(({ order, post }) => ({ order, post }))).toEqual([
    { order: 'gumroad:E3', post: 'youtube:rUstVide0aa' },
  ]);
  expect(await seriousViolations(page)).toEqual([]);

  // The video's row in Posts: 2 orders, 34.80 + 52.80.
  await page.goto(`chrome-extension://${extensionId}/options.html#posts`);
  await page.getByRole('searchbox').fill('Ownership');
  await expect(page.locator('tr[data-post-id="rUstVide0aa"] td[data-sales]')).toHaveText('2 · $87.60');

  // Undone: a conflict again, the focus on the first choice; then counted for neither.
  await page.goto(`chrome-extension://${extensionId}/options.html#campaigns`);
  await e3.getByTestId('sales-undecide').click();
  await expect(conflicts.getByTestId('sales-conflicts-open')).toBeVisible();
  await expect(perSite.locator('tr[data-row="YouTube"]')).toContainText('$34.80');
  await expect(e3.locator('button[data-post="x:1900000000000000001"]')).toBeFocused();
  await expect(e3.getByTestId('sales-undecide')).toHaveCount(0);
  await e3.locator('button[data-post="none"]').click();
  await expect(e3.getByTestId('sales-conflict-decision')).toContainText('Counted for no post (your choice,');
  await expect(perSite.locator('tr[data-row="YouTube"]')).toContainText('$34.80');
  await expect(perSite.locator('tr[data-row="X"]')).toContainText('$43.80');

  // In Chinese.
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('zh_CN');
  await page.goto(`chrome-extension://${extensionId}/options.html#campaigns`);
  const zh = catalogue('zh_CN');
  await expect(conflicts.locator('h3')).toHaveText(zh.salesConflictsTitle!.message);
  await expect(e3.getByTestId('sales-conflict-decision')).toContainText('不计入任何帖子（你的选择，');
  await expect(e3.locator('li[data-field="coupon"]')).toHaveText(
    '优惠码 yt10 指向 YouTube Ownership explained in 10 minutes',
  );
  await e3.locator('button[data-post="youtube:rUstVide0aa"]').click();
  await expect(perSite.locator(`tr[data-row="${zh.platform_youtube!.message}"]`)).toContainText('87.60');
  expect(await seriousViolations(page)).toEqual([]);
  // The pressed choice and the list in the dark theme too.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});
