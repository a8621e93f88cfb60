import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../lib/background/commands';
import { deleteAccount, deletePost } from '../../../lib/db/delete';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { CaptureRecord, CommentRecord } from '../../../lib/records';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureJson } from '../fixtures';
import { syntheticPost } from './synthetic';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const POST = '5079225425986690';
const DAN = '5079193812';

/** Real captures through the real extractors. */
const weiboComments = (): CaptureRecord[] =>
  ADAPTERS.weibo.extractJson(
    'ajax/statuses/buildComments',
    fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
    { url: `https://weibo.com/ajax/statuses/buildComments?id=${POST}&fetch_level=0`, now: new Date(NOW) },
  ).records;
const xThread = (): CaptureRecord[] =>
  ADAPTERS.x.extractJson(
    'TweetDetail',
    fixtureJson('twitter/vladkens__twscrape/raw_tweet_details@1e49e9fa.json'),
    { url: 'https://x.com/i/api/graphql/a/TweetDetail', now: new Date(NOW) },
  ).records;

let db: CoursePulseDb;
let n = 0;
const apply = (records: CaptureRecord[], at = NOW) =>
  applyBatch(db, { batchId: `batch-${++n}-${Math.random()}`, records, failures: [] }, at);

beforeEach(async () => {
  db = new CoursePulseDb(`comments-${Math.random()}`);
  await db.open();
});

describe('storing comments', () => {
  it('stores each real comment once, in the same transaction as its commenters', async () => {
    const records = weiboComments();
    const summary = await apply([...records, ...records]);
    expect(summary.comments).toBe(14);
    expect(await db.comments.count()).toBe(7);
    const dan = await db.comments.get(['weibo', '5079687065764999']);
    expect(dan).toMatchObject({
      postId: POST,
      parentId: null,
      authorId: DAN,
      text: '点赞评论发一份[哈哈][哈哈][哈哈]',
      metrics: { likes: 0, replies: 0 },
      region: '江苏',
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      metricsAt: NOW,
    });
    expect(await db.accounts.get(['weibo', DAN])).toMatchObject({ bio: '读书 旅行', location: '江苏' });
    expect(await db.comments.where('[platform+postId]').equals(['weibo', POST]).count()).toBe(7);
    expect(await db.comments.where('[platform+authorId]').equals(['weibo', DAN]).count()).toBe(1);
  });

  it('a re-capture updates the counts on the row; the same batch twice is applied once', async () => {
    const first = weiboComments();
    const batch = { batchId: 'same-batch-id', records: first, failures: [] };
    await applyBatch(db, batch, NOW);
    expect((await applyBatch(db, batch, NOW + 1)).duplicate).toBe(true);
    const later = NOW + 3600_000;
    const liked = first.map((r) =>
      r.kind === 'comment' && r.id === '5079687065764999' ? { ...r, metrics: { likes: 5, replies: 1 } } : r,
    );
    await apply(liked, later);
    const row = (await db.comments.get(['weibo', '5079687065764999']))!;
    expect(row).toMatchObject({
      metrics: { likes: 5, replies: 1 },
      metricsAt: later,
      firstSeenAt: NOW,
      lastSeenAt: later,
    });
    // Unchanged counts keep when they were first seen as they are.
    expect((await db.comments.get(['weibo', '5079274283865867']))!.metricsAt).toBe(NOW);
    expect(await db.comments.count()).toBe(7);
  });

  it('never erases what an earlier observation knew, nor lets an older batch or an agreeing abbreviation win', async () => {
    const [comment] = weiboComments().filter((r): r is CommentRecord => r.kind === 'comment');
    await apply([{ ...comment!, metrics: { likes: 1234, replies: 2 } }]);
    // A later body without the post, and "1.2千"-style likes that agree with the exact 1234.
    await apply(
      [
        {
          ...comment!,
          postId: '',
          metrics: { likes: 1200, replies: 2 },
          metricsExact: false,
          approx: ['likes'],
        },
      ],
      NOW + 10,
    );
    expect(await db.comments.get(['weibo', comment!.id])).toMatchObject({
      postId: POST,
      metrics: { likes: 1234, replies: 2 },
      metricsExact: true,
    });
    // A batch resent late (observed before the stored one) changes nothing.
    await apply([{ ...comment!, metrics: { likes: 1, replies: 0 } }], NOW - 10);
    expect((await db.comments.get(['weibo', comment!.id]))!.metrics.likes).toBe(1234);
  });
});

