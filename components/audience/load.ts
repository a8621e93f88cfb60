/**
 * What the Audience view analyses, read from Dexie through indexes and bounded: the newest comments
 * by the `createdAt` index, the newest X replies (X's comments) by the index that holds replies
 * only, the own and competitor accounts by `role`, their newest posts, the
 * commenters' accounts by primary key, and the user's theme edits. Comments without a date (a time
 * the site shows that could not be read) are outside the `createdAt` index: while the analysed
 * comments leave room they are read too, at the time they were first seen. The result is plain data
 * a Web Worker can take.
 */
import { Dexie } from 'dexie';
import type { AudienceInput } from '@/lib/audience/analyse';
import { editsOf, startsOf, type ThemeEditRow } from '@/lib/audience/edits';
import type { AccountLike, CommentLike, PostLike } from '@/lib/audience/types';
import { now } from '@/lib/clock';
import { db, type StoredAccount, type StoredComment, type StoredPost } from '@/lib/db/schema';
import type { Platform } from '@/lib/records';
import { accountsWithRole, postsOf, timeZoneSetting } from '../queries';

/**
 * The newest comments analysed, and as many X replies: 10k are grouped in about a second in a
 * worker (issue 13's budget).
 */
export const MAX_COMMENTS = 10_000;
/** Own and competitor posts per account: enough to tell which themes a post already speaks of. */
const POSTS_PER_ACCOUNT = 2_000;

export interface AudienceData {
  input: AudienceInput;
  /**
   * Comments stored beyond the ones analysed (0 when all were); null when the newest comments
   * filled the analysis: then commentsLeftOut counts them apart, after the first content.
   */
  leftOut: number | null;
  /** Read with a smaller limit than the view's, which would analyse more than these. */
  partial: boolean;
  /** Comments analysed without a date of their own, placed at when they were first seen. */
  undated: number;
  ownAccounts: number;
  /** The user's theme edits (also applied in `input`), for the view's ways back. */
  edits: ThemeEditRow[];
  /** Competitors' posts that offer a course (course sightings and saved courses found in them). */
  coursePosts: CoursePost[];
}

export interface CoursePost {
  platform: string;
  postId: string;
  course: string;
}

export const commentOf = (c: StoredComment): CommentLike => ({
  platform: c.platform,
  id: c.id,
  postId: c.postId,
  parentId: c.parentId,
  authorId: c.authorId,
  authorHandle: c.authorHandle,
  authorName: c.authorName,
  text: c.text,
  createdAt: c.createdAt,
  metrics: { likes: c.metrics.likes, replies: c.metrics.replies },
});

export const replyOf = (p: StoredPost): CommentLike => ({
  platform: p.platform,
  id: p.id,
  postId: '',
  replyTo: p.replyTo ?? null,
  conversationId: p.conversationId ?? null,
  authorId: p.authorId,
  authorHandle: p.authorHandle,
  authorName: p.authorName,
  text: p.text,
  createdAt: p.createdAt,
  metrics: { likes: p.metrics.likes, replies: p.metrics.comments },
});

const postOf = (p: StoredPost): PostLike => ({
  platform: p.platform,
  id: p.id,
  authorId: p.authorId,
  authorHandle: p.authorHandle,
  text: p.text,
  createdAt: p.createdAt,
});

const accountOf = (a: StoredAccount): AccountLike => ({
  platform: a.platform,
  id: a.id,
  handle: a.handle,
  name: a.name,
  followers: a.followers,
  bio: a.bio,
  location: a.location,
});

/** A comment without a date of its own, placed at when it was first seen (an approximation the view says). */
const undatedOf = (c: StoredComment): CommentLike => ({
  ...commentOf(c),
  createdAt: new Date(c.firstSeenAt).toISOString(),
});

/**
 * Up to `room` comments the `createdAt` index does not hold, when the dated ones (all `dated` of
 * them, since they left room) did not fill the analysis. The walk stops after at most the dated
 * comments and `room` undated ones.
 */
async function undatedComments(stored: number, dated: number, room: number): Promise<StoredComment[]> {
  const undated = stored - dated;
  if (undated <= 0 || room <= 0) return [];
  return db()
    .comments.filter((c) => !c.createdAt)
    .limit(Math.min(room, undated))
    .toArray();
}

/** Newest first: by time, then by id (as the [platform+createdAt] index reads backwards). */
const newestFirst = (a: StoredPost, b: StoredPost): number =>
  a.createdAt! < b.createdAt! ? 1 : a.createdAt! > b.createdAt! ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * The newest `limit` X replies, newest first, from [platform+createdAt+replyTo], which holds
 * replies only. The view read the newest 10k X posts to keep their replies before (0.7-0.8 s at
 * 100k posts, most of them no replies); any bound on posts needs a walk of as many index entries
 * as the bound (0.5 s even for their keys alone), so the bound is on the replies themselves.
 */
