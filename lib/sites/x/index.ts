/**
 * X (x.com, twitter.com): GraphQL copies from the hook first, the rendered DOM as the fallback.
 * Fixtures: test/fixtures/twitter (MANIFEST.md there); tests: test/unit/sites/x.
 */
import type { ExtractContext, Extraction } from '../../records';
import type { SiteAdapter } from '../types';
import { extractDom } from './dom';
import { endpointOf, isGraphqlOperation } from './endpoints';
import { extractGraphql } from './graphql';
import { extractV1, extractV2 } from './rest';

/**
 * The shape of a body whose URL is unknown (a saved file given to the CLI without `--url`):
 * v1.1 statuses come as arrays, `{statuses}` or objects with `id_str`; v2 as `{data, includes|meta}`.
 */
function sniffEndpoint(body: unknown): string {
  if (Array.isArray(body)) return 'v1.statuses';
  if (typeof body !== 'object' || body === null) return 'unknown';
  const o = body as Record<string, unknown>;
  if (Array.isArray(o.statuses) || (typeof o.id_str === 'string' && ('text' in o || 'full_text' in o))) {
    return 'v1.statuses';
  }
  const data = o.data;
  const first = Array.isArray(data) ? data[0] : data;
  const v2Item = typeof first === 'object' && first !== null && 'id' in first && !('__typename' in first);
  if (v2Item && ('includes' in o || 'meta' in o || 'text' in first || 'username' in first))
    return 'v2.tweets';
  return 'graphql';
}

function extractJson(endpoint: string, body: unknown, ctx: ExtractContext): Extraction {
  try {
    const known = endpoint.startsWith('v1.') || endpoint.startsWith('v2.') || isGraphqlOperation(endpoint);
    const shape = known ? endpoint : sniffEndpoint(body);
    if (shape.startsWith('v1.')) return extractV1(endpoint, body, ctx);
    if (shape.startsWith('v2.')) return extractV2(endpoint, body, ctx);
    return extractGraphql(endpoint, body, ctx);
  } catch (error) {
    // The extractors are written not to throw; this keeps a surprise from reaching the page.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      records: [],
      failures: [{ extractor: `x.${endpoint}`, reason: `extractor threw: ${reason}`.slice(0, 500) }],
    };
  }
}

export const xAdapter: SiteAdapter = {
  platform: 'x',
  endpointOf,
  extractJson,
  extractDom,
};
