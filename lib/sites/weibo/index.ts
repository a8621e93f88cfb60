/**
 * The Weibo site adapter: weibo.com `/ajax/*` and m.weibo.cn JSON (json.ts), m.weibo.cn's
 * `$render_data` (render-data.ts) and weibo.cn WAP pages (wap.ts).
 *
 * No DOM fallback for weibo.com feed cards yet: we hold no captured page of the current weibo.com
 * Vue UI to ground selectors in (research/analytics.md §4.3 lists candidates), and its `/ajax/*`
 * JSON, which the hook copies, carries exact counts where the DOM shows "1.2万".
 */
import type { ExtractContext, Extraction } from '../../records';
import type { SiteAdapter } from '../types';
import { endpointOf } from './endpoints';
import { extractWeiboJson } from './json';
import { extractRenderData } from './render-data';
import { WeiboCollector } from './status';
import { extractOwnProfile, extractSignedIn } from './viewer';
import { extractWapPage } from './wap';

function extractDom(root: ParentNode, ctx: ExtractContext): Extraction {
  const c = new WeiboCollector(ctx, 'weibo.dom');
  try {
    extractRenderData(root, ctx, c);
    extractWapPage(root, ctx, c);
    if (root.nodeType === 9) extractSignedIn(root, c);
    extractOwnProfile(root, ctx.url, c);
  } catch (error) {
    c.fail(`extractor error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return c.result();
}

export const weiboAdapter: SiteAdapter = {
  platform: 'weibo',
  endpointOf,
  extractJson: extractWeiboJson,
  extractDom,
};
