/**
 * Issue 13, "Hear your audience": real comment responses at their real URLs (a Weibo buildComments
 * body, a YouTube comments continuation fetched on a watch page) land in IndexedDB, and the
 * Audience view, analysing them in a Web Worker, shows the real questions and requests and the
 * commenters' profile, in English and in Chinese.
 */
import type { Page } from '@playwright/test';
import type { StoredComment } from '../../lib/db/schema';
import { MAX_BATCH_RECORDS } from '../../lib/record-keys';
import { seriousViolations } from './axe';
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
  await expect(materials).toContainText(/\b1 question(?!s)/);
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

/** A SYNTHETIC video record the labelled comments are put under, so the Posts view has a post to open. */
const VIDEO = {
  kind: 'post',
  platform: 'youtube',
  id: 'labelledVid1',
  url: 'https://www.youtube.com/watch?v=labelledVid1',
  authorId: 'UC-synthetic-channel',
  authorHandle: 'synthetic-channel',
  authorName: 'Synthetic channel',
  text: 'Synthetic video holding the labelled comments',
  createdAt: '2026-11-01T12:00:00.000Z',
  createdAtApprox: false,
  format: 'video',
  repostOf: null,
  metrics: { views: 1000, likes: 10, comments: 348 },
  metricsExact: true,
  links: [],
  hashtags: [],
};

/**
 * The real English labelled comments (test/fixtures/audience/labelled.jsonl: YouTube and X comments
 * from public captures, without their dates) sent through the background as one backfill batch,
 * the way the Data view's backfill does, under the synthetic VIDEO.
 */
function labelledComments() {
  return fixture('audience/labelled.jsonl')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { n: number; text: string; lang: string; ref: string })
    .filter((row) => row.lang === 'en')
    .map((row) => ({
      kind: 'comment',
      platform: 'youtube',
      id: row.ref,
      postId: VIDEO.id,
      parentId: null,
      authorId: `author-${row.n}`,
      authorHandle: `author-${row.n}`,
      authorName: `author ${row.n}`,
      text: row.text,
      createdAt: null,
      createdAtApprox: false,
      metrics: { likes: 0, replies: 0 },
      metricsExact: true,
    }));
}

