/**
 * The data-safety guarantees of DESIGN.md ("Safety rules"), each a test that fails when the guarantee
 * breaks: nothing acknowledged is lost and nothing unacknowledged is dropped when the service worker
 * stops mid-burst, concurrent tabs never duplicate, and a hostile page cannot write another site's
 * records, get past the size and rate caps, or reach any other extension API. (That the extension
 * makes no network request of its own is asserted by the `ext` fixture for every test.)
 */
import type { BrowserContext, Page } from '@playwright/test';
import { observationsOf } from '../../lib/db/history';
import type { DailyRollup, HealthEvent, PostSnapshot, StoredAccount, StoredPost } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';
import { type Counts, tweetsIn } from './x-expected';

const TWSCRAPE = 'twitter/vladkens__twscrape/';
const USER_TWEETS = `${TWSCRAPE}raw_user_tweets.json`;
const USER_BY_LOGIN = `${TWSCRAPE}raw_user_by_login.json`;
const USER_TWEETS_AND_REPLIES = `${TWSCRAPE}raw_user_tweets_and_replies.json`;
const TWEET_DETAILS = `${TWSCRAPE}raw_tweet_details.json`;
/** What test/fixtures/synthetic/x/burst-shell.html loads, in order (each a real captured response). */
const BURST = [
  'raw_user_tweets',
  'raw_user_tweets_and_replies',
  'raw_tweet_details',
  'card_summary',
  'card_broadcast',
  'card_audiospace',
  'manual_tweet_with_video_1',
  '_issue_28_1',
  '_issue_28_2',
  '_issue_42',
];
const WEIBO_TIMELINE = 'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json';
const YOUTUBE_NEXT = 'youtube/iv-org__mocks/regular_mrbeast.next.json';

/** lib/background/ingest.ts: batches per tab in a burst, and the refill rate per second. */
const RATE_BURST = 40;
const RATE_PER_SECOND = 8;

/** x.com answered from fixtures: GraphQL operations from twscrape captures, every page from `shell`. */
async function serveX(context: BrowserContext, shell: (url: string) => string) {
  await blockTheInternet(context);
  await context.route('https://x.com/**', (route) => {
    const url = new URL(route.request().url());
    const json = (path: string) => route.fulfill({ contentType: 'application/json', body: fixture(path) });
    const named = url.searchParams.get('cp_fixture');
    if (named) return json(`${TWSCRAPE}${named}.json`);
    if (url.pathname.endsWith('/UserTweetsAndReplies')) return json(USER_TWEETS_AND_REPLIES);
    if (url.pathname.endsWith('/UserTweets')) return json(USER_TWEETS);
    if (url.pathname.endsWith('/UserByScreenName')) return json(USER_BY_LOGIN);
    return route.fulfill({ contentType: 'text/html', body: fixture(shell(url.href)) });
  });
}

/**
 * A page of the extension's origin to read its IndexedDB from: the options page on its settings tab,
 * whose view queries no captured table, so it does not re-render on every write of a flood.
 */
async function openDatabasePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#settings`);
  return dbPage;
}

/**
 * Stops the extension's service worker through the DevTools ServiceWorker domain (what
 * chrome://serviceworker-internals "Stop" does): once now, then each time a capture message wakes it,
 * as soon as it is running, so the batch that woke it is cut off before it can be acknowledged.
 */
async function stopWorkerWhileHandling(page: Page, times: number) {
  const cdp = await page.context().newCDPSession(page);
  const state = { activated: false, stopped: false, stopsWhileHandling: 0, starts: 0 };
  // Chromium may register the worker a second time at install (the first install failed), and the
  // version it replaces is reported redundant: every version is followed, and a start is any one's.
  const running = new Map<string, string>();
  // Armed once the worker is activated and stopped: a worker stopped while installing fails to
  // install, which is not what this tests.
  let armed = false;
  const stop = () => cdp.send('ServiceWorker.stopAllWorkers');
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.endsWith('/background.js')) continue;
      const previous = running.get(v.versionId);
      running.set(v.versionId, v.runningStatus);
      if (v.status === 'activated') state.activated = true;
      if (!armed || previous !== 'starting' || v.runningStatus !== 'running') continue;
      state.starts++;
      if (state.stopsWhileHandling < times) {
        state.stopsWhileHandling++;
        void stop();
      }
    }
    state.stopped = [...running.values()].every((status) => status === 'stopped');
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => state.activated).toBe(true);
  await stop();
  await expect.poll(() => state.stopped).toBe(true);
  armed = true;
  return state;
}

