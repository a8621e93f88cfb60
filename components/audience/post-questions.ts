/**
 * The popup's questions under the posts captured on the current tab, read through indexes and
 * bounded: each post's comments by [platform+postId], and on X the replies among the posts created
 * after it by [platform+createdAt] (posts have no index by replyTo).
 */
import { Dexie } from 'dexie';
import { type PostQuestions, topQuestions } from '@/lib/audience/questions';
import type { CommentLike } from '@/lib/audience/types';
import { db, type StoredPost } from '@/lib/db/schema';
import { commentOf, replyOf } from './load';

/**
 * Comments (or X posts scanned for replies) read for the tab, shared among its posts: tagging 500
 * takes about a fifth of the popup's 200 ms (npm run bench -- --only audience).
 */
export const POPUP_COMMENTS = 500;
/** Posts of the tab looked at: a post page has one; a timeline's first few are the ones in view. */
const POSTS_LOOKED_AT = 3;

type PostKey = Pick<StoredPost, 'platform' | 'id' | 'authorId' | 'createdAt' | 'replyTo' | 'conversationId'>;

async function commentsUnder(post: PostKey, limit: number): Promise<CommentLike[]> {
  if (post.platform !== 'x') {
    const rows = await db()
      .comments.where('[platform+postId]')
      .equals([post.platform, post.id])
      .limit(limit)
      .toArray();
    return rows.map(commentOf);
  }
  if (!post.createdAt) return [];
  const later = await db()
    .posts.where('[platform+createdAt]')
    .between(['x', post.createdAt], ['x', Dexie.maxKey])
    .limit(limit)
    .toArray();
  return later
    .filter((p) => p.id !== post.id && (p.conversationId === post.id || p.replyTo === post.id))
    .map(replyOf);
}

/**
 * The posts whose comments the tab shows: its posts that answer none, and the thread roots of its X
 * replies (an X post page captures the replies after the root, so the root can be past the popup's
 * first 20 captures).
 */
async function rootsOf(posts: readonly PostKey[]): Promise<PostKey[]> {
  const roots = new Map<string, PostKey>();
  const threads = new Set<string>();
  for (const p of posts) {
    if (!p.replyTo) roots.set(`${p.platform}:${p.id}`, p);
    else if (p.conversationId) threads.add(p.conversationId);
  }
  const missing = [...threads].filter((id) => !roots.has(`x:${id}`)).slice(0, POSTS_LOOKED_AT);
  const found = await db().posts.bulkGet(missing.map((id) => ['x', id] as ['x', string]));
  for (const p of found) if (p) roots.set(`x:${p.id}`, p);
  return [...roots.values()].slice(0, POSTS_LOOKED_AT);
}

/** Top questions under the tab's posts, or null when none ask. */
export async function postQuestions(posts: readonly PostKey[]): Promise<PostQuestions | null> {
  const roots = await rootsOf(posts);
  if (roots.length === 0) return null;
  const limit = Math.ceil(POPUP_COMMENTS / roots.length);
  const comments = (await Promise.all(roots.map((post) => commentsUnder(post, limit)))).flat();
  const found = topQuestions(comments, new Set(roots.map((post) => post.authorId)));
  return found.questions === 0 ? null : found;
}