export async function xReplies(limit = MAX_COMMENTS): Promise<StoredPost[]> {
  const replies = await db()
    .posts.where('[platform+createdAt+replyTo]')
    // Two-part bounds take every reply of the platform: a key orders after its own prefix.
    .between(['x', Dexie.minKey], ['x', Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  return replies.sort(newestFirst);
}

/** Comments read to learn the hours the audience comments in: the newest, enough for 24 counts. */
const HOURS_SAMPLE = 2_000;

/** The newest comments and X replies, for lib/metrics/suggest.ts `audienceHoursUnder`. */
export async function recentComments(limit = HOURS_SAMPLE): Promise<CommentLike[]> {
  const [comments, replies] = await Promise.all([
    db().comments.orderBy('createdAt').reverse().limit(limit).toArray(),
    xReplies(limit),
  ]);
  return [...comments.map(commentOf), ...replies.map(replyOf)];
}

/** The view's data: the newest `limit` comments and what goes with them (a smaller limit in tests). */
export async function loadAudience(limit = MAX_COMMENTS): Promise<AudienceData> {
  const database = db();
  const [timeZone, own, competitors, comments, replies, edits] = await Promise.all([
    timeZoneSetting(),
    accountsWithRole('mine'),
    accountsWithRole('competitor'),
    database.comments.orderBy('createdAt').reverse().limit(limit).toArray(),
    xReplies(limit),
    database.themeEdits.toArray(),
  ]);
  // Chromium counts by walking the rows (0.2-0.3 s at 100k comments), so the table is counted here
  // only when fewer than the limit were read, which means all the dated ones were: the rest are
  // undated, and some may be analysed.
  const stored = comments.length < limit ? await database.comments.count() : null;
  const undated =
    stored === null ? [] : await undatedComments(stored, comments.length, limit - comments.length);
  const leftOut = stored === null ? null : Math.max(0, stored - comments.length - undated.length);
  const partial = limit < MAX_COMMENTS && !(leftOut === 0 && replies.length < limit);
  const all = [...comments.map(commentOf), ...undated.map(undatedOf), ...replies.map(replyOf)];
  const authorKeys = new Map<string, [Platform, string]>();
  for (const c of all) authorKeys.set(`${c.platform}:${c.authorId}`, [c.platform as Platform, c.authorId]);
  // The commenters are read beside the posts, not after them: one wait on the database fewer.
  // A first step that leaves comments for the whole read reads the accounts' posts in proportion,
  // and no courses: 2,000 posts of each account and thousands of courses took longer than its
  // comments. One that read every comment is the whole read.
  const [posts, courses, commenters] = await Promise.all([
    postsOf(
      [...own, ...competitors],
      partial ? Math.ceil((POSTS_PER_ACCOUNT * limit) / MAX_COMMENTS) : POSTS_PER_ACCOUNT,
    ),
    // Courses are few (the ones the user saved or saw offered); a dismissed sighting is no course.
    partial || competitors.length === 0
      ? []
      : database.courses.where('status').anyOf(['saved', 'sighting', 'link']).toArray(),
    database.accounts.bulkGet([...authorKeys.values()]),
  ]);
  const competitorIds = new Set(competitors.map((a) => `${a.platform}:${a.id}`));
  const competitorPosts = new Map(
    posts.filter((p) => competitorIds.has(`${p.platform}:${p.authorId}`)).map((p) => [p.id, p]),
  );
  const coursePosts = courses.flatMap((c): CoursePost[] => {
    const post = c.seenIn === undefined ? undefined : competitorPosts.get(c.seenIn);
    return post ? [{ platform: post.platform, postId: post.id, course: c.title || c.url }] : [];
  });
  return {
    input: {
      comments: all,
      posts: posts.map(postOf),
      accounts: commenters.flatMap((a) => (a ? [accountOf(a)] : [])),
      ownIds: own.map((a) => a.id),
      competitorIds: competitors.map((a) => a.id),
      now: now(),
      timeZone,
      edits: editsOf(edits),
      previous: startsOf(edits),
    },
    leftOut,
    partial,
    undated: undated.length,
    ownAccounts: own.length,
    edits,
    coursePosts,
  };
}

/** The comments a full analysis (the newest `limit`, all dated) leaves out. */
export async function commentsLeftOut(limit = MAX_COMMENTS): Promise<number> {
  return Math.max(0, (await db().comments.count()) - limit);
}

/**
 * What the analysis depends on, as one string: equal strings give equal reports (the clock aside,
 * which moves recency by minutes at most between two reads).
 */
export function fingerprintOf(data: AudienceData): string {
  const { input } = data;
  // FNV-1a over the fields the analysis reads: cheaper to keep than the inputs themselves.
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  };
  // Texts count by their length: hashing every character of 10k comments took up to 0.27 s on the UI
  // thread under load. An edit keeping a text's length keeps the analysis until anything else changes
  // (the texts shown are read fresh; only that comment's tags and theme wait).
  for (const c of input.comments)
    mix(
      `${c.platform}:${c.id}:${c.postId ?? c.conversationId ?? ''}:${c.metrics?.likes ?? ''}:${c.createdAt ?? ''}:${c.text.length}\n`,
    );
  for (const p of input.posts ?? []) mix(`${p.platform}:${p.id}:${p.authorId}:${p.text.length}\n`);
  for (const a of input.accounts ?? [])
    mix(`${a.platform}:${a.id}:${a.followers ?? ''}:${a.bio?.length ?? ''}:${a.location ?? ''}\n`);
  mix(JSON.stringify([input.ownIds, input.competitorIds, input.timeZone, data.edits]));
  return `${input.comments.length}:${(hash >>> 0).toString(36)}`;
}