test("Audience: themes renamed and merged stay so after a reload, in en and zh_CN, a merge is undone, and Posts shows a post's themes", async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#audience`);
  await expect(dashboard.getByTestId('audience-empty')).toBeVisible();
  const records = labelledComments();
  // A backfill batch carries at most MAX_BATCH_RECORDS records: the labelled comments take several.
  const all = [VIDEO, ...records];
  for (let start = 0; start < all.length; start += MAX_BATCH_RECORDS)
    expect(
      await dashboard.evaluate(
        ([batch, batchId]) =>
          chrome.runtime.sendMessage({ type: 'backfill.records', batchId, records: batch }),
        [all.slice(start, start + MAX_BATCH_RECORDS), `labelled-en-comments-${start}`] as const,
      ),
    ).toMatchObject({ ok: true });

  const pain = dashboard.getByTestId('audience-pain');
  const themes = pain.getByTestId('audience-theme');
  const labels = pain.getByTestId('audience-theme-label');
  const themeNamed = (label: string) =>
    themes.filter({ has: dashboard.getByTestId('audience-theme-label').getByText(label, { exact: true }) });
  // Comments without a date are analysed at the time they were first seen, and the view says so.
  await expect(dashboard.getByTestId('audience-view')).toContainText(
    `${records.length.toLocaleString('en')} comments without a date are placed at when they were first seen (approximate).`,
  );
  await expect(labels.nth(3)).toBeVisible();

  // Needs several people raised, each shown with the real comments that say it.
  const texts = records.map((r) => r.text.trim());
  const repeats = pain.getByTestId('audience-repeats').locator(':scope > li');
  const shownRepeat = async (people: RegExp) => {
    const first = repeats.first();
    await expect(first).toContainText(people);
    const quoted = await first.locator('blockquote').allTextContents();
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    // A long comment is shown clipped, ending in "…".
    for (const text of quoted) {
      const shown = text.trim().replace(/…$/, '');
      expect(texts.some((t) => t.startsWith(shown))).toBe(true);
    }
  };
  await expect(pain.getByRole('heading', { name: 'Raised by several people' })).toBeVisible();
  await shownRepeat(/\b\d+ people\b/);

  // Rename the first theme from the keyboard: the form takes the focus, Enter saves.
  const first = themes.first();
  await first.getByRole('button', { name: 'Rename' }).click();
  const name = first.getByRole('textbox');
  await expect(name).toBeFocused();
  await name.fill('Setup pain');
  await name.press('Enter');
  await expect(themeNamed('Setup pain')).toHaveCount(1);

  // Merge the second theme into it.
  const second = themes.nth(1);
  const merged = (await second.getByTestId('audience-theme-label').textContent())!;
  const mergedId = (await second.getAttribute('data-theme-id'))!;
  expect(merged).not.toBe('Setup pain');
  await second.getByRole('button', { name: 'Merge into…' }).click();
  await second.getByRole('combobox').selectOption({ label: 'Setup pain' });
  await second.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(themeNamed(merged)).toHaveCount(0);
  await expect(themeNamed('Setup pain')).toContainText(`Merged in: “${merged}”`);
  // The focus follows the comments to the theme they went to.
  await expect(themeNamed('Setup pain')).toBeFocused();

  await dashboard.reload();
  await expect(themeNamed('Setup pain')).toContainText(`Merged in: “${merged}”`);
  await expect(themeNamed(merged)).toHaveCount(0);
  const stored = await readTable<{ theme: string; label?: string; mergedInto?: string }>(
    dashboard,
    'themeEdits',
  );
  expect(stored.map((r) => r.label ?? r.mergedInto).sort()).toEqual(
    ['Setup pain', stored.find((r) => r.label)!.theme].sort(),
  );

  // The split form: the theme's words as checkboxes; Escape closes it and gives the focus back.
  const split = themeNamed('Setup pain').getByRole('button', { name: 'Split…' });
  await split.click();
  await expect(themeNamed('Setup pain').getByRole('checkbox').first()).toBeFocused();
  expect(await seriousViolations(dashboard)).toEqual([]);
  await dashboard.keyboard.press('Escape');
  await expect(themeNamed('Setup pain').getByRole('checkbox')).toHaveCount(0);
  await expect(split).toBeFocused();

  // The same in Chinese (and dark): a second rename and merge, kept over a reload, then the first merge undone.
  await dashboard.evaluate(() => chrome.storage.local.set({ 'ui.locale': 'zh_CN' }));
  await dashboard.emulateMedia({ colorScheme: 'dark' });
  await dashboard.reload();
  await expect(themeNamed('Setup pain')).toContainText(`已并入：“${merged}”`);
  await expect(pain.getByRole('heading', { name: '多人提出的同一件事' })).toBeVisible();
  await shownRepeat(/\d+ 人/);
  // Located by id: an open merge form lists the other themes' names, which a text filter would match.
  const byId = async (exclude: RegExp) =>
    pain.locator(
      `[data-theme-id="${await themes
        .filter({ hasNot: dashboard.getByText(exclude) })
        .first()
        .getAttribute('data-theme-id')}"]`,
    );
  const third = await byId(/^Setup pain$/);
  await third.getByRole('button', { name: '重命名' }).click();
  await third.getByRole('textbox').fill('环境与报错');
  await third.getByRole('button', { name: '保存' }).click();
  await expect(themeNamed('环境与报错')).toHaveCount(1);
  const fourth = await byId(/^(Setup pain|环境与报错)$/);
  const mergedZh = (await fourth.getByTestId('audience-theme-label').textContent())!;
  await fourth.getByRole('button', { name: '合并到…' }).click();
  expect(await seriousViolations(dashboard)).toEqual([]);
  await fourth.getByRole('combobox').selectOption({ label: '环境与报错' });
  await fourth.getByRole('button', { name: '合并', exact: true }).click();
  await expect(themeNamed('环境与报错')).toContainText(`已并入：“${mergedZh}”`);
  await dashboard.reload();
  await expect(themeNamed('环境与报错')).toContainText(`已并入：“${mergedZh}”`);
  await expect(themeNamed(mergedZh)).toHaveCount(0);
  await expect(themeNamed('Setup pain')).toBeVisible();

  await themeNamed('Setup pain')
    .getByRole('button', { name: `撤销合并“${merged}”` })
    .click();
  // The theme is back under its own id (its automatic name may differ: the other themes changed).
  await expect(pain.locator(`[data-theme-id="${mergedId}"]`)).toHaveCount(1);
  await expect(themeNamed('Setup pain')).not.toContainText('已并入');

  // Posts: the video's detail card shows the themes among its comments, from the same analysis.
  await dashboard.getByRole('tab', { name: '帖子' }).click();
  await dashboard.getByRole('button', { name: /^历史: Synthetic video/ }).click();
  const postThemes = dashboard.getByTestId('post-themes');
  await expect(postThemes.getByRole('heading', { name: '评论里的主题' })).toBeVisible();
  await expect(postThemes).toContainText(`分析了它的 ${records.length.toLocaleString('zh-CN')} 条评论`);
  await expect(postThemes.getByTestId('post-theme').filter({ hasText: 'Setup pain' })).toHaveCount(1);
  await expect(postThemes.getByTestId('post-theme').filter({ hasText: '环境与报错' })).toContainText('它的');
});
