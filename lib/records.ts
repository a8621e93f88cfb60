/**
 * The record contract (DESIGN.md "Record contract") and the message protocol between content
 * scripts and the background. Content scripts must `import type` from here only, so zod stays out
 * of the page bundles; the background validates every message with these schemas.
 *
 * Public interface: extend with optional fields, never rename.
 */
import { z } from 'zod';
import {
  COMMENT_METRIC_KEYS,
  COURSE_SOURCES,
  type CommentMetricKey,
  MAX_BATCH_FAILURES,
  MAX_BATCH_RECORDS,
  MAX_BIO,
  MAX_ENDPOINT_CHARS,
  MAX_ID,
  MAX_LIST,
  MAX_NAME,
  MAX_PRICE,
  MAX_SKELETON_CHARS,
  MAX_TEXT,
  MAX_TITLE,
  MAX_URL,
  METRIC_KEYS,
  type MetricKey,
  PLATFORMS,
  POST_FORMATS,
} from './record-keys';

export {
  COMMENT_METRIC_KEYS,
  COURSE_SOURCES,
  type CommentMetricKey,
  MAX_BATCH_FAILURES,
  MAX_BATCH_RECORDS,
  MAX_ID,
  MAX_URL,
  METRIC_KEYS,
  type MetricKey,
  PLATFORMS,
  POST_FORMATS,
};

export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const nativeId = z.string().min(1).max(MAX_ID);
export const httpUrl = z
  .string()
  .max(MAX_URL)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const isoDate = z.iso.datetime({ offset: true });

export const Metrics = z.strictObject({
  views: count.optional(),
  likes: count.optional(),
  reposts: count.optional(),
  quotes: count.optional(),
  comments: count.optional(),
  bookmarks: count.optional(),
});
export type Metrics = z.infer<typeof Metrics>;

/** Who wrote a post or comment, what and when: the same fields, the same caps, for both. */
const authored = {
  authorId: z.string().max(MAX_ID),
  authorHandle: z.string().max(MAX_NAME),
  authorName: z.string().max(MAX_NAME),
  text: z.string().max(MAX_TEXT),
  createdAt: isoDate.nullable(),
  createdAtApprox: z.boolean(),
};

