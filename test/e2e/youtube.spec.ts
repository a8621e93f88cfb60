import type { StoredPost } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';

const WATCH = 'youtube/pytube__pytube/yt-video-2lAe1cqCOXo.watch.html';
const CHANNEL_VIDEOS = 'youtube/pytube__pytube/channel-videos.html';
const NEXT_PLAYER = 'youtube/iv-org__mocks/regular_mrbeast.player.json';
const NEXT_NEXT = 'youtube/iv-org__mocks/regular_mrbeast.next.json';

/** The exact view count the page's own player response carries for `videoId`. */
function viewCountIn(html: string, videoId: string): number {
  const at = html.indexOf(`"videoDetails":{"videoId":"${videoId}"`);
  return Number(/"viewCount":"(\d+)"/.exec(html.slice(at))?.[1]);
}

test('YouTube: a watch page, an in-app navigation and a channel Videos tab land with the right counts', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  await context.route('https://www.youtube.com/**', (route) => {
    const url = route.request().url();
    if (url.includes('/youtubei/v1/player'))
      return route.fulfill({ contentType: 'application/json', body: fixture(NEXT_PLAYER) });
    if (url.includes('/youtubei/v1/next'))
      return route.fulfill({ contentType: 'application/json', body: fixture(NEXT_NEXT) });
    if (url.includes('/watch?v=2lAe1cqCOXo'))
      return route.fulfill({ contentType: 'text/html', body: fixture(WATCH) });
    if (url.includes('/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos')) {
      return route.fulfill({ contentType: 'text/html', body: fixture(CHANNEL_VIDEOS) });
    }
    return route.abort('blockedbyclient');
  });
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#posts`);
  const posts = () => readTable<StoredPost>(dbPage, 'posts');
  const byId = async (id: string) => (await posts()).find((p) => p.platform === 'youtube' && p.id === id);

  // 1. A full watch page: exact views from its own player response.
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/watch?v=2lAe1cqCOXo');
  const firstViews = viewCountIn(fixture(WATCH), '2lAe1cqCOXo');
  expect(firstViews).toBe(115_965_063);
  const first = await waitFor(
    () => byId('2lAe1cqCOXo'),
    (p) => p?.metrics.views === firstViews,
  );
  expect(first?.metrics.views).toBe(firstViews);
  expect(first?.approx).not.toContain('views');

  // 2. In-app navigation as YouTube does it: the URL changes, the inline data stays stale, the app
  //    fetches youtubei player/next for the new video and fires yt-navigate-finish.
  await page.evaluate(async () => {
    history.pushState({}, '', '/watch?v=2isYuQZMbdU');
    await fetch('/youtubei/v1/player?prettyPrint=false', {
      method: 'POST',
      body: '{"videoId":"2isYuQZMbdU"}',
    });
    await fetch('/youtubei/v1/next?prettyPrint=false', { method: 'POST', body: '{"videoId":"2isYuQZMbdU"}' });
    document.dispatchEvent(new Event('yt-navigate-finish'));
  });
  const secondViews = Number(
    (JSON.parse(fixture(NEXT_PLAYER)) as { videoDetails: { viewCount: string } }).videoDetails.viewCount,
  );
  const second = await waitFor(
    () => byId('2isYuQZMbdU'),
    (p) => p?.metrics.views === secondViews,
  );
  expect(second).toMatchObject({ authorId: 'UCX6OQ3DkcsbYNE6H8uQQuVA', metrics: { views: 220_226_287 } });
  expect(second?.text).not.toBe(first?.text);
  // The stale inline data did not overwrite the first video with the second's numbers, or vice versa.
  expect((await byId('2lAe1cqCOXo'))?.metrics.views).toBe(firstViews);

  // 3. A channel's Videos tab: every grid item, with its list-card views and relative date.
  const channel = await context.newPage();
  await channel.goto('https://www.youtube.com/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos');
  const gridIds = [...fixture(CHANNEL_VIDEOS).matchAll(/"gridVideoRenderer":\{"videoId":"([\w-]{11})"/g)].map(
    (m) => m[1],
  );
  expect(gridIds).toHaveLength(30);
  const stored = await waitFor(posts, (rows) => gridIds.every((id) => rows.some((p) => p.id === id)));
  for (const id of gridIds) {
    const post = stored.find((p) => p.id === id);
    expect(post?.authorId, id).toBe('UCs6nmQViDpUw0nuIx9c_WvA');
    expect(post?.metrics.views, id).toBeGreaterThan(0);
  }
  // "1,639 views" is written out in full, so exact; "2 days ago" is an approximate date.
  expect(stored.find((p) => p.id === 't_xLpJo_35k')).toMatchObject({
    metrics: { views: 1639 },
    createdAtApprox: true,
  });
  expect(stored.find((p) => p.id === 't_xLpJo_35k')?.approx).not.toContain('views');

  // The dashboard shows the exact count of the watched video.
  await dbPage.reload();
  await expect(dbPage.locator('tr[data-post-id="2lAe1cqCOXo"] td[data-metric="views"]')).toHaveText(
    '115,965,063',
  );
  await expect(dbPage.locator('tr[data-post-id="2isYuQZMbdU"] td[data-metric="views"]')).toHaveText(
    '220,226,287',
  );
});
