/**
 * The signed-in account, named by x.com's own server-rendered state: every page a signed-in user
 * loads inlines `window.__INITIAL_STATE__={...}`, whose `session.user_id` is the viewer and whose
 * `entities.users.entities[user_id]` is the viewer's own v1.1-shaped user object (real capture:
 * test/fixtures/twitter/gym0915__LineLens). Signed out, `session` holds a guest id and no user_id.
 */
import type { AccountRecord } from '../../records';
import { objectEnd } from '../embedded-json';
import { v1Account } from './rest';
import { isNativeId, isObject, type Json } from './shared';

const STATE = 'window.__INITIAL_STATE__';

const parsed = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};

/** The object literal starting at `start`, or "" when it does not end. */
const literal = (text: string, start: number): string => {
  const end = objectEnd(text, start);
  return end < 0 ? '' : text.slice(start, end);
};

/** The state object a page inlines, or null when it has none (or a broken one). */
function initialState(root: Document): Json | null {
  for (const script of root.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const at = text.indexOf(STATE);
    if (at < 0) continue;
    const start = text.indexOf('{', at + STATE.length);
    if (start < 0) return null;
    // x.com writes `window.__INITIAL_STATE__={…};window.__META_DATA__={…};`: one JSON.parse up to the
    // next assignment; only if that is not the literal's end is the literal scanned for its end.
    const next = text.indexOf(';window.', start);
    const state = (next > 0 ? parsed(text.slice(start, next)) : undefined) ?? parsed(literal(text, start));
    return isObject(state) ? state : null;
  }
  return null;
}

const child = (value: unknown, key: string): Json | undefined => {
  const next = isObject(value) ? value[key] : undefined;
  return isObject(next) ? next : undefined;
};

/**
 * Per document: the state is inlined once per page load, but the whole document is scanned again on
 * every in-app navigation, and parsing its ~170 KB each time would repeat the same answer.
 */
const viewers = new WeakMap<Document, AccountRecord | null>();

/** The signed-in viewer's account, marked `viewerIsOwner`, or null on a signed-out page. */
export function signedInAccount(root: Document): AccountRecord | null {
  if (!viewers.has(root)) viewers.set(root, readViewer(root));
  return viewers.get(root) ?? null;
}

function readViewer(root: Document): AccountRecord | null {
  const state = initialState(root);
  const id = child(state, 'session')?.user_id;
  if (!isNativeId(id)) return null;
  const user = child(child(child(state, 'entities'), 'users'), 'entities')?.[id];
  const known = isObject(user) && user.id_str === id ? v1Account(user) : null;
  return {
    ...(known ?? { kind: 'account', platform: 'x', id, handle: '', name: '', followersExact: false }),
    viewerIsOwner: true,
  };
}
