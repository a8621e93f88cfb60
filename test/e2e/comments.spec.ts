import type { StoredAccount, StoredComment } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';

const BUILD_COMMENTS = 'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json';
const COMMENTS_URL =
  '/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';

test('Weibo: a real buildComments response at its real URL lands in IndexedDB; forgetting a person removes theirs', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  await context.route('https://weibo.com/**', (route) => {
    if (route.request().url().includes('/ajax/statuses/buildComments'))
      return route.fulfill({ contentType: 'application/json', body: fixture(BUILD_COMMENTS) });
    return route.fulfill({ contentType: 'text/html', body: fixture('synthetic/weibo/weibo-com-shell.html') });
  });
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#accounts`);

  const page = await context.newPage();
  await page.goto('https://weibo.com/5525643726/Ow1SJ0pSg');
  await expect(page.locator('#app[data-loaded="yes"]')).toBeAttached();
  // The page's own script opens the comments, as weibo.com's app does (axios, XHR, relative URL).
  await page.evaluate(
    (url) =>
      new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', url);
        xhr.onload = () => resolve();
        xhr.send();
      }),
    COMMENTS_URL,
  );

  const comments = await waitFor(
    () => readTable<StoredComment>(dbPage, 'comments'),
    (rows) => rows.length === 7,
  );
  const dan = comments.find((c) => c.id === '5079687065764999');
  expect(dan).toMatchObject({
    platform: 'weibo',
    postId: '5079225425986690',
    parentId: null,
    authorId: '5079193812',
    authorHandle: '得安_Dan',
    text: '点赞评论发一份[哈哈][哈哈][哈哈]',
    metrics: { likes: 0, replies: 0 },
    region: '江苏',
  });
  const accounts = await readTable<StoredAccount>(dbPage, 'accounts');
  expect(accounts.find((a) => a.id === '5079193812')).toMatchObject({ bio: '读书 旅行', location: '江苏' });

  // Accounts → ✕ "Forget this person" on 得安_Dan.
  await dbPage.reload();
  dbPage.on('dialog', (dialog) => void dialog.accept());
  await dbPage.getByRole('button', { name: 'Forget this person 得安_Dan' }).click();
  await waitFor(
    () => readTable<StoredComment>(dbPage, 'comments'),
    (rows) => rows.length === 6 && !rows.some((c) => c.authorId === '5079193812'),
  );
  expect((await readTable<StoredAccount>(dbPage, 'accounts')).some((a) => a.id === '5079193812')).toBe(false);
});

test('YouTube: comment pages fetched on a watch page land under their video, the page naming it when the body does not', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  // The real one-reply continuation with its comment surface (its link to the video) removed, so
  // only the watch page it was fetched on can name the video.
  const bare = JSON.parse(fixture('youtube/ryanweiler92__rust_yt_scraper/comment_response@05368bd2.json'));
  const updates = bare.frameworkUpdates.entityBatchUpdate;
  updates.mutations = updates.mutations.filter(
    (m: { payload: object }) => !('commentSurfaceEntityPayload' in m.payload),
  );
  const replies = JSON.parse(
    fixture('youtube/TeamNewPipe__NewPipeExtractor/youtubecommentsextractor__replies__generated_mock_4.json'),
  ).response.responseBody as string;
  await context.route('https://www.youtube.com/**', (route) => {
    const url = route.request().url();
    if (url.includes('/youtubei/v1/next?prettyPrint=false&page=replies'))
      return route.fulfill({ contentType: 'application/json', body: replies });
    if (url.includes('/youtubei/v1/next'))
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(bare) });
    if (url.includes('/watch?v=2lAe1cqCOXo'))
      return route.fulfill({
        contentType: 'text/html',
        body: fixture('youtube/pytube__pytube/yt-video-2lAe1cqCOXo.watch.html'),
      });
    return route.abort('blockedbyclient');
  });
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#posts`);
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/watch?v=2lAe1cqCOXo');
  await page.evaluate(async () => {
    await fetch('/youtubei/v1/next?prettyPrint=false', { method: 'POST', body: '{"continuation":"x"}' });
    await fetch('/youtubei/v1/next?prettyPrint=false&page=replies', { method: 'POST', body: '{}' });
  });
  const comments = await waitFor(
    () => readTable<StoredComment>(dbPage, 'comments'),
    (rows) => rows.length === 11,
  );
  expect(comments.find((c) => c.id === 'UgxoeeIUz3KSuBVj6pp4AaABAg.AK4OVpIR2n_AK4P9iFDjO4')).toMatchObject({
    platform: 'youtube',
    postId: '2lAe1cqCOXo',
    parentId: 'UgxoeeIUz3KSuBVj6pp4AaABAg',
    authorHandle: '@karelprucha5465',
    metrics: { likes: 1 },
  });
  // The real replies page names its own video, which wins over the page's.
  const first = comments.find((c) => c.id === 'UgwSOM0QHBLysE3vZE54AaABAg.9TOrAAD78Z59TP5tOBhBXP');
  expect(first).toMatchObject({
    postId: 'xaQJbozY_Is',
    parentId: 'UgwSOM0QHBLysE3vZE54AaABAg',
    text: 'First',
  });
});
