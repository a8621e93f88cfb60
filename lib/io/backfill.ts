/**
 * Backfill: saved response bodies, saved pages and HAR files through the same extractors as live
 * capture. Shared by the extract CLI and the dashboard's import; the caller supplies the HTML
 * parser (the browser's DOMParser, or happy-dom in Node).
 */
import type { CaptureRecord, ExtractFailure } from '../records';
import { extractCourseJson, readCoursePage } from '../sites/course';
import { ADAPTERS, adapterForUrl } from '../sites/index';
import type { SiteAdapter } from '../sites/types';
import { isCommentListBody, isShowBody, isStatusListBody } from '../sites/weibo/json';

export interface BackfillOptions {
  fileName?: string;
  /** The URL the body was fetched from; required to pick the endpoint of a bare JSON body. */
  url?: string;
  /**
   * The page the responses were seen on (a YouTube comments continuation names its video only
   * there). A HAR file's own page list is used for entries when this is not given.
   */
  pageUrl?: string;
  now: Date;
  parseHtml: (html: string, url: string) => Document;
}

export type BackfillResult =
  | { ok: true; records: CaptureRecord[]; failures: ExtractFailure[]; entries: number }
  | { ok: false; reason: string };

interface HarEntry {
  pageref?: unknown;
  request?: { url?: unknown };
  response?: { content?: { text?: unknown; encoding?: unknown; mimeType?: unknown } };
}

export function extractFile(text: string, options: BackfillOptions): BackfillResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) return { ok: false, reason: 'the file is empty' };
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, reason: `not valid JSON: ${(error as Error).message.split('\n')[0]}` };
    }
    const entries = harEntries(json);
    if (entries) return extractHar(entries, harPages(json), options);
    const url = options.url;
    if (!url) return guessJson(json, options);
    const body = extractBody(url, json, undefined, options);
    return body.ok ? { ...body, entries: 1 } : body;
  }
  if (/^<(!doctype|html|head|body|div|article|\?xml|script|meta)/i.test(trimmed) || trimmed.startsWith('<')) {
    const url = options.url ?? canonicalOf(trimmed);
    if (!url) return { ok: false, reason: 'an HTML page needs --url (no canonical URL in the page)' };
    const body = extractBody(url, undefined, trimmed, options);
    return body.ok ? { ...body, entries: 1 } : body;
  }
  return { ok: false, reason: 'neither JSON, HTML nor a HAR file' };
}

function harEntries(json: unknown): Array<HarEntry | null> | null {
  const log = (json as { log?: { entries?: unknown } } | null)?.log;
  return log && Array.isArray(log.entries) ? (log.entries as Array<HarEntry | null>) : null;
}

/** HAR `log.pages`: id → the page's URL (browsers write it as the page title). */
function harPages(json: unknown): Map<string, string> {
  const pages = (json as { log?: { pages?: unknown } }).log?.pages;
  const byId = new Map<string, string>();
  if (!Array.isArray(pages)) return byId;
  for (const page of pages as Array<{ id?: unknown; title?: unknown } | null>) {
    if (typeof page?.id === 'string' && typeof page.title === 'string' && /^https?:\/\//i.test(page.title))
      byId.set(page.id, page.title);
  }
  return byId;
}

function extractHar(
  entries: Array<HarEntry | null>,
  pages: Map<string, string>,
  options: BackfillOptions,
): BackfillResult {
  const records: CaptureRecord[] = [];
  const failures: ExtractFailure[] = [];
  let used = 0;
  for (const entry of entries) {
    // A HAR is user input: an entry may be null or a number.
    const url = typeof entry?.request?.url === 'string' ? entry.request.url : undefined;
    const content = entry?.response?.content;
    if (!url || typeof content?.text !== 'string' || !content.text) continue;
    const text = content.encoding === 'base64' ? decodeBase64(content.text) : content.text;
    const trimmed = text.trimStart();
    let json: unknown;
    let html: string | undefined;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        json = JSON.parse(trimmed);
      } catch {
        continue;
      }
    } else if (typeof content.mimeType === 'string' && content.mimeType.includes('html')) html = text;
    else continue;
    const pageUrl =
      options.pageUrl ?? (typeof entry?.pageref === 'string' ? pages.get(entry.pageref) : undefined);
    const result = extractBody(url, json, html, { ...options, pageUrl }, true);
    if (!result.ok) continue;
    used++;
    records.push(...result.records);
    failures.push(...result.failures);
  }
  return { ok: true, records, failures, entries: used };
}

