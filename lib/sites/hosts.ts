import type { Platform } from '../records';

/**
 * The only hosts the extension may touch: content-script matches and host permissions derive from
 * this list, and the background refuses a capture whose tab is not on the batch's site.
 */
export const SITE_MATCHES: Record<Platform, string[]> = {
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  youtube: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  weibo: ['https://weibo.com/*', 'https://www.weibo.com/*', 'https://m.weibo.cn/*'],
};

export const HOST_PERMISSIONS = Object.values(SITE_MATCHES).flat();

const HOST_PLATFORM: Record<string, Platform> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'mobile.twitter.com': 'x',
  'api.twitter.com': 'x',
  'api.x.com': 'x',
  'youtube.com': 'youtube',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'weibo.com': 'weibo',
  'www.weibo.com': 'weibo',
  'm.weibo.cn': 'weibo',
  'weibo.cn': 'weibo',
};

export function platformOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
    return HOST_PLATFORM[hostname.toLowerCase()] ?? null;
  } catch {
    return null;
  }
}