export const PostRecord = z.strictObject({
  kind: z.literal('post'),
  platform: Platform,
  id: nativeId,
  url: httpUrl,
  ...authored,
  format: z.enum(POST_FORMATS),
  repostOf: nativeId.nullable(),
  metrics: Metrics,
  metricsExact: z.boolean(),
  links: z.array(httpUrl).max(MAX_LIST),
  hashtags: z.array(z.string().max(MAX_NAME)).max(MAX_LIST),
  /**
   * Extension: which counts are abbreviated when only some are ("87万次播放" beside exact likes).
   * Absent with `metricsExact: false` means every count is approximate.
   */
  approx: z.array(z.enum(METRIC_KEYS)).max(METRIC_KEYS.length).optional(),
  /** Extension: counts that are a floor ("100万+", Weibo's capped 1000000), never a value. */
  lowerBounds: z.array(z.enum(METRIC_KEYS)).max(METRIC_KEYS.length).optional(),
  /** Extension: Weibo `mblogid`/`bid`, kept for URLs. */
  shortId: z.string().max(MAX_ID).optional(),
  /** Extension: the quoted post's id, when this post quotes another. */
  quoteOf: nativeId.nullable().optional(),
  /**
   * Extension: only text, links, hashtags and counts are known (Weibo's long-text bodies name no
   * author, time or format); the stored post keeps everything else.
   */
  partial: z.literal(true).optional(),
  /** X replies: the post answered (`in_reply_to_status_id_str`). */
  replyTo: nativeId.optional(),
  /** X: the thread's root post (`conversation_id_str`); equals `id` on a thread's first post. */
  conversationId: nativeId.optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

export const AccountRecord = z.strictObject({
  kind: z.literal('account'),
  platform: Platform,
  id: nativeId,
  handle: z.string().max(MAX_NAME),
  name: z.string().max(MAX_NAME),
  followers: count.optional(),
  following: count.optional(),
  posts: count.optional(),
  followersExact: z.boolean(),
  /** What the profile says about itself (X `description` / `profile_bio`, Weibo `description`). */
  bio: z.string().max(MAX_BIO).optional(),
  /** The location the profile states (free text, as shown). */
  location: z.string().max(MAX_NAME).optional(),
  /**
   * Extension (issue 14, "your accounts, recognised"): the page says the signed-in viewer IS this
   * account, from the site's own data (X `__INITIAL_STATE__.session.user_id`, Weibo
   * `$CONFIG['uid']`) or from the owner's controls on the profile (YouTube's "Customize channel" /
   * "Manage videos" links into YouTube Studio for this channel). The background then asks the user
   * once whether to track the account as theirs; it never marks it "Mine" by itself. An account
   * record carrying only this fact may have an empty `handle` and `name` (unknown, never cleared).
   */
  viewerIsOwner: z.literal(true).optional(),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

export const CommentMetrics = z.strictObject({
  likes: count.optional(),
  replies: count.optional(),
});
export type CommentMetrics = z.infer<typeof CommentMetrics>;

/**
 * A comment under a post on YouTube or Weibo (on X a reply is a post with `replyTo`). Others' words:
 * deleting the post deletes its comments, and forgetting a person deletes theirs.
 */
export const CommentRecord = z.strictObject({
  kind: z.literal('comment'),
  platform: Platform,
  id: nativeId,
  /** The post it is under; "" when the body alone does not say (a YouTube continuation without its page). */
  postId: z.string().max(MAX_ID),
  /** The comment it answers, or null for a top-level comment. */
  parentId: nativeId.nullable(),
  ...authored,
  metrics: CommentMetrics,
  metricsExact: z.boolean(),
  /** Extension: which counts are abbreviated ("1.2K" likes beside an exact reply count). */
  approx: z.array(z.enum(COMMENT_METRIC_KEYS)).max(COMMENT_METRIC_KEYS.length).optional(),
  /** Extension: the region the site shows with the comment (Weibo IP属地 "来自江苏" → "江苏"). */
  region: z.string().max(MAX_NAME).optional(),
  /** Extension: written by the post's own author (YouTube's creator badge). */
  byCreator: z.literal(true).optional(),
  /** Extension: the post's author liked it (YouTube's heart, Weibo's 作者赞过). */
  hearted: z.literal(true).optional(),
  /** Extension: pinned to the top by the post's author. */
  pinned: z.literal(true).optional(),
});
export type CommentRecord = z.infer<typeof CommentRecord>;

export const CourseRecord = z.strictObject({
  kind: z.literal('course'),
  url: httpUrl,
  title: z.string().max(MAX_TITLE),
  provider: z.string().max(MAX_NAME),
  instructor: z.string().max(MAX_NAME).optional(),
  price: z.number().nonnegative().max(MAX_PRICE).nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  listPrice: z.number().nonnegative().max(MAX_PRICE).optional(),
  students: count.optional(),
  rating: z.number().min(0).max(10).optional(),
  ratingCount: count.optional(),
  source: z.enum(COURSE_SOURCES),
  seenIn: nativeId.optional(),
  /** Extensions (issue 5): lessons count, language, and fields a page lacked. */
  lessons: count.optional(),
  language: z.string().max(35).optional(),
  missing: z.array(z.string().max(40)).max(20).optional(),
  /** The listing page (search, category, instructor page) the course was saved from (issue 16). */
  listedOn: httpUrl.optional(),
});
export type CourseRecord = z.infer<typeof CourseRecord>;

export const CaptureRecord = z.discriminatedUnion('kind', [
  PostRecord,
  CommentRecord,
  AccountRecord,
  CourseRecord,
]);
export type CaptureRecord = z.infer<typeof CaptureRecord>;

/** A parse failure is an explicit result naming the extractor, never a silent zero. */
export const ExtractFailure = z.strictObject({
  extractor: z.string().max(80),
  reason: z.string().max(500),
  /**
   * A known endpoint answered with data that yielded no records (lib/diagnostic.ts): the URL's path
   * and the response's key skeleton, which holds keys and value types only.
   */
  endpoint: z
    .string()
    .max(MAX_ENDPOINT_CHARS)
    .regex(/^\/[\w\-./:~@%]*$/)
    .optional(),
  skeleton: z.string().max(MAX_SKELETON_CHARS).optional(),
});
export type ExtractFailure = z.infer<typeof ExtractFailure>;

export interface Extraction {
  records: CaptureRecord[];
  failures: ExtractFailure[];
}

/** What every extractor gets besides its input: where the body came from and when it was seen. */
export interface ExtractContext {
  /** Where the body came from: the response URL for JSON, the page URL for a document. */
  url: string;
  /**
   * The page a JSON response was seen on, when that is not `url` (a YouTube comments continuation
   * names no video; its watch page does). The content script passes `location.href`; the extract
   * CLI `--page`.
   */
  pageUrl?: string;
  /** Observation time; relative dates ("3小时前") are resolved against it. */
  now: Date;
  /** Page language (`document.documentElement.lang`), for locale-dependent numbers. */
  locale?: string;
}

export const CaptureBatch = z.strictObject({
  type: z.literal('capture'),
  /** Resends reuse the id, so a batch applied twice is recognised. */
  batchId: z.string().min(8).max(64),
  site: Platform,
  pageUrl: httpUrl,
  /** The extractor that produced the records ("x.UserTweets", "youtube.dom"), for the health view. */
  source: z
    .string()
    .max(80)
    .regex(/^[a-z]+\.[\w./-]+$/),
  records: z.array(CaptureRecord).max(MAX_BATCH_RECORDS),
  failures: z.array(ExtractFailure).max(MAX_BATCH_FAILURES),
  /** When the page saw these counts (epoch ms): a batch resent late must not overwrite newer counts. */
  observedAt: z.number().int().nonnegative().optional(),
});
export type CaptureBatch = z.infer<typeof CaptureBatch>;

export type CaptureAck = { ok: true; batchId: string; written: number } | { ok: false; reason: string };
