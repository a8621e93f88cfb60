/**
 * The shapes lib/audience reads and returns. Inputs are the minimum the record contract's comment,
 * post and account records (and their stored rows, which drop `kind`) already satisfy, so this
 * folder depends on no capture code, no Dexie and no DOM: a Web Worker can run it on plain data.
 */

/** A comment (YouTube, Weibo) or an X reply (a post with `replyTo`). */
export interface CommentLike {
  platform: string;
  id: string;
  /** The post it is under; "" when unknown. X replies carry `conversationId` instead. */
  postId?: string;
  parentId?: string | null;
  /** X: the id answered. */
  replyTo?: string | null;
  /** X: the thread's root post. */
  conversationId?: string | null;
  authorId: string;
  authorHandle?: string;
  authorName?: string;
  text: string;
  createdAt?: string | null;
  metrics?: { likes?: number; replies?: number };
}

export interface PostLike {
  platform: string;
  id: string;
  authorId: string;
  authorHandle?: string;
  text: string;
  createdAt?: string | null;
}

export interface AccountLike {
  platform: string;
  id: string;
  handle?: string;
  name?: string;
  followers?: number;
  bio?: string;
  location?: string;
}

export type Lang = 'zh' | 'en';

export const TAGS = ['question', 'problem', 'request'] as const;
export type Tag = (typeof TAGS)[number];

/** The theme id of comments that express no need. */
export const OTHER = 'other';
