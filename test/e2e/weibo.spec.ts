import type { BrowserContext, Page } from '@playwright/test';
import type { StoredPost } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';

const M_TIMELINE = 'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json';
const REPOST_TIMELINE = 'weibo/AITuring__my-watermark/Lottry.tsx__tempData.repostTimeline.json';

type Counts = {
  reposts: number;
  comments: number;
  likes: number;
};

// biome-ignore lint/suspicious/noExplicitAny: a test reading raw captured JSON by hand
type Json = Record<string, any>;

/** Every status in a body (and the statuses they repost), read directly from the JSON. */
function statusesIn(json: unknown): Map<string, Counts> {
  const found = new Map<string, Counts>();
  const visit = (status: Json | undefined) => {
    if (!status || typeof status !== 'object') return;
    found.set(String(status.idstr ?? status.id), {
      reposts: Number(status.reposts_count),
      comments: Number(status.comments_count),
      likes: Number(status.attitudes_count),
    });
    visit(status.retweeted_status);
  };
  const list = Array.isArray(json)
    ? json
    : (json as Json).data.cards.map((c: Json) => c.mblog).filter(Boolean);
  for (const status of list) visit(status);
  return found;
}

async function serveWeibo(context: BrowserContext) {
  await blockTheInternet(context);
  await context.route('https://weibo.com/**', (route) => {
    if (route.request().url().includes('/ajax/statuses/repostTimeline')) {
      return route.fulfill({ contentType: 'application/json', body: fixture(REPOST_TIMELINE) });
    }
    return route.fulfill({ contentType: 'text/html', body: fixture('synthetic/weibo/weibo-com-shell.html') });
  });
  await context.route('https://m.weibo.cn/**', (route) => {
    if (route.request().url().includes('/api/container/getIndex')) {
      return route.fulfill({ contentType: 'application/json', body: fixture(M_TIMELINE) });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: fixture('synthetic/weibo/m-weibo-cn-shell.html'),
    });
  });
}

async function expectStored(dbPage: Page, expected: Map<string, Counts>) {
  const posts = await waitFor(
    () => readTable<StoredPost>(dbPage, 'posts'),
    (rows) => [...expected.keys()].every((id) => rows.some((p) => p.id === id)),
  );
  const byId = new Map(posts.filter((p) => p.platform === 'weibo').map((p) => [p.id, p]));
  for (const [id, counts] of expected) {
    expect(byId.get(id)?.metrics, `weibo post ${id}`).toMatchObject(counts);
  }
}

test('Weibo: weibo.com and m.weibo.cn timelines land with their counts, shown in the zh_CN dashboard', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await serveWeibo(context);
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#posts`);
  await dbPage.evaluate(() => chrome.storage.local.set({ 'ui.locale': 'zh_CN' }));

  const desktop = await context.newPage();
  await desktop.goto('https://weibo.com/u/7734200964');
  await expect(desktop.locator('#app[data-loaded="yes"]')).toBeAttached();
  const desktopExpected = statusesIn(JSON.parse(fixture(REPOST_TIMELINE)));
  expect(desktopExpected.get('4984924937388692')).toEqual({ reposts: 131, comments: 97, likes: 125 });
  await expectStored(dbPage, desktopExpected);

  const mobile = await context.newPage();
  await mobile.goto('https://m.weibo.cn/u/6279793937');
  await expect(mobile.locator('#app[data-loaded="yes"]')).toBeAttached();
  const mobileExpected = statusesIn(JSON.parse(fixture(M_TIMELINE)));
  expect(mobileExpected.get('4645748019299849')).toEqual({ reposts: 9079, comments: 2126, likes: 37053 });
  await expectStored(dbPage, mobileExpected);

  await dbPage.reload();
  await expect(dbPage.getByRole('tab', { name: '帖子' })).toHaveAttribute('aria-selected', 'true');
  await expect(dbPage.locator('th', { hasText: '转发' })).toBeVisible();
  const row = dbPage.locator('tr[data-post-id="4645748019299849"]');
  await expect(row.locator('td[data-metric="reposts"]')).toHaveText('9,079');
  await expect(row.locator('td[data-metric="comments"]')).toHaveText('2,126');
  await expect(row.locator('td[data-metric="likes"]')).toHaveText('37,053');
  await expect(row).toContainText('微博');
});
