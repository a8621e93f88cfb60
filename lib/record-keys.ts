/**
 * The record contract's fixed vocabularies, free of zod so UI pages and content scripts can use
 * them without bundling the validator. lib/records.ts builds its schemas from these.
 */
export const PLATFORMS = ['x', 'weibo', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const POST_FORMATS = ['text', 'image', 'video', 'short', 'live', 'article'] as const;
export const METRIC_KEYS = ['views', 'likes', 'reposts', 'quotes', 'comments', 'bookmarks'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export const COURSE_SOURCES = ['jsonld', 'microdata', 'opengraph', 'site', 'post'] as const;
export const MAX_BATCH_RECORDS = 500;
export const MAX_BATCH_FAILURES = 50;
