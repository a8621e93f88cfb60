/**
 * The Weibo responses the MAIN-world hook copies, and their endpoint ids. Imports nothing: the hook
 * bundle ships this file alone (≤ 3 KB gzip budget).
 *
 * weibo.com (desktop, `/ajax/...`): mymblog, show, longtext, repostTimeline, buildComments,
 * profile/info and every `/ajax/feed/*` timeline (friendstimeline, groupstimeline,
 * unreadfriendstimeline, …). m.weibo.cn (mobile web): api/container/getIndex, api/config (who is
 * signed in), statuses/show, statuses/extend, comments/hotflow and hotFlowChild.
 */

/** RegExp source: absolute (http, https, protocol-relative) or root-relative URLs of those endpoints. */
export const WEIBO_HOOK_PATTERN =
  '^(?:(?:https?:)?//(?:www\\.)?weibo\\.com)?/ajax/(?:statuses/(?:mymblog|show|longtext|repostTimeline|buildComments)|feed/\\w+|profile/info)(?:[/?#]|$)' +
  '|^(?:(?:https?:)?//m\\.weibo\\.cn)?/(?:api/(?:container/getIndex|config)|statuses/(?:show|extend)|comments/(?:hotflow|hotFlowChild))(?:[/?#]|$)';

const DESKTOP_HOSTS = new Set(['weibo.com', 'www.weibo.com']);
const DESKTOP_PATH =
  /^\/ajax\/(statuses\/(?:mymblog|show|longtext|repostTimeline|buildComments)|feed\/\w+|profile\/info)\/?$/;
const MOBILE_HOST = 'm.weibo.cn';
const MOBILE_PATH =
  /^\/(?:api\/(container\/getIndex|config)|(statuses\/(?:show|extend)|comments\/(?:hotflow|hotFlowChild)))\/?$/;

/**
 * 'ajax/statuses/mymblog', 'ajax/feed/groupstimeline', 'm/container/getIndex', … or null. A
 * root-relative URL is classified by its path alone: the desktop API lives under /ajax/, the mobile
 * one does not.
 */
export function endpointOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://weibo.invalid');
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const relative = host === 'weibo.invalid';
  const desktop = DESKTOP_PATH.exec(parsed.pathname);
  if (desktop?.[1] && (relative || DESKTOP_HOSTS.has(host))) return `ajax/${desktop[1]}`;
  const mobile = MOBILE_PATH.exec(parsed.pathname);
  const mobileId = mobile?.[1] ?? mobile?.[2];
  if (mobileId && (relative || host === MOBILE_HOST)) return `m/${mobileId}`;
  return null;
}

/** The `id` query parameter (`statuses/extend?id=`, `ajax/statuses/longtext?id=`), when present. */
export function idParam(url: string): string | null {
  try {
    return new URL(url, 'https://weibo.invalid').searchParams.get('id');
  } catch {
    return null;
  }
}
