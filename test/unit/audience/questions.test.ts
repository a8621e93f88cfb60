/**
 * The popup's top questions of a post (lib/audience/questions.ts and its Dexie read,
 * components/audience/post-questions.ts) on the real Weibo buildComments capture written by the
 * real write path (SSaV1oRR/Weibo_Crawler_Scrapy, post 5079225425986690).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentOf } from '../../../components/audience/load';
import { postQuestions } from '../../../components/audience/post-questions';
import { topQuestions } from '../../../lib/audience/questions';
import type { CommentLike } from '../../../lib/audience/types';
import { setClock } from '../../../lib/clock';
import { db } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { ctx, fixtureJson } from '../fixtures';
import { extractFixture } from '../sites/x/helpers';

const URL =
  'https://weibo.com/ajax/statuses/buildComments?is_reload=1&id=5079225425986690&is_show_bulletin=2&is_mix=0&count=10&uid=5525643726&fetch_level=0';
const POST = { platform: 'weibo' as const, id: '5079225425986690', authorId: '5525643726', createdAt: null };
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

describe('postQuestions on real Weibo comments', () => {
  it('counts the questions among the post’s comments and shows three, newest first at equal likes', async () => {
    expect(await postQuestions([POST])).toEqual({
      questions: 4,
      unanswered: 4,
      comments: 7,
      // All four have 0 likes: 15:14, 14:57 and 14:48 (+08:00) come before 我要，给不给 (13:41).
      top: [
        {
          platform: 'weibo',
          id: '5079249302325934',
          text: '职大你这么有钱为什么不能每个学生一份呢',
          likes: 0,
          answered: false,
        },
        { platform: 'weibo', id: '5079245016008423', text: '什么时候有', likes: 0, answered: false },
        { platform: 'weibo', id: '5079242818456652', text: '哪里有', likes: 0, answered: false },
      ],
    });
  });

  it('shows nothing for a post without comments, nor for a reply whose thread is not stored', async () => {
    expect(await postQuestions([{ ...POST, id: '1' }])).toBeNull();
    expect(await postQuestions([{ ...POST, replyTo: '1', conversationId: '1' }])).toBeNull();
    expect(await postQuestions([])).toBeNull();
  });
});

describe('topQuestions', () => {
  it('ranks the most liked question first (the real comments, one given likes here)', async () => {
    const comments = (
      await db().comments.where('[platform+postId]').equals(['weibo', POST.id]).toArray()
    ).map(commentOf);
    const liked = comments.map((c) => (c.id === '5079242818456652' ? { ...c, metrics: { likes: 5 } } : c));
    const found = topQuestions(liked, new Set(), 2);
    expect(found.top.map((q) => [q.text, q.likes])).toEqual([
      ['哪里有', 5],
      ['职大你这么有钱为什么不能每个学生一份呢', 0],
    ]);
    // Stickers go ("哪里有[允悲]"); the comment that is no question (不好吃…, 1 like) stays out.
    expect(found.questions).toBe(4);
  });
});

describe('topQuestions and the post author’s replies (synthetic comments)', () => {
  const comment = (
    id: string,
    authorId: string,
    text: string,
    extra: Partial<CommentLike> = {},
  ): CommentLike => ({
    platform: 'youtube',
    id,
    postId: 'v1',
    authorId,
    text,
    createdAt: '2026-12-01T00:00:00Z',
    ...extra,
  });
  const comments = [
    comment('q1', 'a1', 'How do I install the CLI on Windows?', { metrics: { likes: 9 } }),
    comment('q2', 'a2', 'Which version of Node do you use?', { metrics: { likes: 2 } }),
    comment('r1', 'me', 'Is the PATH set?', { parentId: 'q1' }),
  ];
  it('puts the questions the author has not answered first, marks the answered one, and never counts the author’s replies', () => {
    const found = topQuestions(comments, new Set(['me']));
    expect(found.top.map((q) => [q.id, q.answered])).toEqual([
      ['q2', false],
      ['q1', true],
    ]);
    expect([found.questions, found.unanswered, found.comments]).toEqual([2, 1, 3]);
  });
  it('ranks by likes alone when the author is not known', () => {
    const found = topQuestions(comments);
    expect(found.top.map((q) => q.id)).toEqual(['q1', 'q2', 'r1']);
    expect(found.unanswered).toBe(3);
  });
});

describe('postQuestions on a real X thread (vladkens/twscrape raw_tweet_details@1e49e9fa.json)', () => {
  const ROOT = '1649191520250245121';
  it('reads the replies of the post among the X posts created after it', async () => {
    const extraction = extractFixture('vladkens__twscrape/raw_tweet_details@1e49e9fa.json', 'TweetDetail');
    await applyBatch(db(), { batchId: 'x-thread-1', records: extraction.records, failures: [] }, NOW);
    const root = (await db().posts.get(['x', ROOT]))!;
    const found = await postQuestions([root]);
    // The root's 10 replies (one answering another reply in the thread) are its comments.
    expect(found).toEqual({
      questions: 1,
      unanswered: 1,
      comments: 10,
      top: [
        {
          platform: 'x',
          id: '1649431954981306369',
          text: 'What happened to Twitter search from web browser? It stopped working today.',
          likes: 1,
          answered: false,
        },
      ],
    });
    // A reply captured on the tab stands for its thread: the root's questions, not the reply's.
    const reply = (await db().posts.get(['x', '1649431954981306369']))!;
    expect(reply.conversationId).toBe(ROOT);
    expect(await postQuestions([reply])).toEqual(found);
  });
});
