/**
 * YouTube: videos, Shorts and live streams as posts, channels as accounts, course playlists as
 * courses. Sources, best first: the page's own `ytInitialPlayerResponse` / `ytInitialData` (checked
 * against the URL), the youtubei responses the hook copies, then the rendered DOM.
 */
import type { ExtractContext, Extraction } from '../../records';
import { emptyExtraction, type SiteAdapter } from '../types';
import { Collector } from './collect';
import { collectComments } from './comments';
import { collectData } from './data';
import { collectDom } from './dom';
import { endpointOf } from './endpoints';
import { type Embedded, embeddedIn, pageUrl, staleReason } from './page';
import { obj } from './text';

/** `document.documentElement.lang` decides what "m" means ("1.5m views" en-GB; "5 m" = 5 000 in ca). */
const localeOf = (ctx: ExtractContext): string => ctx.locale || 'en';

function safely(extractor: string, ctx: ExtractContext, run: (c: Collector) => void): Extraction {
  const c = new Collector(ctx, extractor, localeOf(ctx));
  try {
    run(c);
  } catch (error) {
    // A layout we did not foresee must cost this response, not the page.
    c.fail(`unexpected: ${error instanceof Error ? error.message : String(error)}`);
  }
  return c.result();
}

function extractJson(endpoint: string, body: unknown, ctx: ExtractContext): Extraction {
  const extractor = `youtube.${endpoint}`;
  const data = obj(body);
  if (!data) return { ...emptyExtraction(), failures: [{ extractor, reason: 'body is not a JSON object' }] };
  // The page the response was seen on, not the response URL: it names the video being watched.
  const page = pageUrl(ctx.pageUrl ?? ctx.url);
  return safely(extractor, ctx, (c) => {
    collectData(data, c, { reel: endpoint === 'reel', shortUrl: page.shorts });
    if (endpoint === 'next') collectComments(data, c, page.videoId);
  });
}

function embeddedData(root: Document, c: Collector): Embedded[] {
  const found: Embedded[] = [];
  const read = new Set<string>();
  for (const script of root.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    // A script naming only literals already read (pages repeat ytInitialData) is not scanned again.
    const unread = ['ytInitialData', 'ytInitialPlayerResponse'].some(
      (name) => !read.has(name) && text.includes(name),
    );
    if (unread) found.push(...embeddedIn(text, (reason) => c.fail(reason), read));
  }
  return found;
}

function extractDom(root: ParentNode, ctx: ExtractContext): Extraction {
  return safely('youtube.dom', ctx, (c) => {
    const url = pageUrl(ctx.url);
    let fresh = 0;
    if (root.nodeType === 9) {
      for (const item of embeddedData(root as Document, c)) {
        const stale = staleReason(item, url);
        if (stale) {
          c.fail(stale);
          continue;
        }
        fresh++;
        collectData(item.data, c, { shortUrl: url.shorts });
      }
    }
    // Embedded data, when it describes the page, has everything the rendered cards show and more.
    if (!fresh) collectDom(root, c);
  });
}

export const youtubeAdapter: SiteAdapter = {
  platform: 'youtube',
  endpointOf,
  extractJson,
  extractDom,
};
