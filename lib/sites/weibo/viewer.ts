/**
 * The signed-in account on weibo.com pages that inline the page config (`var $CONFIG = {};
 * $CONFIG['uid']='…'; $CONFIG['nick']='…';`): `uid`/`nick` are the viewer, `oid`/`onick` the page's
 * owner. Scrapers read these same keys (e.g. "$CONFIG['islogin']='1'" to test a session, then uid,
 * nick, oid, onick); we hold no saved page with them, so the test input is synthetic
 * (test/fixtures/synthetic/weibo/config-signed-in.html).
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
