/**
 * m.weibo.cn post pages (`/status/<id|mblogid>`, `/detail/<id>`) inline the post as
 * `var $render_data = [{"status": {…}, …}][0] || {};` in a script: the same status object the JSON
 * API sends, exact counts included.
 */
import type { ExtractContext } from '../../records';
import { isObject, type WeiboCollector } from './status';

const RENDER_DATA = /\$render_data\s*=\s*(\[[\s\S]*\])\s*\[0\]/;
const PAGE_ID = /m\.weibo\.cn\/(?:status|detail)\/([0-9a-zA-Z]+)/;

/** Statuses in `$render_data` scripts under `root` into `c`; returns how many scripts it read. */
export function extractRenderData(root: ParentNode, ctx: ExtractContext, c: WeiboCollector): number {
  let read = 0;
  for (const script of root.querySelectorAll('script:not([src])')) {
    const source = script.textContent ?? '';
    if (!source.includes('$render_data')) continue;
    const m = RENDER_DATA.exec(source);
    if (!m?.[1]) continue;
    read++;
    let data: unknown;
    try {
      data = JSON.parse(m[1]);
    } catch {
      c.fail('$render_data is not JSON');
      continue;
    }
    const first = Array.isArray(data) ? data[0] : null;
    const status = isObject(first) ? first.status : null;
    if (!isObject(status)) {
      c.fail('$render_data without a status');
      continue;
    }
    // After in-app navigation the script may still describe the previous post (Zotero's YouTube.js
    // lesson): only trust it when it names the post in the URL.
    const pageId = PAGE_ID.exec(ctx.url)?.[1];
    const ids = [status.idstr, status.id, status.mid, status.bid, status.mblogid].map((v) => String(v));
    if (pageId && !ids.includes(pageId)) {
      c.fail(`$render_data describes another post than ${pageId}`);
      continue;
    }
    c.addStatus(status);
  }
  return read;
}
