/**
 * Tracked links: a course URL with the UTM convention of research/attribution.md, one short code per
 * post, and the binding of each code to the own post that carries it.
 *
 *   utm_source=x|youtube|weibo  utm_medium=social  utm_campaign=<campaign slug>  utm_content=<code>
 *
 * Codes are made of [a-z0-9-] because Gumroad lower-cases UTM values and turns symbols into "-": a
 * code of those characters comes back from the export exactly as it went out.
 */
import type { Platform } from '../records';
import { normaliseCode } from './order';

export interface TrackedLink {
  /** utm_content: the per-post code, e.g. "xp-7f3k". The link's key. */
  code: string;
  courseUrl: string;
  platform: Platform;
  /** utm_campaign, a slug. */
  campaign: string;
  /** A coupon the seller made on the platform for this post (compared case-insensitively). */
  coupon?: string;
}

export interface PostRef {
  platform: Platform;
  id: string;
}

export const postKey = (p: PostRef): string => `${p.platform}:${p.id}`;

/** The post a code is bound to: the earliest own post carrying it; later ones are listed, not counted twice. */
export interface Binding {
  post: PostRef;
  alsoIn: PostRef[];
}

export const SOURCE: Record<Platform, string> = { x: 'x', youtube: 'youtube', weibo: 'weibo' };
const PREFIX: Record<Platform, string> = { x: 'xp', youtube: 'yt', weibo: 'wb' };
/** A tracked code: [a-z0-9-], 1–40 characters, no dash at either end (survives Gumroad's rewriting). */
export const CODE = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: codes get read aloud and typed

export const isCode = (text: string): boolean => CODE.test(text);

/** "Spring Launch 2026!" → "spring-launch-2026": the campaign as Gumroad would store it. */
export const slug = (text: string): string =>
  normaliseCode(text)
    ?.replace(/[^a-z0-9-]/g, '')
    .slice(0, 40) ?? '';

/** A fresh code for a post on `platform` from random bytes (crypto.getRandomValues in the UI): "xp-7f3k". */
export function newCode(platform: Platform, random: Uint8Array): string {
  let tail = '';
  for (const byte of random.subarray(0, 4)) tail += ALPHABET[byte % ALPHABET.length];
  return `${PREFIX[platform]}-${tail}`;
}

/** The course URL with the link's UTM parameters (replacing any already there); null for a non-http(s) URL. */
export function trackedUrl(link: TrackedLink): string | null {
  let url: URL;
  try {
    url = new URL(link.courseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const params: Array<[string, string]> = [
    ['utm_source', SOURCE[link.platform]],
    ['utm_medium', 'social'],
    ['utm_campaign', link.campaign],
    ['utm_content', link.code],
  ];
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.toString();
}

/** Where a redirect wrapper points (YouTube's description links, Weibo's sinaurl); the URL itself otherwise. */
export function unwrapRedirect(url: URL): URL {
  const host = url.hostname.replace(/^www\./, '');
  const target =
    (host === 'youtube.com' && url.pathname === '/redirect' && url.searchParams.get('q')) ||
    (host === 'weibo.cn' &&
      url.pathname === '/sinaurl' &&
      (url.searchParams.get('u') ?? url.searchParams.get('toasturl'))) ||
    null;
  if (!target) return url;
  try {
    return new URL(target);
  } catch {
    return url;
  }
}

/** The tracking code a posted link carries (utm_content, normalised), or null. */
export function codeInLink(href: string): string | null {
  let url: URL;
  try {
    url = unwrapRedirect(new URL(href));
  } catch {
    return null;
  }
  const content = normaliseCode(url.searchParams.get('utm_content') ?? undefined);
  return content ?? null;
}

const earlier = (a: { createdAt: string | null }, b: { createdAt: string | null }) =>
  (a.createdAt ?? '\uffff') < (b.createdAt ?? '\uffff');

/**
 * Codes → the own post carrying each. `posts` must be the seller's own posts: a competitor quoting the
 * link binds nothing. Links the extractors expanded (X's expanded_url, Weibo's long_url) are read as they are.
 */
export function bindCodes(
  links: readonly TrackedLink[],
  posts: ReadonlyArray<PostRef & { links: readonly string[]; createdAt: string | null }>,
): Map<string, Binding> {
  const known = new Set(links.map((l) => l.code));
  const found = new Map<string, Array<PostRef & { createdAt: string | null }>>();
  for (const post of posts) {
    for (const href of post.links) {
      const code = codeInLink(href);
      if (!code || !known.has(code)) continue;
      const list = found.get(code) ?? [];
      if (!list.some((p) => p.platform === post.platform && p.id === post.id)) list.push(post);
      found.set(code, list);
    }
  }
  const bindings = new Map<string, Binding>();
  for (const [code, list] of found) {
    const sorted = [...list].sort((a, b) =>
      earlier(a, b) ? -1 : earlier(b, a) ? 1 : a.id.localeCompare(b.id),
    );
    const [first, ...rest] = sorted.map(({ platform, id }) => ({ platform, id }));
    bindings.set(code, { post: first!, alsoIn: rest });
  }
  return bindings;
}

/** Codes no captured own post carries yet: "not seen posted". */
export const unboundCodes = (
  links: readonly TrackedLink[],
  bindings: ReadonlyMap<string, Binding>,
): string[] => links.filter((l) => !bindings.has(l.code)).map((l) => l.code);
