/**
 * A full YouTube page (first load or a saved file): the `ytInitialData` and `ytInitialPlayerResponse`
 * literals of its inline scripts, each checked against the URL first. After in-app navigation those
 * scripts still describe the first page (zotero/translators YouTube.js and Return YouTube Dislike
 * check the same), so data for another video or channel is reported 'stale', never recorded.
 */
import { objectEnd } from '../embedded-json';
import { at, type Json, obj, str } from './text';

export interface Embedded {
  name: 'ytInitialData' | 'ytInitialPlayerResponse';
  data: Json;
}

const ASSIGNMENT =
  /(?:\b(ytInitialData|ytInitialPlayerResponse)\b|\[\s*["'](ytInitialData|ytInitialPlayerResponse)["']\s*\])\s*=\s*\{/g;

/**
 * Every page literal in one script's text; a broken one is reported, not thrown. Names in `skip`
 * were already read: some pages assign ytInitialData twice, and parsing 400 KB again costs time.
 */
export function embeddedIn(
  text: string,
  onError: (reason: string) => void,
  skip = new Set<string>(),
): Embedded[] {
  const found: Embedded[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const name = (m[1] ?? m[2]) as Embedded['name'];
    const start = m.index + m[0].length - 1;
    if (skip.has(name)) {
      ASSIGNMENT.lastIndex = start + 1;
      continue;
    }
    // Usually the script is exactly `var ytInitialData = {...};`: one JSON.parse, no scan.
    // (No regex on the 500 KB tail: `/;$/` would try every position.)
    let end = text.length;
    while (end > start && /[\s;]/.test(text.charAt(end - 1))) end--;
    let data: unknown;
    try {
      if (text.charCodeAt(end - 1) !== 125) throw new Error('more code follows the literal');
      data = JSON.parse(text.slice(start, end));
    } catch {
      end = objectEnd(text, start);
      try {
        data = end > 0 ? JSON.parse(text.slice(start, end)) : undefined;
      } catch {
        data = undefined;
      }
    }
    const o = obj(data);
    if (o) {
      found.push({ name, data: o });
      skip.add(name);
    } else onError(`${name}: not a JSON object literal`);
    // Continue after the literal: scanning 400 KB of it for another assignment would cost more than the parse.
    ASSIGNMENT.lastIndex = o && end > start ? end : start + 1;
  }
  return found;
}

export interface PageUrl {
  youtube: boolean;
  videoId: string;
  shorts: boolean;
  /** "/channel/UC…" id or "@handle" of a channel URL. */
  channelId: string;
  handle: string;
  search: boolean;
}

export function pageUrl(url: string): PageUrl {
  const none: PageUrl = {
    youtube: false,
    videoId: '',
    shorts: false,
    channelId: '',
    handle: '',
    search: false,
  };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return none;
  }
  if (!/(^|\.)youtube\.com$|^youtu\.be$/.test(u.hostname)) return none;
  const path = u.pathname;
  const pathId = /^\/(?:shorts|live|embed)\/([\w-]{11})/.exec(path)?.[1];
  const shortLink = u.hostname === 'youtu.be' ? path.slice(1, 12) : '';
  let handle = /^\/(@[^/]+)/.exec(path)?.[1] ?? '';
  try {
    handle = decodeURIComponent(handle);
  } catch {
    // keep the raw handle
  }
  return {
    youtube: true,
    videoId: (path === '/watch' ? (u.searchParams.get('v') ?? '') : pathId) || shortLink,
    shorts: path.startsWith('/shorts/'),
    channelId: /^\/channel\/(UC[\w-]{22})/.exec(path)?.[1] ?? '',
    handle,
    search: path === '/results',
  };
}

/** Why this page literal does not describe `url`, or '' when it does (or the URL cannot tell). */
export function staleReason(item: Embedded, url: PageUrl): string {
  if (!url.youtube) return '';
  const d = item.data;
  const videoId =
    str(at(d, 'videoDetails', 'videoId')) ||
    str(at(d, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) ||
    str(at(d, 'currentVideoEndpoint', 'reelWatchEndpoint', 'videoId'));
  if (videoId || item.name === 'ytInitialPlayerResponse') {
    return videoId === url.videoId
      ? ''
      : `stale: ${item.name} describes video ${videoId || '?'}, the URL ${url.videoId || 'none'}`;
  }
  if (url.videoId) return `stale: ${item.name} is not a watch page, the URL is video ${url.videoId}`;
  const meta = obj(at(d, 'metadata', 'channelMetadataRenderer'));
  if (meta && url.channelId && str(meta.externalId) !== url.channelId) {
    return `stale: ${item.name} describes channel ${str(meta.externalId)}, the URL ${url.channelId}`;
  }
  if (meta && url.handle) {
    const vanity = str(meta.vanityChannelUrl).toLowerCase();
    if (vanity && !vanity.endsWith(`/${url.handle.toLowerCase()}`)) {
      return `stale: ${item.name} describes ${vanity}, the URL ${url.handle}`;
    }
  }
  if (at(d, 'contents', 'twoColumnSearchResultsRenderer') && !url.search) {
    return `stale: ${item.name} holds search results, the URL is not a search`;
  }
  return '';
}