describe('deleting', () => {
  it('deleting a post deletes its comments; X replies are posts and stay', async () => {
    await apply([...weiboComments(), syntheticPost(POST, { platform: 'weibo', authorId: '5525643726' })]);
    await apply(xThread());
    await deletePost(db, 'weibo', POST);
    expect(await db.comments.count()).toBe(0);
    const root = '1649191520250245121';
    const replies = await db.posts.filter((p) => p.replyTo === root).count();
    expect(replies).toBe(8);
    await deletePost(db, 'x', root);
    expect(await db.posts.filter((p) => p.replyTo === root).count()).toBe(replies);
  });

  it('forgetting a person removes their comments, their posts and replies, the comments under those, and their account', async () => {
    await apply(weiboComments());
    const dan = await deleteAccount(db, 'weibo', DAN);
    expect(dan).toEqual({ posts: 0, comments: 1 });
    expect(await db.accounts.get(['weibo', DAN])).toBeUndefined();
    expect(await db.comments.where('[platform+authorId]').equals(['weibo', DAN]).count()).toBe(0);
    expect(await db.comments.count()).toBe(6);

    // On X a reply is a post: forgetting its author removes it with its history.
    await apply(xThread());
    const matt = (await db.posts.filter((p) => p.authorHandle === 'MattEason').first())!;
    expect(await deleteAccount(db, 'x', matt.authorId)).toEqual({ posts: 1, comments: 0 });
    expect(await db.posts.get(['x', matt.id])).toBeUndefined();

    // A post author forgotten: the comments under their posts go too.
    await apply([syntheticPost(POST, { platform: 'weibo', authorId: '5525643726' })]);
    expect(await deleteAccount(db, 'weibo', '5525643726')).toEqual({ posts: 1, comments: 0 });
    expect(await db.comments.count()).toBe(0);
  });
});

describe('keepCommenterProfiles', () => {
  const deps = () => ({ db, saveCourseFromTab: vi.fn(), checkCoursesInTab: vi.fn(), stopSync: vi.fn() });

  it('off: bios, locations and regions of people who are not tracked are not kept; tracked accounts keep theirs', async () => {
    await apply(weiboComments());
    await db.accounts.update(['weibo', DAN], { role: 'competitor' });
    const reply = await runCommand(deps(), {
      type: 'settings.put',
      key: 'keepCommenterProfiles',
      value: false,
    });
    expect(reply.ok).toBe(true);
    // What was stored is stripped at once…
    const stored = await db.accounts.toArray();
    expect(stored.filter((a) => a.bio !== undefined || a.location !== undefined).map((a) => a.id)).toEqual([
      DAN,
    ]);
    expect(await db.comments.filter((c) => c.region !== undefined).count()).toBe(0);
    // …and nothing new is kept from then on.
    await apply(weiboComments(), NOW + 1000);
    expect((await db.accounts.toArray()).filter((a) => a.bio !== undefined).map((a) => a.id)).toEqual([DAN]);
    expect(await db.comments.filter((c) => c.region !== undefined).count()).toBe(0);
    // Followers are counts, not profile text: kept.
    expect((await db.accounts.get(['weibo', '5079193812']))?.followers).toBe(47);
  });

  it('on (the default): kept', async () => {
    await apply(weiboComments());
    expect(await db.accounts.filter((a) => a.bio !== undefined).count()).toBeGreaterThan(3);
    expect(await db.comments.filter((c) => c.region === '江苏').count()).toBe(7);
    expect(
      (await runCommand(deps(), { type: 'settings.put', key: 'keepCommenterProfiles', value: 'no' })).ok,
    ).toBe(false);
  });
});
