/**
 * The record contract's fixed vocabularies and size caps, free of zod so UI pages and content
 * scripts can use them without bundling the validator. lib/records.ts builds its schemas from these;
 * extractors clip to the caps, since one over-long field would fail a whole batch at the background.
 */
export const PLATFORMS = ['x', 'weibo', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const POST_FORMATS = ['text', 'image', 'video', 'short', 'live', 'article'] as const;
export const METRIC_KEYS = ['views', 'likes', 'reposts', 'quotes', 'comments', 'bookmarks'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
/** A comment's counts: its likes and the replies under it. */
export const COMMENT_METRIC_KEYS = ['likes', 'replies'] as const;
export type CommentMetricKey = (typeof COMMENT_METRIC_KEYS)[number];
export const COURSE_SOURCES = ['jsonld', 'microdata', 'opengraph', 'site', 'post'] as const;
export const MAX_BATCH_RECORDS = 500;
export const MAX_BATCH_FAILURES = 50;
// Size caps: they keep a forged or runaway message from filling the database.
export const MAX_ID = 64;
export const MAX_NAME = 200;
/** A course title: five names' worth. */
export const MAX_TITLE = MAX_NAME * 5;
export const MAX_TEXT = 25_000;
export const MAX_URL = 2048;
export const MAX_LIST = 50;
/** A profile's bio: X allows 160 characters, Weibo 70; room for both with their emoji and links. */
export const MAX_BIO = 1000;
export const MAX_PRICE = 1e9;
/** An unread response's key skeleton (lib/diagnostic.ts) and its endpoint path. */
export const MAX_SKELETON_CHARS = 12_000;
export const MAX_ENDPOINT_CHARS = 300;
