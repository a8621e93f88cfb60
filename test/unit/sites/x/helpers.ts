import type { AccountRecord, Extraction, PostRecord } from '../../../../lib/records';
import { xAdapter } from '../../../../lib/sites/x';
import { ctx, fixtureJson } from '../../fixtures';

export const X = 'twitter/';

export const posts = (e: Extraction): PostRecord[] =>
  e.records.filter((r): r is PostRecord => r.kind === 'post');
export const accounts = (e: Extraction): AccountRecord[] =>
  e.records.filter((r): r is AccountRecord => r.kind === 'account');

export function byId(e: Extraction): Map<string, PostRecord> {
  return new Map(posts(e).map((p) => [p.id, p]));
}

export function extractFixture(path: string, endpoint: string): Extraction {
  return xAdapter.extractJson(
    endpoint,
    fixtureJson(X + path),
    ctx(`https://x.com/i/api/graphql/h/${endpoint}`),
  );
}

type Obj = Record<string, unknown>;

/**
 * The test's own, deliberately naive reading of a GraphQL body: every object typed `Tweet` that has a
 * `legacy` block, found by visiting every node. It shares no code with the extractor.
 */
export function naiveTweets(body: unknown): Map<string, Obj> {
  const found = new Map<string, Obj>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Obj;
      if (o.__typename === 'Tweet' && o.legacy && typeof o.rest_id === 'string' && !found.has(o.rest_id)) {
        found.set(o.rest_id, o);
      }
      Object.values(o).forEach(visit);
    }
  };
  visit(body);
  return found;
}
