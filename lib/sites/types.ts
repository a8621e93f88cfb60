import type { ExtractContext, Extraction, Platform } from '../records';

/**
 * One social site's pure extractors. Everything here runs in the page's isolated world and in the
 * extract CLI, so it imports no zod, no Dexie and no browser API: JSON or DOM in, records out.
 */
export interface SiteAdapter {
  platform: Platform;
  /** The endpoint id of a JSON response URL this site's hook copies ("UserTweets"), or null. */
  endpointOf(url: string): string | null;
  /** Records in one JSON response body of `endpoint`. Never throws: problems become failures. */
  extractJson(endpoint: string, body: unknown, ctx: ExtractContext): Extraction;
  /**
   * Records in a saved page or a subtree of a live one: embedded JSON (`ytInitialData`,
   * `$render_data`) and the rendered DOM. `root` is a Document or an Element the observer queued.
   */
  extractDom(root: ParentNode, ctx: ExtractContext): Extraction;
}

export const emptyExtraction = (): Extraction => ({ records: [], failures: [] });
