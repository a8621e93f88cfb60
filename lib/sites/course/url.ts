/**
 * Course URLs: the canonical form we key courses by (tracking parameters and fragments removed, path
 * kept) and the page's own canonical link, trusted only when it stays on the same site.
 */
import { MAX_URL } from '../../record-keys';
import { namesXiaoeColumn } from './rules/xiaoe';

// Parameters that say who shared or advertised a link, never which course it is. `couponCode` (Udemy)
// changes the price shown, not the course; `layout`/`recommended_by` are Gumroad's Discover wrappers.
// `from` is kept where it names a 小鹅通 lesson's column (rules/xiaoe.ts namesXiaoeColumn).
const TRACKING_EXACT = new Set([
  'spm',
  'spm_id_from',
  'from_spmid',
  'from',
  'fbclid',
  'gclid',
  'dclid',
  'yclid',
  'msclkid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_',
  'referrer',
  'couponcode',
  'recommended_by',
  'layout',
  'vd_source',
  'seid',
  'bd_vid',
  'si',
  'trk',
  'tracking_id',
  'ranmid',
  'raneaid',
  'ransiteid',
  'lsnpubid',
  '_ga',
  'isappinstalled',
  'scene',
  'xhsshare',
]);
const TRACKING_PREFIX = /^(utm_|share_|_hs|hsa_|pk_|mtm_)/i;

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_EXACT.has(key) || TRACKING_PREFIX.test(key);
}

/**
 * An absolute http(s) URL without tracking parameters and fragment, or null when `raw` is none or
 * resolves to more than the contract holds.
 */
export function cleanUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const name of [...url.searchParams.keys()])
    if (isTrackingParam(name) && !namesXiaoeColumn(url, name)) url.searchParams.delete(name);
  url.hash = '';
  return url.href.length <= MAX_URL ? url.href : null;
}

/** "www.udemy.com" → "udemy.com"; "lastknight.gumroad.com" → "gumroad.com" (last two labels). */
export function siteOf(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase();
    const parts = host.split('.');
    // "com.cn"-style second-level suffixes keep three labels.
    const keep = /^(com|net|org|edu|gov|co)\.[a-z]{2}$/.test(parts.slice(-2).join('.')) ? 3 : 2;
    return parts.slice(-keep).join('.');
  } catch {
    return '';
  }
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The URL to key a page's course by. An absolute `<link rel=canonical>` or `og:url` wins, then the
 * structured data's own `url`, then a relative canonical, then the page URL. A canonical pointing at
 * another site is ignored: mirrors and stale SPA markup must not move the course elsewhere.
 */
export function canonicalUrl(doc: Document, pageUrl: string, structuredUrl?: string): string {
  const page = cleanUrl(pageUrl);
  const sameSite = (u: string | null): u is string => !!u && (!page || siteOf(u) === siteOf(page));
  const canonicalLink = [...doc.querySelectorAll('link[rel]')].find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const canonicalHref = canonicalLink?.getAttribute('href')?.trim() ?? '';
  const ogUrl = doc.querySelector('meta[property="og:url"]')?.getAttribute('content')?.trim() ?? '';
  const absolute = (u: string) => /^https?:\/\//i.test(u);
  const candidates = [
    absolute(canonicalHref) ? cleanUrl(canonicalHref) : null,
    absolute(ogUrl) ? cleanUrl(ogUrl) : null,
    structuredUrl ? cleanUrl(structuredUrl, page ?? undefined) : null,
    canonicalHref && page ? cleanUrl(canonicalHref, page) : null,
  ];
  return candidates.find(sameSite) ?? page ?? pageUrl;
}
