import { beforeEach, describe, expect, it } from 'vitest';
import { observationsOf } from '../../../lib/db/history';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { AccountRecord, CourseRecord, PostRecord } from '../../../lib/records';
import { syntheticPost } from './synthetic';

// Synthetic records shaped like the X extractor's output; real-fixture ingestion is covered by the e2e tests.
const post = (id: string, likes: number, extra: Partial<PostRecord> = {}): PostRecord =>
  syntheticPost(id, { metrics: { views: likes * 100, likes, reposts: 1 }, ...extra });
const account: AccountRecord = {
  kind: 'account',
  platform: 'x',
  id: '42',
  handle: 'dev',
  name: 'Dev',
  followers: 1000,
  followersExact: true,
};

let db: CoursePulseDb;
beforeEach(async () => {
  db = new CoursePulseDb(`test-${Math.random()}`);
  await db.open();
});

/** The post's whole history: snapshot rows, then its own latest counts. */
async function historyOf(id: string) {
  const stored = await db.posts.get(['x', id]);
  const earlier = await db.postSnapshots
    .where('[platform+postId+at]')
    .between(['x', id, 0], ['x', id, Infinity])
    .toArray();
  return stored ? observationsOf(stored, earlier) : [];
}

const batch = (batchId: string, records: Array<PostRecord | AccountRecord | CourseRecord>) => ({
  batchId,
  records,
  failures: [],
  source: 'x.UserTweets',
});

describe('applyBatch', () => {
  it('upserts posts and accounts and records a first observation of each', async () => {
    const summary = await applyBatch(db, batch('batch-0001', [post('1', 5), post('2', 7), account]), 1000);
    expect(summary).toMatchObject({ posts: 2, newPosts: 2, accounts: 1, snapshots: 3, duplicate: false });
    expect(await db.posts.count()).toBe(2);
    // A post seen once is one row: its counts are its history so far.
    expect(await db.postSnapshots.count()).toBe(0);
    expect(await historyOf('2')).toEqual([{ at: 1000, m: { views: 700, likes: 7, reposts: 1 } }]);
    expect(await db.accountSnapshots.count()).toBe(1);
    expect((await db.posts.get(['x', '2']))?.metrics).toEqual({ views: 700, likes: 7, reposts: 1 });
  });

  it('changes nothing when the same batch arrives twice', async () => {
    await applyBatch(db, batch('batch-0001', [post('1', 5)]), 1000);
    const again = await applyBatch(db, batch('batch-0001', [post('1', 5)]), 2000);
    expect(again.duplicate).toBe(true);
    expect((await db.posts.get(['x', '1']))?.lastSeenAt).toBe(1000);
    expect(await historyOf('1')).toHaveLength(1);
    expect(await db.postSnapshots.count()).toBe(0);
  });

  it('appends a snapshot only when a count changed', async () => {
    await applyBatch(db, batch('batch-0001', [post('1', 5)]), 1000);
    await applyBatch(db, batch('batch-0002', [post('1', 5)]), 2000);
    expect(await historyOf('1')).toHaveLength(1);
    await applyBatch(db, batch('batch-0003', [post('1', 6)]), 3000);
    const history = await historyOf('1');
    expect(history.map((s) => [s.at, s.m.likes])).toEqual([
      [1000, 5],
      [3000, 6],
    ]);
    // The replaced counts became the one snapshot row; the latest stay on the post.
    expect(await db.postSnapshots.count()).toBe(1);
    expect((await db.posts.get(['x', '1']))?.metricsAt).toBe(3000);
    const rollups = await db.dailyRollups.toArray();
    expect(rollups.reduce((n, r) => n + r.engagementGain, 0)).toBe(1);
  });

  // Stored posts are found by one key-range read when the batch's ids are close together, and by a
  // read per post when other stored posts crowd that range: both ways must find the same rows.
  it.each([
    ['close together (one range read)', ['1000', '1001', '1002', '1003']],
    ['spread among 200 other stored posts (a read per post)', ['1000', '1050', '1100', '1199']],
  ])('finds every stored post of a batch whose ids are %s', async (_how, ids) => {
    const others = Array.from({ length: 200 }, (_, i) => post(String(1000 + i), 1));
    await applyBatch(db, batch('batch-0001', others), 1000);
    await applyBatch(db, batch('batch-0002', [...ids.map((id) => post(id, 2)), post('10035', 1)]), 2000);
    for (const id of ids) {
      const stored = await db.posts.get(['x', id]);
      expect(stored).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 2000, metrics: { likes: 2 } });
      expect((await historyOf(id)).map((s) => [s.at, s.m.likes])).toEqual([
        [1000, 1],
        [2000, 2],
      ]);
    }
    expect(await db.posts.get(['x', '10035'])).toMatchObject({ firstSeenAt: 2000 });
    const rollups = await db.dailyRollups.toArray();
    expect(rollups.reduce((n, r) => n + r.newPosts, 0)).toBe(201);
  });

  it('finds stored posts of every platform in one mixed batch', async () => {
    const weibo = { ...post('5000', 1), platform: 'weibo' as const, url: 'https://weibo.com/1/5000' };
    await applyBatch(db, batch('batch-0001', [post('5000', 1), weibo]), 1000);
    await applyBatch(db, batch('batch-0002', [post('5000', 2), { ...weibo, metrics: { likes: 3 } }]), 2000);
    expect(await db.postSnapshots.count()).toBe(2);
    expect((await db.posts.get(['weibo', '5000']))?.firstSeenAt).toBe(1000);
  });

  it('keeps one row per post when the same post appears twice in a batch', async () => {
    await applyBatch(db, batch('batch-0001', [post('1', 5), post('1', 6)]), 1000);
    expect(await db.posts.count()).toBe(1);
    expect((await db.posts.get(['x', '1']))?.metrics.likes).toBe(6);
  });

  it('does not let a partial DOM observation erase text or an exact date', async () => {
    await applyBatch(db, batch('batch-0001', [post('1', 5)]), 1000);
    await applyBatch(
      db,
      batch('batch-0002', [
        post('1', 5, { text: '', createdAt: '2026-11-19T00:00:00.000Z', createdAtApprox: true }),
      ]),
      2000,
    );
    const stored = await db.posts.get(['x', '1']);
    expect(stored?.text).toBe('post 1');
    expect(stored?.createdAt).toBe('2026-11-20T10:00:00.000Z');
    expect(stored?.createdAtApprox).toBe(false);
  });

  it('records course price history only when price, students or rating changed', async () => {
    const course = (price: number): CourseRecord => ({
      kind: 'course',
      url: 'https://www.udemy.com/course/example/',
      title: 'Example',
      provider: 'Udemy',
      price,
      currency: 'USD',
      source: 'jsonld',
    });
    await applyBatch(db, batch('batch-0001', [course(19.99)]), 1000);
    await applyBatch(db, batch('batch-0002', [course(19.99)]), 2000);
    await applyBatch(db, batch('batch-0003', [course(14.99)]), 3000);
    expect((await db.courseSnapshots.toArray()).map((s) => s.price)).toEqual([19.99, 14.99]);
  });

  it('logs failures in the health log and its per-extractor rollup', async () => {
    await applyBatch(
      db,
      { ...batch('batch-0001', [post('1', 5)]), failures: [{ extractor: 'x.dom', reason: 'no counts' }] },
      1000,
    );
    const summaries = await db.healthSummary.toArray();
    expect(summaries.find((s) => s.extractor === 'x.dom')).toMatchObject({
      failures: 1,
      lastFailure: 'no counts',
    });
    expect(summaries.find((s) => s.extractor === 'x.UserTweets')).toMatchObject({ successes: 1, records: 1 });
  });
});