test('service worker stopped mid-burst loses no acknowledged record and resends unacknowledged batches', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const expected = new Map<string, Counts>();
  for (const name of BURST) tweetsIn(JSON.parse(fixture(`${TWSCRAPE}${name}.json`)), expected);
  expect(expected.size).toBeGreaterThan(100);
  await serveX(context, () => 'synthetic/x/burst-shell.html');
  const dbPage = await openDatabasePage(context, extensionId);

  const worker = await stopWorkerWhileHandling(dbPage, 3);
  const page = await context.newPage();
  await page.goto('https://x.com/XDevelopers/with_replies');
  await expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached();

  const posts = await waitFor(
    () => readTable<StoredPost>(dbPage, 'posts'),
    (rows) => [...expected.keys()].every((id) => rows.some((p) => p.id === id)),
    20_000,
  );
  test.info().annotations.push({ type: 'worker', description: JSON.stringify(worker) });
  // The worker really was cut off while handling batches, and came back each time.
  expect(worker.stopsWhileHandling).toBe(3);
  expect(worker.starts).toBeGreaterThan(3);

  const byId = new Map(posts.map((p) => [p.id, p]));
  for (const [id, counts] of expected) {
    const stored = byId.get(id);
    expect(stored, `tweet ${id}`).toBeDefined();
    expect(stored?.metrics).toMatchObject(JSON.parse(JSON.stringify(counts)));
  }
  await expectNoDoubleWrites(dbPage, posts);
});

/**
 * Exactly once, seen from the rollups kept in the write transaction: a batch applied twice or half
 * applied would leave the day's totals out of step with the rows, and a snapshot that repeats the
 * previous counts means an observation was written twice.
 */
async function expectNoDoubleWrites(dbPage: Page, posts: StoredPost[]) {
  // Let resends still in flight settle: the totals below must not move any more.
  await dbPage.waitForTimeout(1500);
  const snapshots = await readTable<PostSnapshot>(dbPage, 'postSnapshots');
  const rollups = await readTable<DailyRollup>(dbPage, 'dailyRollups');
  const stored = await readTable<StoredPost>(dbPage, 'posts');
  expect(stored.length).toBe(posts.length);
  expect(rollups.reduce((n, r) => n + r.newPosts, 0)).toBe(posts.length);
  const byPost = new Map<string, PostSnapshot[]>();
  for (const s of snapshots) {
    const key = `${s.platform}:${s.postId}`;
    byPost.set(key, [...(byPost.get(key) ?? []), s]);
  }
  // Each post's history: its snapshot rows, then its own latest counts (lib/db/history.ts).
  const histories = stored.map((post) => ({
    post,
    series: observationsOf(post, byPost.get(`${post.platform}:${post.id}`) ?? []),
  }));
  expect(rollups.reduce((n, r) => n + r.snapshots, 0)).toBe(
    histories.reduce((n, h) => n + h.series.length, 0),
  );
  for (const { post, series } of histories) {
    // A post seen without any count (a quoted stub) has nothing to observe.
    const hasCounts = Object.keys(post.metrics).length > 0;
    expect(series.length > 0, `observations of ${post.id}`).toBe(hasCounts);
    series.forEach((snapshot, i) => {
      if (i > 0)
        expect(snapshot.m, `snapshot ${i} of ${post.id} repeats the one before`).not.toEqual(
          series[i - 1]?.m,
        );
    });
  }
}

test('two tabs capturing the same posts at once produce each post once and no duplicate snapshot', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const expected = tweetsIn(JSON.parse(fixture(USER_TWEETS)));
  await serveX(context, () => 'synthetic/x/profile-shell.html');
  const dbPage = await openDatabasePage(context, extensionId);

  const [first, second] = [await context.newPage(), await context.newPage()];
  await Promise.all([
    first.goto('https://x.com/XDevelopers'),
    second.goto('https://x.com/XDevelopers?tab=2'),
  ]);
  await Promise.all(
    [first, second].map((page) => expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached()),
  );
  // Both tabs' batches were applied (the health log names each page), so both really raced.
  const health = await waitFor(
    () => readTable<HealthEvent>(dbPage, 'health'),
    (events) =>
      ['https://x.com/XDevelopers', 'https://x.com/XDevelopers?tab=2'].every((url) =>
        events.some((e) => e.ok && e.extractor === 'x.UserTweets' && e.url === url),
      ),
  );
  expect(health.filter((e) => e.ok && e.extractor === 'x.UserTweets').length).toBe(2);

  const posts = await readTable<StoredPost>(dbPage, 'posts');
  expect(posts.length).toBeGreaterThanOrEqual(expected.size);
  for (const id of expected.keys()) expect(posts.filter((p) => p.id === id).length, `tweet ${id}`).toBe(1);
  // Both tabs saw the same counts: one observation per post (kept on the post), no snapshot row.
  expect(await readTable<PostSnapshot>(dbPage, 'postSnapshots')).toEqual([]);
  const accountSnapshots = await readTable<{ accountId: string }>(dbPage, 'accountSnapshots');
  expect(accountSnapshots.filter((s) => s.accountId === '2244994945').length).toBe(1);
  await expectNoDoubleWrites(dbPage, posts);
});

