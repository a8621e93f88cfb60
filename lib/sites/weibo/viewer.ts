/**
 * Who is signed in, from weibo.com pages:
 * - pages that inline the page config (`var $CONFIG = {}; $CONFIG['uid']='…'; $CONFIG['nick']='…';`):
 *   `uid`/`nick` are the viewer, `oid`/`onick` the page's owner. Scrapers read these same keys (e.g.
 *   "$CONFIG['islogin']='1'" to test a session, then uid, nick, oid, onick);
 * - the profile page `/u/<uid>`, which offers its owner "编辑资料" (edit profile) where a visitor gets
 *   "关注" (follow).
 * We hold no saved page with either, so the test inputs are synthetic (test/fixtures/synthetic/weibo,
 * README.md there). m.weibo.cn's `/api/config` is read in json.ts.
 */
import type { WeiboCollector } from './status';

const configValue = (text: string, key: string): string | undefined =>
  new RegExp(`\\$CONFIG\\[['"]${key}['"]\\]\\s*=\\s*['"]([^'"\\\\]{1,200})['"]`).exec(text)?.[1];

/** Adds the signed-in viewer's account, marked `viewerIsOwner`, when the page's config names it. */
export function extractSignedIn(root: ParentNode, c: WeiboCollector): void {
  for (const script of root.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (!text.includes('$CONFIG[')) continue;
    const uid = configValue(text, 'uid');
    if (!uid || !/^\d{4,20}$/.test(uid) || configValue(text, 'islogin') === '0') continue;
    c.addViewer({ idstr: uid, screen_name: configValue(text, 'nick') ?? '' });
    return;
  }
}

const PROFILE_PATH = /^\/u\/(\d{4,20})\/?$/;
const EDIT_PROFILE = '编辑资料';
const CONTROLS = 'button, a, [role="button"]';

/** The uid of a weibo.com `/u/<uid>` page, or null. */
function profileUid(url: string): string | null {
  try {
    const { hostname, pathname } = new URL(url);
    return /^(?:www\.)?weibo\.com$/.test(hostname) ? (PROFILE_PATH.exec(pathname)?.[1] ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Adds the profile's account as the viewer's when `root` (the page or a subtree the observer queued)
 * holds the owner's "编辑资料" control. Reads text only.
 */
export function extractOwnProfile(root: ParentNode, url: string, c: WeiboCollector): void {
  const uid = profileUid(url);
  if (!uid) return;
  const self = (root as Element).matches?.(CONTROLS) ? [root as Element] : [];
  for (const control of [...self, ...root.querySelectorAll(CONTROLS)]) {
    if (control.textContent?.trim() === EDIT_PROFILE) {
      c.addViewer({ idstr: uid });
      return;
    }
  }
}
