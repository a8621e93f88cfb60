/**
 * Reading comment, post and account records from untrusted JSON (files, backups, worker messages):
 * only the fields lib/audience uses are checked, leniently, and text is capped. X replies are post
 * records with `replyTo`: they are the comments of X.
 */
import type { AccountLike, CommentLike, PostLike } from './types';

/** Longer texts are cut: a comment is never this long, and a hostile file must not stall the run. */
const MAX_TEXT = 10_000;

export interface AudienceRecords {
  comments: CommentLike[];
  posts: PostLike[];
  accounts: AccountLike[];
  /** Values that were not records lib/audience can read. */
  skipped: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function likesOf(metrics: unknown): { likes?: number; replies?: number } {
  if (!isObj(metrics)) return {};
  const likes = num(metrics.likes);
  const replies = num(metrics.replies) ?? num(metrics.comments);
  return { ...(likes === undefined ? {} : { likes }), ...(replies === undefined ? {} : { replies }) };
}

/** Adds one record (kind "comment", "post" or "account"; stored rows may lack `kind`). */
export function addRecord(
  into: AudienceRecords,
  value: unknown,
  kind = isObj(value) ? value.kind : undefined,
): void {
  if (!isObj(value)) {
    into.skipped++;
    return;
  }
  const platform = str(value.platform);
  const id = str(value.id);
  if (!platform || !id) {
    into.skipped++;
    return;
  }
  if (kind === 'account') {
    into.accounts.push({
      platform,
      id,
      handle: str(value.handle),
      name: str(value.name),
      followers: num(value.followers),
      bio: str(value.bio)?.slice(0, MAX_TEXT),
      location: str(value.location),
    });
    return;
  }
  const authorId = str(value.authorId);
  const text = str(value.text);
  if (authorId === undefined || text === undefined || (kind !== 'comment' && kind !== 'post')) {
    into.skipped++;
    return;
  }
  const createdAt = str(value.createdAt) ?? null;
  const replyTo = str(value.replyTo);
  if (kind === 'post' && !replyTo) {
    into.posts.push({
      platform,
      id,
      authorId,
      authorHandle: str(value.authorHandle),
      text: text.slice(0, MAX_TEXT),
      createdAt,
    });
    return;
  }
  into.comments.push({
    platform,
    id,
    postId: str(value.postId) ?? '',
    parentId: str(value.parentId) ?? null,
    replyTo: replyTo ?? null,
    conversationId: str(value.conversationId) ?? null,
    authorId,
    authorHandle: str(value.authorHandle),
    authorName: str(value.authorName),
    text: text.slice(0, MAX_TEXT),
    createdAt,
    metrics: likesOf(value.metrics),
  });
}

export const emptyRecords = (): AudienceRecords => ({ comments: [], posts: [], accounts: [], skipped: 0 });