/** A tweet in the shape the X extractor reads, with an id no real capture here uses. */
const forgedTweet = (id: string, text = 'forged') => ({
  __typename: 'Tweet',
  rest_id: id,
  legacy: {
    full_text: text,
    created_at: 'Fri Feb 06 21:09:45 +0000 2026',
    favorite_count: 1,
    retweet_count: 0,
    reply_count: 0,
  },
});

test('a page that posts forged capture messages cannot write records for another site, exceed the size and rate caps, or reach any other extension API', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await serveX(context, (url) =>
    url.includes('/forger') ? 'synthetic/x/forger-shell.html' : 'synthetic/x/profile-shell.html',
  );
  const dbPage = await openDatabasePage(context, extensionId);

  // The user's real data, captured first by an honest tab.
  const honest = await context.newPage();
  await honest.goto('https://x.com/XDevelopers');
  const captured = tweetsIn(JSON.parse(fixture(USER_TWEETS)));
  const before = await waitFor(
    () => readTable<StoredPost>(dbPage, 'posts'),
    (rows) => rows.length >= captured.size,
  );
  expect(before.length).toBeGreaterThanOrEqual(captured.size);

  const hostile = await context.newPage();
  await hostile.goto('https://x.com/forger');
  const post = (messages: unknown[]) =>
    hostile.evaluate((list) => {
      for (const message of list) window.postMessage(message, '*');
    }, messages);
  const hook = (url: string, body: string) => ({ type: 'coursepulse:response', url, body });

  // 1. Other sites' data, at their own URLs and at X's.
  const weibo = fixture(WEIBO_TIMELINE);
  const youtube = fixture(YOUTUBE_NEXT);
  await post([
    hook('https://m.weibo.cn/api/container/getIndex?containerid=1076031195230310', weibo),
    hook('https://weibo.com/i/api/graphql/h/UserTweets', weibo),
    hook('/i/api/graphql/h/UserTweets', weibo),
    hook('https://www.youtube.com/youtubei/v1/next?prettyPrint=false', youtube),
    hook('/i/api/graphql/h/TweetDetail', youtube),
  ]);

  // 2. Command-shaped messages, and the runtime API itself from the page's world.
  await post([
    { type: 'data.deleteAll' },
    { type: 'capture', batchId: 'forged-batch-1', site: 'weibo', records: [], failures: [] },
    hook('/i/api/graphql/h/UserTweets', JSON.stringify({ type: 'data.deleteAll' })),
    hook('/i/api/graphql/h/UserTweets', 'not json'),
  ]);
  const runtime = await hostile.evaluate(async (id) => {
    // biome-ignore lint/suspicious/noExplicitAny: probing what a web page can reach
    const api = (globalThis as any).chrome?.runtime;
    if (!api?.sendMessage) return 'no runtime API';
    try {
      return `answered ${JSON.stringify(await api.sendMessage(id, { type: 'data.deleteAll' }))}`;
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  }, extensionId);
  test.info().annotations.push({ type: 'runtime API from the page', description: runtime });
  expect(runtime).toMatch(/^(no runtime API|refused)/);

  // 3. Size caps: a body over the hook's 8,000,000-character cap (holding real tweets) is not read,
  // and an over-long field is cut to the record contract's cap.
  const details = JSON.parse(fixture(TWEET_DETAILS));
  const detailIds = [...tweetsIn(details).keys()];
  await hostile.evaluate(
    ({ data }) => {
      const body = JSON.stringify({ padding: 'x'.repeat(8_100_000), data });
      window.postMessage({ type: 'coursepulse:response', url: '/i/api/graphql/h/TweetDetail', body }, '*');
    },
    { data: details.data },
  );
  const longText = 'y'.repeat(100_000);
  await post([
    hook(
      '/i/api/graphql/h/TweetDetail',
      JSON.stringify({ data: { tweet: forgedTweet('7700000000000000001', longText) } }),
    ),
  ]);

  // 4. A flood: two thousand messages within a second, spread over 400 endpoints so that each
  // endpoint's five tweets make a batch of their own: 400 batches, which the cap lets through only
  // over 45 s (40 at once, then 8 a second).
  const FLOOD = 2000;
  const FLOOD_ENDPOINTS = 400;
  const floodStart = Date.now();
  await hostile.evaluate(
    ({ count, endpoints }) => {
      for (let i = 0; i < count; i++) {
        const tweet = {
          __typename: 'Tweet',
          rest_id: `78${String(i).padStart(17, '0')}`,
          legacy: { full_text: 'flood', favorite_count: 1, retweet_count: 0, reply_count: 0 },
        };
        const url = `/i/api/graphql/h/List${i % endpoints}Timeline`;
        window.postMessage(
          { type: 'coursepulse:response', url, body: JSON.stringify({ data: { tweet } }) },
          '*',
        );
      }
    },
    { count: FLOOD, endpoints: FLOOD_ENDPOINTS },
  );

  // The honest tab keeps capturing during the flood: the rate cap is per tab.
  await honest.evaluate(() =>
    fetch('/i/api/graphql/h/UserTweetsAndReplies?variables=%7B%7D').then((r) => r.text()),
  );
  const replies = [...tweetsIn(JSON.parse(fixture(USER_TWEETS_AND_REPLIES))).keys()];
  const during = await waitFor(
    () => readTable<StoredPost>(dbPage, 'posts'),
    (rows) => replies.every((id) => rows.some((p) => p.id === id)),
    8000,
  );
  for (const id of replies)
    expect(
      during.some((p) => p.id === id),
      `honest tweet ${id}`,
    ).toBe(true);

  const posts = await readTable<StoredPost>(dbPage, 'posts');
  const accounts = await readTable<StoredAccount>(dbPage, 'accounts');
  const health = await readTable<HealthEvent>(dbPage, 'health');
  const elapsed = (Date.now() - floodStart) / 1000;

  // No other site's records, no courses, and the user's data is all still there.
  expect(posts.filter((p) => p.platform !== 'x')).toEqual([]);
  expect(accounts.filter((a) => a.platform !== 'x')).toEqual([]);
  expect(await readTable(dbPage, 'courses')).toEqual([]);
  for (const id of captured.keys())
    expect(
      posts.some((p) => p.id === id),
      `kept tweet ${id}`,
    ).toBe(true);

  // The oversized body was not read; the over-long text was cut to the contract's cap.
  expect(posts.filter((p) => detailIds.includes(p.id))).toEqual([]);
  expect(posts.find((p) => p.id === '7700000000000000001')?.text.length).toBe(25_000);

  // The flood reached the background only as fast as the per-tab rate cap lets it.
  const floodPosts = posts.filter((p) => p.id.startsWith('78')).length;
  const floodBatches = health.filter((e) => e.ok && /^x\.List\d+Timeline$/.test(e.extractor)).length;
  const cap = RATE_BURST + Math.ceil(RATE_PER_SECOND * elapsed);
  test.info().annotations.push({
    type: 'flood',
    description: `${floodBatches} of ${FLOOD_ENDPOINTS} batches (${floodPosts} of ${FLOOD} posts) in ${elapsed.toFixed(1)} s; cap ${cap}`,
  });
  expect(floodBatches).toBeGreaterThan(0);
  expect(floodBatches).toBeLessThanOrEqual(Math.min(cap, FLOOD_ENDPOINTS - 1));
  expect(floodPosts).toBeLessThanOrEqual((floodBatches * FLOOD) / FLOOD_ENDPOINTS);

  // What could not be read is on the health log, attributed to X's extractors.
  const failures = health.filter((e) => !e.ok).map((e) => `${e.extractor}: ${e.reason}`);
  expect(failures).toContain('x.UserTweets: response is not JSON');
  expect(failures).toContainEqual(expect.stringMatching(/^x\.TweetDetail: unexpected shape/));
  expect(failures).toContainEqual(expect.stringMatching(/^x\.TweetDetail: .*8,000,000/));
});
