import type { AccountRecord, CourseRecord, Extraction, PostRecord } from '../../../../lib/records';
import { youtubeAdapter } from '../../../../lib/sites/youtube';
import { ctx, fixtureText } from '../../fixtures';

export const NEWPIPE = 'youtube/TeamNewPipe__NewPipeExtractor/';
export const IV = 'youtube/iv-org__mocks/';
export const PYTUBE = 'youtube/pytube__pytube/';
export const METASCRAPER = 'youtube/microlinkhq__metascraper/';
/** The fixed observation time of test/unit/fixtures.ts: relative dates resolve against it. */
export const NOW = '2026-11-27T12:00:00Z';

/** NewPipe mocks wrap the body: {request: {url}, response: {responseBody: string}}. */
export function unwrapNewPipe(path: string): { url: string; body: string } {
  const wrapper = JSON.parse(fixtureText(path)) as {
    request: { url: string };
    response: { responseBody: string };
  };
  return { url: wrapper.request.url, body: wrapper.response.responseBody };
}

export function extractBody(url: string, body: unknown, locale?: string): Extraction {
  const endpoint = youtubeAdapter.endpointOf(url);
  if (!endpoint) throw new Error(`not a youtubei URL: ${url}`);
  return youtubeAdapter.extractJson(endpoint, body, ctx(url, NOW, locale));
}

export function extractNewPipe(file: string, locale: string): Extraction {
  const { url, body } = unwrapNewPipe(NEWPIPE + file);
  return extractBody(url, JSON.parse(body), locale);
}

/** iv-org mocks are bare youtubei bodies; the endpoint is in the file name. */
export function extractInvidious(file: string): Extraction {
  const endpoint = file.includes('.next.') ? 'next' : 'player';
  return extractBody(
    `https://www.youtube.com/youtubei/v1/${endpoint}`,
    JSON.parse(fixtureText(IV + file)),
    'en',
  );
}

export function extractHtml(html: string, pageUrl: string): Extraction {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return youtubeAdapter.extractDom(doc, ctx(pageUrl, NOW, doc.documentElement.lang || undefined));
}

export const posts = (e: Extraction): PostRecord[] =>
  e.records.filter((r): r is PostRecord => r.kind === 'post');
export const accounts = (e: Extraction): AccountRecord[] =>
  e.records.filter((r): r is AccountRecord => r.kind === 'account');
export const courses = (e: Extraction): CourseRecord[] =>
  e.records.filter((r): r is CourseRecord => r.kind === 'course');

export function post(e: Extraction, id: string): PostRecord {
  const found = posts(e).find((p) => p.id === id);
  if (!found) throw new Error(`no post ${id}`);
  return found;
}

/** The instant `n` units before NOW, as parseRelativeTime computes it. */
export const agoIso = (ms: number): string => new Date(new Date(NOW).getTime() - ms).toISOString();
export const DAY = 86_400_000;
