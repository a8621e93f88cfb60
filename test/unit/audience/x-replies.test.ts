/**
 * The Audience view's X replies (components/audience/load.ts xReplies) read through the index that
 * holds replies only: the newest replies, and on real conversations the same replies the view read
 * before that index (the newest X posts by [platform+createdAt], the replies among them kept). Real
 * replies from TweetDetail captures, written by the real write path, plus synthetic posts (labelled
 * below) that put replies, other posts and equal times on each side of the limit.
 */
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { xReplies } from '../../../components/audience/load';
import { db, type StoredPost } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { extractFixture } from '../sites/x/helpers';

const NOW = Date.UTC(2026, 11, 6, 12);

/** The view's earlier read, the reference: the newest `limit` X posts, their replies kept. */
const repliesAmongNewest = async (limit: number) =>
  (
    await db()
      .posts.where('[platform+createdAt]')
      .between(['x', Dexie.minKey], ['x', Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray()
  ).filter((p) => p.replyTo);

const ids = (posts: StoredPost[]) => posts.map((p) => p.id);

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  const records = [
    ...extractFixture('vladkens__twscrape/raw_tweet_details.json', 'TweetDetail').records,
    ...extractFixture('vladkens__twscrape/raw_tweet_replies.json', 'TweetDetail').records,
  ];
  await applyBatch(db(), { batchId: 'x-replies', records, failures: [] }, NOW);
});

/**
 * Synthetic (not captured): ten X posts at each of three instants, every other one a reply, ids
 * chosen so equal times are ordered by id; one undated reply, outside any time-ordered read.
 */
async function addSyntheticPosts() {
  const real = (await db().posts.toArray()).find((p) => p.platform === 'x')!;
  const at = ['2030-01-01T00:00:00.000Z', '2030-01-02T00:00:00.000Z', '2030-01-03T00:00:00.000Z'];
  const rows: StoredPost[] = at.flatMap((createdAt, t) =>
    Array.from({ length: 10 }, (_, i) => ({
      ...real,
      id: `synthetic-${t}-${(i * 7) % 10}`,
      createdAt,
      replyTo: i % 2 ? `synthetic-root-${t}` : undefined,
      conversationId: i % 2 ? `synthetic-root-${t}` : undefined,
    })),
  );
  rows.push({ ...real, id: 'synthetic-undated', createdAt: null, replyTo: 'synthetic-root-0' });
  await db().posts.bulkPut(rows);
}

describe('xReplies', () => {
  it('reads the real replies of the stored conversations, newest first', async () => {
    const all = await db().posts.toArray();
    const replies = await xReplies();
    expect(replies.length).toBeGreaterThan(5);
    expect(replies.every((p) => p.platform === 'x' && p.replyTo)).toBe(true);
    expect(ids(replies)).toEqual(ids(await repliesAmongNewest(10_000)));
    expect(replies.length).toBe(all.filter((p) => p.platform === 'x' && p.replyTo && p.createdAt).length);
  });

  it('keeps exactly the newest replies for every limit, equal times included, other posts never', async () => {
    await addSyntheticPosts();
    const replies = (await db().posts.toArray())
      .filter((p) => p.platform === 'x' && p.replyTo && p.createdAt)
      .sort((a, b) =>
        b.createdAt! < a.createdAt! ? -1 : b.createdAt! > a.createdAt! ? 1 : b.id < a.id ? -1 : 1,
      );
    for (let limit = 1; limit <= replies.length + 1; limit++)
      expect(ids(await xReplies(limit)), `limit ${limit}`).toEqual(ids(replies.slice(0, limit)));
  });
});
