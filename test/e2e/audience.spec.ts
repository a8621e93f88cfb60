/**
 * Issue 13, "Hear your audience": real comment responses at their real URLs (a Weibo buildComments
 * body, a YouTube comments continuation fetched on a watch page) land in IndexedDB, and the
 * Audience view, analysing them in a Web Worker, shows the real questions and requests and the
 * commenters' profile, in English and in Chinese.
 */
import type { Page } from '@playwright/test';
import type { StoredComment } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';

const BUILD_COMMENTS = 'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json';
const WEIBO_COMMENTS_URL =
  '/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
/** 20 real comments under video QqsLTNkzvaY (NewPipe's recorded response; its body names the video). */
const YOUTUBE_COMMENTS =
  'youtube/TeamNewPipe__NewPipeExtractor/youtubecommentsextractor__likesvotes__generated_mock_3.json';

/** The page's own script fetches `url` by XHR, as weibo.com's and youtube.com's apps do. */
const xhr = (page: Page, url: string, method = 'GET') =>
  page.evaluate(
    ([u, m]) =>
      new Promise<void>((resolve) => {
        const request = new XMLHttpRequest();
        request.open(m, u);
        request.onloadend = () => resolve();
        request.send(m === 'POST' ? '{"continuation":"x"}' : null);
      }),
    [url, method] as const,
  );

test('Audience: real Weibo and YouTube comments are grouped in a worker and their questions shown in en and zh_CN', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  await context.route('https://weibo.com/**', (route) => {
    if (route.request().url().includes('/ajax/statuses/buildComments'))
      return route.fulfill({ contentType: 'application/json', body: fixture(BUILD_COMMENTS) });
    return route.fulfill({ contentType: 'text/html', body: fixture('synthetic/weibo/weibo-com-shell.html') });
  });
  const youtubeBody = JSON.parse(fixture(YOUTUBE_COMMENTS)).response.responseBody as string;
  await context.route('https://www.youtube.com/**', (route) => {
    const url = route.request().url();
    if (url.includes('/youtubei/v1/next'))
      return route.fulfill({ contentType: 'application/json', body: youtubeBody });
    if (url.includes('/watch?v=2lAe1cqCOXo'))
      return route.fulfill({
        contentType: 'text/html',
        body: fixture('youtube/pytube__pytube/yt-video-2lAe1cqCOXo.watch.html'),
      });
    return route.abort('blockedbyclient');
  });

  // Before any capture the view says what is missing and what to do.
  const dashboard = await context.newPage();
  const workers: string[] = [];
  dashboard.on('worker', (worker) => workers.push(worker.url()));
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#audience`);
  await expect(dashboard.getByTestId('audience-empty')).toContainText(
    'open the comments of your posts on X, YouTube or Weibo',
  );

  const weibo = await context.newPage();
  await weibo.goto('https://weibo.com/5525643726/Ow1SJ0pSg');
  await expect(weibo.locator('#app[data-loaded="yes"]')).toBeAttached();
  await xhr(weibo, WEIBO_COMMENTS_URL);
  const youtube = await context.newPage();
  await youtube.goto('https://www.youtube.com/watch?v=2lAe1cqCOXo');
  await xhr(youtube, '/youtubei/v1/next?prettyPrint=false', 'POST');
  const stored = await waitFor(
    () => readTable<StoredComment>(dashboard, 'comments'),
    (rows) => rows.length === 27,
  );
  expect(stored.length).toBe(27);

  // The view reads live: the comments appear without a reload.
  const singles = dashboard.getByTestId('audience-pain').getByTestId('audience-singles');
  await expect(singles).toContainText('什么时候有[苦涩]');
  await expect(dashboard.getByTestId('audience-view')).toContainText(
    '27 comments analysed, 7 of them a question, a problem or a request.',
  );
  await expect(dashboard.getByRole('heading', { name: 'Pain points', exact: true })).toBeVisible();
  // The real needs, most liked first: the YouTube request (26 likes), then Weibo's newest.
  const needs = singles.locator('blockquote');
  await expect(needs.first()).toHaveText(
    "Please never stop makeing videos. Your videos make me think in ways I've never imaged and I thank you for that.",
  );
  for (const text of ['我要，给不给[doge]', '职大你这么有钱为什么不能每个学生一份呢'])
    await expect(singles).toContainText(text);
  // The three asking for the material (哪里有, 发一份 twice) make one theme.
  const materials = dashboard.getByTestId('audience-pain').getByTestId('audience-theme');
  await expect(materials).toHaveCount(1);
  await expect(materials).toContainText('命令你给我发一份。');
  await expect(materials).toContainText('1 questions');
  const profile = dashboard.getByTestId('audience-profile');
  await expect(profile.getByRole('heading', { name: 'Profile', exact: true })).toBeVisible();
  await expect(profile).toContainText('Chinese 7 · English 20');
  await expect(profile).toContainText('江苏');
  await expect(dashboard.getByRole('heading', { name: 'Content ideas', exact: true })).toBeVisible();
  // The analysis ran in the bundled worker, off the UI thread.
  expect(workers.some((url) => /\/assets\/analyse\.worker-[\w-]+\.js$/.test(url))).toBe(true);

  // The same in Chinese.
  await dashboard.evaluate(() => chrome.storage.local.set({ 'ui.locale': 'zh_CN' }));
  await dashboard.reload();
  await expect(dashboard.getByRole('tab', { name: '受众' })).toHaveAttribute('aria-selected', 'true');
  await expect(dashboard.getByRole('heading', { name: '痛点', exact: true })).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: '画像', exact: true })).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: '选题', exact: true })).toBeVisible();
  await expect(dashboard.getByTestId('audience-view')).toContainText(
    '已分析 27 条评论，其中 7 条是提问、困难或需求。',
  );
  await expect(dashboard.getByTestId('audience-pain').getByTestId('audience-theme')).toContainText(
    '1 个提问',
  );
  await expect(dashboard.getByTestId('audience-profile')).toContainText('中文 7 · 英文 20');
});
