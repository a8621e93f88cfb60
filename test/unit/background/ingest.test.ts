import { beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, RateLimiter } from '../../../lib/background/ingest';
import { CoursePulseDb } from '../../../lib/db/schema';
import type { CaptureBatch, PostRecord } from '../../../lib/records';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { youtubeAdapter } from '../../../lib/sites/youtube';
import { fixtureJson } from '../fixtures';
import { NEWPIPE, unwrapNewPipe } from '../sites/youtube/load';

// Synthetic messages: what a page could forge through a compromised relay.
const OWN_ID = 'own-extension-id';
const fromX = { id: OWN_ID, tabId: 1, tabUrl: 'https://x.com/dev' };

const post = (platform: PostRecord['platform'], id = '1'): PostRecord => ({
  kind: 'post',
  platform,
  id,
  url: 'https://x.com/dev/status/1',
  authorId: '42',
  authorHandle: 'dev',
  authorName: 'Dev',
  text: 'hello',
  createdAt: null,
  createdAtApprox: false,
  format: 'text',
  repostOf: null,
  metrics: { likes: 1 },
  metricsExact: true,
  links: [],
  hashtags: [],
});
const batch = (records: unknown[], extra: Partial<CaptureBatch> = {}) => ({
  type: 'capture',
  batchId: crypto.randomUUID(),
  site: 'x',
  pageUrl: 'https://x.com/dev',
  source: 'x.UserTweets',
  records,
  failures: [],
  ...extra,
});

let db: CoursePulseDb;
let limiter: RateLimiter;
beforeEach(async () => {
  db = new CoursePulseDb(`ingest-${Math.random()}`);
  await db.open();
  limiter = new RateLimiter(5, 1);
});

const ingest = (message: unknown, sender = fromX, now = 1000) =>
  ingestMessage(db, message, sender, OWN_ID, limiter, now);

