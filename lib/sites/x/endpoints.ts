/**
 * Which X responses are worth copying, by operation name (the query hash before it rotates with every
 * deploy, so it is never matched). Imported by the MAIN-world hook, which must stay under 3 KB: this
 * file imports nothing and the hook keeps only X_HOOK_PATTERN after tree shaking.
 */

/**
 * GraphQL operations whose responses carry posts or accounts. Community and list timelines come in
 * several flavours ("CommunityTweetsTimeline", "CommunityMediaTimeline", "ListLatestTweetsTimeline"),
 * hence the two wildcards.
 */
const OPERATIONS =
  'User(?:Tweets(?:AndReplies)?|Media|By(?:ScreenName|RestId))|Tweet(?:Detail|ResultByRestId|ResultsByRestIds)|' +
  'Home(?:Latest)?Timeline|SearchTimeline|Likes|Bookmarks|List\\w*Timeline|Community\\w*Timeline';

/**
 * `https://x.com/i/api/graphql/<hash>/<Operation>?…`, the twitter.com and api.* hosts, and the relative
 * "/i/api/graphql/…" URL an XHR is opened with.
 */
export const X_HOOK_PATTERN = `^(?:https://(?:[\\w-]+\\.)?(?:x|twitter)\\.com)?(?:/i/api)?/graphql/[\\w-]+/(${OPERATIONS})(?:[?#]|$)`;

const GRAPHQL = /* @__PURE__ */ new RegExp(X_HOOK_PATTERN);

/**
 * The public REST APIs (v1.1 and v2). The web client no longer calls them, but saved bodies of them
 * reach the CLI; the ids name the shape, not the exact route.
 */
const REST = /^(?:https?:\/\/api\.(?:x|twitter)\.com)?\/(1\.1|2)\/(users\b)?/;

const OPERATION = /* @__PURE__ */ new RegExp(`^(?:${OPERATIONS})$`);

/** True for a GraphQL operation name we extract ("UserTweets"), false for REST ids and anything else. */
export const isGraphqlOperation = (endpoint: string): boolean => OPERATION.test(endpoint);

export type XEndpoint = string;

/** The endpoint id of a response URL, or null when it is not one we extract. */
export function endpointOf(url: string): XEndpoint | null {
  const graphql = GRAPHQL.exec(url);
  if (graphql) return graphql[1] ?? null;
  const rest = REST.exec(url);
  if (!rest) return null;
  const version = rest[1] === '1.1' ? 'v1' : 'v2';
  // `/2/users/:id/tweets` and `/2/users/:id/liked_tweets` hold tweets, not users.
  const users = rest[2] && !/\/(?:tweets|liked_tweets|mentions|timelines)\b/.test(url);
  return `${version}.${users ? 'users' : version === 'v1' ? 'statuses' : 'tweets'}`;
}
