import { describe, expect, it } from 'vitest';
import type { AccountRecord, CommentRecord, Extraction } from '../../../../lib/records';
import { youtubeAdapter } from '../../../../lib/sites/youtube';
import { ctx, fixtureJson } from '../../fixtures';
import { NEWPIPE, NOW, unwrapNewPipe } from './load';

const NEXT = 'https://www.youtube.com/youtubei/v1/next?prettyPrint=false';
const WATCH = 'https://www.youtube.com/watch?v=xaQJbozY_Is';
const PINNED = 'UgwSOM0QHBLysE3vZE54AaABAg';

/** A comments continuation as the content script sees it: the response URL and the page it came on. */
function extract(file: string, pageUrl?: string): Extraction {
  const { body } = unwrapNewPipe(NEWPIPE + file);
  return youtubeAdapter.extractJson('next', JSON.parse(body), { ...ctx(NEXT, NOW, 'en-GB'), pageUrl });
}

const comments = (e: Extraction) => e.records.filter((r): r is CommentRecord => r.kind === 'comment');
const byId = (e: Extraction) => new Map(comments(e).map((c) => [c.id, c]));

describe('2024+ shape: commentViewModel joined to commentEntityPayload (replies mock_3, Jan 2026)', () => {
  const extraction = extract('youtubecommentsextractor__replies__generated_mock_3.json', WATCH);
  const found = byId(extraction);

  it('yields the 20 top-level comments with text, author, likes and reply counts', () => {
    expect(extraction.failures).toEqual([]);
    expect(found.size).toBe(20);
    for (const c of found.values()) expect(c.parentId).toBeNull();
    expect(found.get(PINNED)).toMatchObject({
      platform: 'youtube',
      postId: 'xaQJbozY_Is',
      authorId: 'UCsXVk37bltHxD1rDPwtNM8Q',
      authorHandle: '@kurzgesagt',
      text: 'The 12,022 Calendar is sold out check out more scienc-y products created with love here: https://kgs.link/shop-151',
      // "9.8k" is all the 2024+ shape shows; 327 replies is exact.
      metrics: { likes: 9800, replies: 327 },
      metricsExact: false,
      approx: ['likes'],
      createdAtApprox: true,
      byCreator: true,
      pinned: true,
    });
    // "4 years ago" counted back from the observation time.
    expect(found.get(PINNED)!.createdAt!.slice(0, 4)).toBe('2022');
  });

  it('marks creator, heart and pin only where the body says so', () => {
    const list = [...found.values()];
    expect(list.filter((c) => c.byCreator).map((c) => c.id)).toEqual([PINNED]);
    expect(list.filter((c) => c.pinned).map((c) => c.id)).toEqual([PINNED]);
    // Every toolbar state in this capture is TOOLBAR_HEART_STATE_UNHEARTED.
    expect(list.filter((c) => c.hearted)).toEqual([]);
  });

  it('turns each commenter into an account with what YouTube shows (channel and handle, no followers)', () => {
    const accounts = extraction.records.filter((r): r is AccountRecord => r.kind === 'account');
    const kurz = accounts.find((a) => a.id === 'UCsXVk37bltHxD1rDPwtNM8Q')!;
    expect(kurz).toMatchObject({ handle: '@kurzgesagt', followersExact: false });
    expect(kurz.followers).toBeUndefined();
    expect(kurz.bio).toBeUndefined();
  });

  it('takes the video from the comment itself when the page does not name it', () => {
    const alone = byId(extract('youtubecommentsextractor__replies__generated_mock_3.json'));
    expect(alone.get(PINNED)!.postId).toBe('xaQJbozY_Is');
  });
});

describe('2024+ shape: a replies continuation (replies mock_4)', () => {
  const found = byId(extract('youtubecommentsextractor__replies__generated_mock_4.json', WATCH));

  it('yields 10 replies whose parent is the pinned comment', () => {
    expect(found.size).toBe(10);
    for (const c of found.values()) expect(c.parentId).toBe(PINNED);
    expect(found.get(`${PINNED}.9TOrAAD78Z59TP5tOBhBXP`)).toMatchObject({
      text: 'First',
      authorHandle: '@andrefarfan4372',
      metrics: { likes: 52 },
      metricsExact: true,
      postId: 'xaQJbozY_Is',
    });
    expect(found.get(`${PINNED}.9TOrAAD78Z59TP5tTqLxXV`)).toMatchObject({
      text: 'Furry dinosaur',
      authorHandle: '@SpaceWaffler',
      metrics: { likes: 75 },
    });
    // A reply has no reply count ("" in the toolbar): unknown, never 0.
    expect(found.get(`${PINNED}.9TOrAAD78Z59TP5tOBhBXP`)!.metrics.replies).toBeUndefined();
  });
});