describe('ingestMessage', () => {
  it('stores a well-formed batch from a tab on its own site', async () => {
    expect(await ingest(batch([post('x')]))).toMatchObject({ ok: true, written: 1 });
    expect(await db.posts.count()).toBe(1);
  });

  it('refuses records for another site than the sending tab', async () => {
    const reply = await ingest(batch([post('weibo')], { site: 'weibo' }));
    expect(reply.ok).toBe(false);
    expect(await ingest(batch([post('youtube')]))).toMatchObject({ ok: false });
    expect(await db.posts.count()).toBe(0);
  });

  it('refuses course records for pages outside the tab’s own site', async () => {
    const course = {
      kind: 'course',
      url: 'https://evil.example/',
      title: 't',
      provider: 'p',
      price: 1,
      currency: 'USD',
      source: 'site',
    };
    expect(await ingest(batch([course]))).toMatchObject({ ok: false });
    expect(await db.courses.count()).toBe(0);
  });

  it('turns a post linking a course platform into a course sighting linked to the post and account', async () => {
    const linking = {
      ...post('x', '77'),
      text: 'New cohort of my Rust bootcamp is open',
      links: ['https://www.udemy.com/course/rust-bootcamp/?couponCode=LAUNCH'],
    };
    expect(await ingest(batch([linking]))).toMatchObject({ ok: true });
    expect(await db.courses.toArray()).toEqual([
      expect.objectContaining({
        url: 'https://www.udemy.com/course/rust-bootcamp/',
        status: 'sighting',
        seenIn: '77',
        seenInAccount: '42',
        source: 'post',
      }),
    ]);
  });

  it('makes no sighting from the user’s own posts', async () => {
    await db.accounts.put({
      platform: 'x',
      id: '42',
      handle: 'dev',
      name: 'Dev',
      followersExact: false,
      role: 'mine',
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    const linking = { ...post('x', '78'), links: ['https://www.udemy.com/course/rust-bootcamp/'] };
    expect(await ingest(batch([linking]))).toMatchObject({ ok: true });
    expect(await db.courses.count()).toBe(0);
  });

  it('refuses fields outside the record contract, NaN and negative counts', async () => {
    expect(await ingest(batch([{ ...post('x'), role: 'mine' }]))).toMatchObject({ ok: false });
    expect(await ingest(batch([{ ...post('x'), metrics: { likes: Number.NaN } }]))).toMatchObject({
      ok: false,
    });
    expect(await ingest(batch([{ ...post('x'), metrics: { likes: -1 } }]))).toMatchObject({ ok: false });
    expect(await ingest(batch([{ ...post('x'), url: 'javascript:alert(1)' }]))).toMatchObject({ ok: false });
    expect(await db.posts.count()).toBe(0);
    const logged = (await db.health.toArray()).filter((e) => e.extractor === 'background.ingest');
    expect(logged).toHaveLength(4);
  });

  it('refuses oversized batches and texts', async () => {
    const many = Array.from({ length: 501 }, (_, i) => post('x', String(i)));
    expect(await ingest(batch(many))).toMatchObject({ ok: false });
    expect(await ingest(batch([{ ...post('x'), text: 'x'.repeat(30_000) }]))).toMatchObject({ ok: false });
  });

  it('refuses messages from other extensions and from pages outside the three sites', async () => {
    expect(await ingest(batch([post('x')]), { ...fromX, id: 'other' })).toMatchObject({ ok: false });
    expect(await ingest(batch([post('x')]), { ...fromX, tabUrl: 'https://evil.example/' })).toMatchObject({
      ok: false,
    });
  });

  it('rate-limits a flood per tab and asks the sender to retry later', async () => {
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await ingest(batch([post('x', String(i))]), fromX, 1000));
    expect(replies.filter((r) => r.ok)).toHaveLength(5);
    expect(replies.at(-1)).toEqual({ ok: false, reason: 'retry: rate limited' });
    expect(await ingest(batch([post('x', '99')]), fromX, 3000)).toMatchObject({ ok: true });
  });

  it('stores nothing for an account whose capture the user switched off', async () => {
    await ingest(batch([post('x', '1')]));
    await db.accounts.put({
      platform: 'x',
      id: '42',
      handle: 'dev',
      name: 'Dev',
      followersExact: false,
      captureOff: true,
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await ingest(batch([post('x', '2')]));
    expect(await db.posts.count()).toBe(1);
  });

  it('validates and stores comment records from a YouTube tab (real continuation); refuses a malformed one', async () => {
    const { body } = unwrapNewPipe(`${NEWPIPE}youtubecommentsextractor__replies__generated_mock_4.json`);
    const pageUrl = 'https://www.youtube.com/watch?v=xaQJbozY_Is';
    const extraction = youtubeAdapter.extractJson('next', JSON.parse(body), {
      url: 'https://www.youtube.com/youtubei/v1/next',
      pageUrl,
      now: new Date(1000),
    });
    const fromYouTube = { id: OWN_ID, tabId: 2, tabUrl: pageUrl };
    const message = batch(extraction.records, { site: 'youtube', pageUrl, source: 'youtube.next' });
    expect(await ingest(message, fromYouTube)).toMatchObject({ ok: true });
    expect(await db.comments.where('[platform+postId]').equals(['youtube', 'xaQJbozY_Is']).count()).toBe(10);
    const [first] = extraction.records.filter((r) => r.kind === 'comment');
    const forged = batch([{ ...first, parentId: 7, extra: 'field' }], {
      site: 'youtube',
      pageUrl,
      source: 'youtube.next',
    });
    expect(await ingest(forged, fromYouTube)).toMatchObject({ ok: false });
  });

  it("drops the comments of an account whose capture the user switched off, keeping others'", async () => {
    const url = 'https://weibo.com/ajax/statuses/buildComments?id=5079225425986690&fetch_level=0';
    const records = weiboAdapter.extractJson(
      'ajax/statuses/buildComments',
      fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
      { url, now: new Date(1000) },
    ).records;
    await db.accounts.put({
      platform: 'weibo',
      id: '5079193812',
      handle: '得安_Dan',
      name: '得安_Dan',
      followersExact: true,
      captureOff: true,
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    const fromWeibo = { id: OWN_ID, tabId: 3, tabUrl: 'https://weibo.com/5525643726/OxyzABC' };
    const message = batch(records, {
      site: 'weibo',
      pageUrl: fromWeibo.tabUrl,
      source: 'weibo.ajax/statuses/buildComments',
    });
    expect(await ingest(message, fromWeibo)).toMatchObject({ ok: true });
    expect(await db.comments.count()).toBe(6);
    expect(await db.comments.where('[platform+authorId]').equals(['weibo', '5079193812']).count()).toBe(0);
  });
});
