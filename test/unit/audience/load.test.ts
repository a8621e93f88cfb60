/**
 * The Audience view's reads (components/audience/load.ts) on the real Weibo buildComments capture
 * written by the real write path: its comments, the commenters' accounts (bio, location) by key, the
 * accounts' roles, and nothing left out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentsLeftOut, fingerprintOf, loadAudience } from '../../../components/audience/load';
import { editTheme } from '../../../lib/background/theme-edits';
import { setClock } from '../../../lib/clock';
import { db, type StoredCourse, type StoredPost } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../fixtures';

const URL =
  'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
const NOW = Date.UTC(2026, 11, 6, 12);

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  const extraction = weiboAdapter.extractJson(
    weiboAdapter.endpointOf(URL)!,
    fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
    ctx(URL),
  );
  await applyBatch(db(), { batchId: 'weibo-comments-1', records: extraction.records, failures: [] }, NOW);
  setClock(NOW);
});
afterEach(() => setClock());

describe('loadAudience', () => {
  it('reads the stored comments and their authors’ accounts, as plain data for the worker', async () => {
    const data = await loadAudience();
    expect(data.leftOut).toBe(0);
    expect(data.partial).toBe(false);
    expect(data.ownAccounts).toBe(0);
    expect(data.input.now).toBe(NOW);
    expect(data.input.comments).toHaveLength(7);
    expect(data.input.comments.find((c) => c.id === '5079687065764999')).toEqual({
      platform: 'weibo',
      id: '5079687065764999',
      postId: '5079225425986690',
      parentId: null,
      authorId: '5079193812',
      authorHandle: '得安_Dan',
      authorName: expect.any(String),
      text: '点赞评论发一份[哈哈][哈哈][哈哈]',
      createdAt: expect.any(String),
      metrics: { likes: 0, replies: 0 },
    });
    expect(data.input.accounts?.find((a) => a.id === '5079193812')).toMatchObject({
      bio: '读书 旅行',
      location: '江苏',
    });
    // Newest first: the index read walks createdAt backwards.
    const times = data.input.comments.map((c) => c.createdAt!);
    expect(times).toEqual([...times].sort().reverse());
    expect(structuredClone(data.input)).toEqual(data.input);
  });

  it('reads the same with a smaller limit that still holds every comment (a first step that is the whole read)', async () => {
    await db().accounts.update(['weibo', '5079193812'], { role: 'competitor' });
    expect(await loadAudience(8)).toEqual(await loadAudience());
    expect((await loadAudience(7)).partial).toBe(true);
  });

  it('marks own and competitor accounts from their role', async () => {
    await db().accounts.update(['weibo', '5079193812'], { role: 'competitor' });
    const data = await loadAudience();
    expect(data.input.competitorIds).toEqual(['5079193812']);
    expect(data.input.ownIds).toEqual([]);
  });

  it('names the competitors’ posts that offer a course (not a dismissed sighting, not another’s post)', async () => {
    await db().accounts.update(['weibo', '5079193812'], { role: 'competitor' });
    const post = (id: string, authorId: string) =>
      ({ platform: 'weibo', id, authorId, text: '课程', createdAt: null }) as unknown as StoredPost;
    await db().posts.bulkPut([post('course-post', '5079193812'), post('other-post', 'someone')]);
    const course = (url: string, seenIn: string, status: StoredCourse['status']) =>
      ({ url, title: `title of ${url}`, seenIn, status }) as unknown as StoredCourse;
    await db().courses.bulkPut([
      course('https://example.com/a', 'course-post', 'sighting'),
      course('https://example.com/b', 'course-post', 'dismissed'),
      course('https://example.com/c', 'other-post', 'sighting'),
    ]);
    expect((await loadAudience()).coursePosts).toEqual([
      { platform: 'weibo', postId: 'course-post', course: 'title of https://example.com/a' },
    ]);
  });

  it('reads comments without a date too, at the time they were first seen, and says how many', async () => {
    const stored = (await db().comments.toArray())[0]!;
    const firstSeenAt = NOW - 3_600_000;
    await db().comments.put({ ...stored, id: 'undated-1', createdAt: null, firstSeenAt });
    const data = await loadAudience();
    expect(data.input.comments).toHaveLength(8);
    expect(data.undated).toBe(1);
    expect(data.leftOut).toBe(0);
    expect(data.input.comments.find((c) => c.id === 'undated-1')!.createdAt).toBe(
      new Date(firstSeenAt).toISOString(),
    );
  });

  it('reads the theme edits into the analysis input, and a new edit changes what the analysis depends on', async () => {
    const before = await loadAudience();
    expect(fingerprintOf(await loadAudience())).toBe(fingerprintOf(before));
    await editTheme(
      db(),
      { type: 'theme.rename', theme: 'pricing', label: '价格', centre: { 价格: 1 } },
      NOW,
    );
    const after = await loadAudience();
    expect(after.edits).toEqual([{ theme: 'pricing', label: '价格', centre: { 价格: 1 }, updatedAt: NOW }]);
    expect(after.input.edits?.renames).toEqual({ pricing: '价格' });
    expect(after.input.previous).toEqual([{ id: 'pricing', terms: { 价格: 1 } }]);
    expect(fingerprintOf(after)).not.toBe(fingerprintOf(before));
    await db().comments.update(['weibo', '5079687065764999'], { metrics: { likes: 5, replies: 0 } });
    expect(fingerprintOf(await loadAudience())).not.toBe(fingerprintOf(after));
  });
});

describe('loadAudience beyond its limit', () => {
  /** A small limit: the view's 10k would take seconds to store in fake-indexeddb. */
  const LIMIT = 50;

  it('analyses the newest comments and counts the ones left out apart', async () => {
    const stored = (await db().comments.toArray())[0]!;
    // Synthetic copies of a real comment, all newer than the real ones: the real seven are left out.
    await db().comments.bulkPut(
      Array.from({ length: LIMIT + 2 }, (_, i) => ({
        ...stored,
        id: `synthetic-${i}`,
        createdAt: new Date(NOW - i * 1000).toISOString(),
      })),
    );
    const data = await loadAudience(LIMIT);
    expect(data.leftOut).toBeNull();
    // A first step: the view's whole read analyses more.
    expect(data.partial).toBe(true);
    expect((await loadAudience()).partial).toBe(false);
    expect(data.input.comments).toHaveLength(LIMIT);
    expect(data.input.comments[0]!.id).toBe('synthetic-0');
    expect(data.input.comments.at(-1)!.id).toBe(`synthetic-${LIMIT - 1}`);
    expect(await commentsLeftOut(LIMIT)).toBe(9);
    // One fewer stored than the limit: all are analysed, none left out, counted at once.
    await db()
      .comments.where('createdAt')
      .below(new Date(NOW - (LIMIT - 2) * 1000).toISOString())
      .delete();
    const all = await loadAudience(LIMIT);
    expect(all.input.comments).toHaveLength(LIMIT - 1);
    expect(all.leftOut).toBe(0);
    expect(all.partial).toBe(false);
  });
});