describe('applyBatch with partial records', () => {
  it('keeps the stored author, url, format and repost link when a long-text body adds the full text', async () => {
    await applyBatch(
      db,
      batch('batch-0001', [
        post('7', 5, {
          platform: 'weibo',
          format: 'image',
          repostOf: '6',
          url: 'https://weibo.com/42/Abc',
          shortId: 'Abc',
        }),
      ]),
      1000,
    );
    await applyBatch(
      db,
      batch('batch-0002', [
        post('7', 9, {
          platform: 'weibo',
          partial: true,
          authorId: '',
          authorHandle: '',
          authorName: '',
          url: 'https://m.weibo.cn/detail/7',
          format: 'text',
          repostOf: null,
          createdAt: null,
          text: 'the whole long text',
        }),
      ]),
      2000,
    );
    const stored = await db.posts.get(['weibo', '7']);
    expect(stored).toMatchObject({
      authorId: '42',
      url: 'https://weibo.com/42/Abc',
      format: 'image',
      repostOf: '6',
      createdAt: '2026-11-20T10:00:00.000Z',
      text: 'the whole long text',
    });
    expect(stored?.metrics.likes).toBe(9);
    expect(stored && 'partial' in stored).toBe(false);
  });
});

describe('applyBatch with late batches', () => {
  it('keeps newer counts when an older batch is applied after them (a resend after a restart), and the older ones as history', async () => {
    await applyBatch(db, batch('batch-newer', [post('1', 9)]), 2000);
    await applyBatch(db, batch('batch-older', [post('1', 5)]), 1000);
    expect((await db.posts.get(['x', '1']))?.metrics.likes).toBe(9);
    // Nothing observed is lost: the older counts take their place before the newer ones.
    expect(await historyOf('1')).toEqual([
      { at: 1000, m: { views: 500, likes: 5, reposts: 1 } },
      { at: 2000, m: { views: 900, likes: 9, reposts: 1 } },
    ]);
    expect((await db.posts.get(['x', '1']))?.firstSeenAt).toBe(1000);
  });
});
