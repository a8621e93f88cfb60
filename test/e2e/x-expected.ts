/**
 * What an X response holds, read straight from the captured JSON by a walk independent of the
 * extractor, for the e2e tests to compare IndexedDB against.
 */
export type Counts = { likes?: number; reposts?: number; comments?: number; views?: number };

/**
 * Every tweet object of a response with its own legacy counts, found by a walk independent of the
 * extractor. A retweet wrapper's zeros and copied repost count are not its own: only its views are.
 */
export function tweetsIn(json: unknown, into = new Map<string, Counts>()): Map<string, Counts> {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    // biome-ignore lint/suspicious/noExplicitAny: a test reading raw captured JSON by hand
    const o = node as Record<string, any>;
    if (typeof o.rest_id === 'string' && o.legacy && typeof o.legacy.favorite_count === 'number') {
      const views = o.views?.count === undefined ? undefined : Number(o.views.count);
      into.set(
        o.rest_id,
        o.legacy.retweeted_status_result
          ? { views }
          : {
              likes: o.legacy.favorite_count,
              reposts: o.legacy.retweet_count,
              comments: o.legacy.reply_count,
              views,
            },
      );
    }
    Object.values(o).forEach(walk);
  };
  walk(json);
  return into;
}
