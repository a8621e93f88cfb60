import type { PostSnapshot, StoredPost } from '../../lib/db/schema';
import { expect, fixture, openPopupBeside, readTable, test, waitFor } from './extension';
import { serveX, USER_TWEETS } from './serve-x';
import { tweetsIn } from './x-expected';

test('X profile: every tweet of a real UserTweets response lands in IndexedDB with exact counts, once', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const expected = tweetsIn(JSON.parse(fixture(USER_TWEETS)));
  expect(expected.size).toBeGreaterThan(40);
  await serveX(context);

  const page = await context.newPage();
  await page.goto('https://x.com/XDevelopers');
  await expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached();

  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#posts`);
  const posts = await waitFor(
    () => readTable<StoredPost>(dbPage, 'posts'),
    (rows) => rows.length >= expected.size,
  );
  const byId = new Map(posts.map((p) => [p.id, p]));
  for (const [id, counts] of expected) {
    const stored = byId.get(id);
    expect(stored, `tweet ${id}`).toBeDefined();
    expect(stored?.metrics.likes).toBe(counts.likes);
    expect(stored?.metrics.reposts).toBe(counts.reposts);
    expect(stored?.metrics.comments).toBe(counts.comments);
    expect(stored?.metrics.views).toBe(counts.views);
    expect(stored?.metricsExact).toBe(true);
  }
  expect(byId.get('2019881223666233717')?.metrics).toMatchObject({ likes: 5569, views: 2525462 });
  const accounts = await readTable<{ handle: string; followers?: number }>(dbPage, 'accounts');
  expect(accounts.find((a) => a.handle === 'XDevelopers')?.followers).toBe(695695);

  // The options page lists them, exact.
  await dbPage.reload();
  await expect(dbPage.locator('[data-testid="posts-table"] tbody tr')).toHaveCount(
    Math.min(posts.length, 200),
  );
  await expect(dbPage.locator('tr[data-post-id="2019881223666233717"] td[data-metric="views"]')).toHaveText(
    '2,525,462',
  );

  // The same page again: no duplicate post, no new observation of unchanged counts.
  const snapshotsBefore = (await readTable<PostSnapshot>(dbPage, 'postSnapshots')).length;
  const observedAt = new Map(posts.map((p) => [p.id, p.metricsAt]));
  await page.reload();
  await expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached();
  await page.waitForTimeout(2500);
  const again = await readTable<StoredPost>(dbPage, 'posts');
  expect(again.length).toBe(posts.length);
  expect(again.every((p) => p.lastSeenAt > (observedAt.get(p.id) ?? 0))).toBe(true);
  expect(new Map(again.map((p) => [p.id, p.metricsAt]))).toEqual(observedAt);
  expect((await readTable<PostSnapshot>(dbPage, 'postSnapshots')).length).toBe(snapshotsBefore);
});

test('X profile: a popup opened before the page is captured shows the tweets once they are kept', async ({
  ext,
}) => {
  const { context, worker } = ext;
  await serveX(context);
  let answerApi = () => {};
  const apiHeld = new Promise<void>((resolve) => {
    answerApi = resolve;
  });
  // Registered after serveX, so it answers first: the profile's API calls (the account, then its
  // timeline) wait until the popup is open, then go on to serveX's fixtures.
  await context.route('https://x.com/i/api/**', async (route) => {
    await apiHeld;
    await route.fallback();
  });
  const page = await context.newPage();
  await page.goto('https://x.com/XDevelopers');

  const popup = await openPopupBeside(context, worker, 'https://x.com/*');
  await expect(popup.getByText('Nothing captured on this page yet.', { exact: false })).toBeVisible();

  answerApi();
  // The popup lists the page's newest 20 of the response's 40-odd tweets.
  await expect(popup.locator('[data-testid="popup-posts"] li[data-post-id]')).toHaveCount(20);
  await expect(popup.getByText('Nothing captured on this page yet.', { exact: false })).toHaveCount(0);
});