function extractBody(
  url: string,
  json: unknown,
  html: string | undefined,
  options: BackfillOptions,
  quietUnknown = false,
): { ok: true; records: CaptureRecord[]; failures: ExtractFailure[] } | { ok: false; reason: string } {
  const ctx = { url, now: options.now, ...(options.pageUrl ? { pageUrl: options.pageUrl } : {}) };
  const adapter = adapterForUrl(url);
  if (html !== undefined) {
    // Records carry the page URL, and the record contract takes only http(s) ones.
    if (!/^https?:\/\//i.test(url))
      return { ok: false, reason: `not an http(s) page URL: ${url.slice(0, 200)}` };
    const doc = options.parseHtml(html, url);
    if (adapter)
      return {
        ok: true,
        ...adapter.extractDom(doc, { ...ctx, locale: doc.documentElement?.lang || undefined }),
      };
    return { ok: true, ...coursePageRecords(doc, url) };
  }
  if (adapter) {
    const endpoint = adapter.endpointOf(url);
    if (!endpoint) {
      return quietUnknown ? { ok: false, reason: 'skip' } : { ok: false, reason: `no extractor for ${url}` };
    }
    return { ok: true, ...adapter.extractJson(endpoint, json, ctx) };
  }
  const courses = extractCourseJson(url, json);
  if (courses.length) return { ok: true, records: courses, failures: [] };
  return quietUnknown ? { ok: false, reason: 'skip' } : { ok: false, reason: `no extractor for ${url}` };
}

/**
 * A course page gives its course, a listing page one record per listed course; a page that is
 * neither gives no record (a record titled like the page was junk) and says why.
 */
function coursePageRecords(
  doc: Document,
  url: string,
): { records: CaptureRecord[]; failures: ExtractFailure[] } {
  const read = readCoursePage(doc, url);
  if (read.kind === 'course') return { records: [read.course], failures: [] };
  if (read.kind === 'list') return { records: read.courses, failures: [] };
  return {
    records: [],
    failures: [
      {
        extractor: 'course.page',
        reason: `neither one course nor a list of courses: ${read.page.slice(0, 200)}`,
      },
    ],
  };
}

/**
 * A bare JSON body without its URL: try each site with its most general endpoint and keep the one
 * that finds the most records, so a user's saved body still works when they forget --url.
 */
function guessJson(json: unknown, options: BackfillOptions): BackfillResult {
  // Weibo's readers take any object with an id as a status or a comment: only a body of such may take them.
  const weibo = (url: string, holds: (body: unknown) => boolean): Array<[SiteAdapter, string]> =>
    holds(json) ? [[ADAPTERS.weibo, url]] : [];
  const guesses: Array<[SiteAdapter, string]> = [
    [ADAPTERS.x, 'https://x.com/i/api/graphql/_/UserTweets'],
    [ADAPTERS.x, 'https://api.x.com/1.1/statuses/user_timeline.json'],
    [ADAPTERS.x, 'https://api.x.com/2/tweets'],
    [ADAPTERS.weibo, 'https://m.weibo.cn/api/container/getIndex'],
    ...weibo('https://weibo.com/ajax/statuses/mymblog', isStatusListBody),
    ...weibo('https://weibo.com/ajax/statuses/show', isShowBody),
    // Comment pages: weibo.com buildComments reads m.weibo.cn hotflow bodies too; without the page a
    // YouTube comments continuation names no video (postId "").
    ...weibo('https://weibo.com/ajax/statuses/buildComments', isCommentListBody),
    [ADAPTERS.youtube, 'https://www.youtube.com/youtubei/v1/browse'],
    [ADAPTERS.youtube, 'https://www.youtube.com/youtubei/v1/player'],
    [ADAPTERS.youtube, 'https://www.youtube.com/youtubei/v1/next'],
  ];
  let best: { records: CaptureRecord[]; failures: ExtractFailure[] } = { records: [], failures: [] };
  for (const [adapter, url] of guesses) {
    const endpoint = adapter.endpointOf(url);
    if (!endpoint) continue;
    const result = adapter.extractJson(endpoint, json, { url, now: options.now });
    if (result.records.length > best.records.length) best = result;
  }
  if (best.records.length === 0) {
    // A course platform's list body (极客时间 columns, Udemy api-2.0/courses) is known by its shape.
    const courses = extractCourseJson('', json);
    if (courses.length) return { ok: true, records: courses, failures: [], entries: 1 };
    return { ok: false, reason: 'no records found; give the URL the body was fetched from with --url' };
  }
  return { ok: true, ...best, entries: 1 };
}

function canonicalOf(html: string): string | undefined {
  const m =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html);
  return m?.[1] && /^https?:\/\//.test(m[1]) ? m[1] : undefined;
}

function decodeBase64(text: string): string {
  try {
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}