describe('older shape: commentRenderer (replies mock_3 and mock_4 @ec0194cf, Dec 2023)', () => {
  const top = extract('youtubecommentsextractor__replies__generated_mock_3@ec0194cf.json');
  const found = byId(top);

  it('yields 20 comments with exact likes from the like button label, not "9.7K"', () => {
    expect(top.failures).toEqual([]);
    expect(found.size).toBe(20);
    expect(found.get(PINNED)).toMatchObject({
      postId: 'xaQJbozY_Is',
      parentId: null,
      authorId: 'UCsXVk37bltHxD1rDPwtNM8Q',
      authorHandle: '@kurzgesagt',
      metrics: { likes: 9714, replies: 350 },
      metricsExact: true,
      byCreator: true,
      pinned: true,
    });
    expect(found.get(PINNED)!.text.startsWith('The 12,022 Calendar is sold out')).toBe(true);
    expect(found.get('UgybLU4X9yIYRWyebOR4AaABAg')).toMatchObject({
      authorHandle: '@BlackGryph0n',
      metrics: { likes: 1518, replies: 23 },
    });
    expect(found.get('UgxJf6lhqWxKMT30xk14AaABAg')).toMatchObject({
      authorHandle: '@stevenee-san6201',
      metrics: { likes: 1603, replies: 21 },
      hearted: true,
    });
    expect([...found.values()].filter((c) => c.hearted)).toHaveLength(1);
    // No replyCount on a thread: unknown, never 0.
    expect(found.get('UgwIR_9bUG6Z1jdomVt4AaABAg')!.metrics).toEqual({ likes: 60 });
  });

  it('yields the 10 replies of the pinned comment with their parent', () => {
    const replies = byId(extract('youtubecommentsextractor__replies__generated_mock_4@ec0194cf.json'));
    expect(replies.size).toBe(10);
    expect(replies.get(`${PINNED}.9TOrAAD78Z59TP5tOBhBXP`)).toMatchObject({
      parentId: PINNED,
      text: 'First',
      authorHandle: '@andrefarfan4372',
      metrics: { likes: 50 },
      postId: 'xaQJbozY_Is',
    });
  });
});

describe('a replies continuation with one reply (rust_yt_scraper, keys re-sorted)', () => {
  const body = fixtureJson('youtube/ryanweiler92__rust_yt_scraper/comment_response@05368bd2.json') as {
    frameworkUpdates: { entityBatchUpdate: { mutations: Array<{ payload: Record<string, unknown> }> } };
  };
  const run = (input: unknown, pageUrl?: string) =>
    comments(youtubeAdapter.extractJson('next', input, { ...ctx(NEXT, NOW, 'en'), pageUrl }));

  it("reads the reply, its parent and its video from the comment's own link", () => {
    const [reply] = run(body, WATCH);
    expect(reply).toMatchObject({
      id: 'UgxoeeIUz3KSuBVj6pp4AaABAg.AK4OVpIR2n_AK4P9iFDjO4',
      parentId: 'UgxoeeIUz3KSuBVj6pp4AaABAg',
      // The comment's link wins over the page, which may already show the next video.
      postId: 'xhX330KjLxA',
      authorId: 'UCUJriUPtcOmdFOB5VsLeByw',
      authorHandle: '@karelprucha5465',
      text: 'btw the paiting is incredible, highly recommend to check other paintings by him',
      metrics: { likes: 1 },
      metricsExact: true,
    });
  });

  it('without that link (derived here: the surface entity removed) takes the video from a watch or shorts page, else ""', () => {
    const bare = structuredClone(body);
    const { mutations } = bare.frameworkUpdates.entityBatchUpdate;
    bare.frameworkUpdates.entityBatchUpdate.mutations = mutations.filter(
      (m) => !('commentSurfaceEntityPayload' in m.payload),
    );
    expect(run(bare)[0]!.postId).toBe('');
    expect(run(bare, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5')[0]!.postId).toBe('dQw4w9WgXcQ');
    expect(run(bare, 'https://www.youtube.com/shorts/dQw4w9WgXcQ')[0]!.postId).toBe('dQw4w9WgXcQ');
    expect(run(bare, 'https://www.youtube.com/@karelprucha5465')[0]!.postId).toBe('');
  });
});
