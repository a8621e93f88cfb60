/**
 * Posts and accounts in X's own GraphQL responses (`/i/api/graphql/<hash>/<Operation>`).
 *
 * The walk is generic over the timeline structure (instructions, entries, modules, pinned entries,
 * "Discover more" and conversation modules all nest differently and change often) and specific inside
 * a tweet: a tweet result is read field by field and only its retweeted and quoted tweets are
 * followed, so the bulk of the body (entities, media, cards) is never walked. That keeps extraction
 * well under the cost of the JSON.parse that precedes it.
 */
import { exactCount } from '../../parse/count';
import { toIso, twitterStyleTime } from '../../parse/date';
import type { AccountRecord, ExtractContext, Extraction, Metrics, PostRecord } from '../../records';
import {
  bio,
  hashtagList,
  httpLinks,
  isNativeId,
  isObject,
  type Json,
  location,
  name,
  nativeIdOr,
  postUrl,
  RecordSet,
  str,
  text,
} from './shared';

/** X nests timelines about 20 levels deep; anything far deeper is not a response we understand. */
const MAX_DEPTH = 64;

/** `a.b.c` on untrusted JSON: undefined as soon as a step is not an object. */
function at(node: unknown, ...keys: string[]): unknown {
  let cur = node;
  for (const key of keys) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

const objectAt = (node: unknown, ...keys: string[]): Json | undefined => {
  const v = at(node, ...keys);
  return isObject(v) ? v : undefined;
};

const arrayAt = (node: unknown, ...keys: string[]): unknown[] => {
  const v = at(node, ...keys);
  return Array.isArray(v) ? v : [];
};

/**
 * The tweet inside a result union: `Tweet` as is, `TweetWithVisibilityResults` unwrapped, and
 * `TweetTombstone` / `TweetUnavailable` (deleted, withheld, protected) skipped without a failure.
 */
function unwrapTweet(result: unknown): Json | undefined {
  if (!isObject(result)) return undefined;
  const typename = result.__typename;
  if (typename === 'TweetWithVisibilityResults') return unwrapTweet(result.tweet);
  if (typename === 'Tweet') return result;
  // Older responses and some modules omit __typename on a full tweet.
  if (typename === undefined && isNativeId(result.rest_id) && isObject(result.legacy)) return result;
  return undefined;
}

const TWEET_TYPENAMES = new Set([
  'Tweet',
  'TweetWithVisibilityResults',
  'TweetTombstone',
  'TweetUnavailable',
]);

function isTweetResult(node: Json): boolean {
  const typename = node.__typename;
  if (typeof typename === 'string') return TWEET_TYPENAMES.has(typename);
  return isNativeId(node.rest_id) && isObject(node.legacy) && 'full_text' in node.legacy;
}

function isUserResult(node: Json): boolean {
  if (node.__typename === 'User') return true;
  return node.__typename === undefined && isNativeId(node.rest_id) && screenNameOf(node) !== undefined;
}

/** 2025+ users carry identity in `core`; older ones in `legacy`. */
const screenNameOf = (user: Json): string | undefined =>
  str(at(user, 'core', 'screen_name')) ?? str(at(user, 'legacy', 'screen_name'));
const displayNameOf = (user: Json): string | undefined =>
  str(at(user, 'core', 'name')) ?? str(at(user, 'legacy', 'name'));
/** 2025+ users: `profile_bio.description` and `location.location`; older ones: `legacy.*`. */
const bioOf = (user: Json): string | undefined =>
  str(at(user, 'profile_bio', 'description')) ?? str(at(user, 'legacy', 'description'));
const locationOf = (user: Json): string | undefined =>
  str(at(user, 'location', 'location')) ?? str(at(user, 'legacy', 'location'));

export function accountFromUser(user: Json): AccountRecord | null {
  const id = user.rest_id;
  if (!isNativeId(id)) return null;
  const legacy = objectAt(user, 'legacy');
  const handle = screenNameOf(user);
  // 2025+ shape: `relationship_counts` and `tweet_counts` replace the legacy counts.
  const followers =
    exactCount(legacy?.followers_count) ?? exactCount(at(user, 'relationship_counts', 'followers'));
  const following =
    exactCount(legacy?.friends_count) ?? exactCount(at(user, 'relationship_counts', 'following'));
  const posts = exactCount(legacy?.statuses_count) ?? exactCount(at(user, 'tweet_counts', 'tweets'));
  if (handle === undefined && followers === undefined) return null;
  return {
    kind: 'account',
    platform: 'x',
    id,
    handle: name(handle),
    name: name(displayNameOf(user)),
    followers,
    following,
    posts,
    followersExact: true,
    bio: bio(bioOf(user)),
    location: location(locationOf(user)),
  };
}

type Format = PostRecord['format'];

function formatOf(tweet: Json, legacy: Json): Format {
  if (isObject(tweet.article)) return 'article';
  // Live video ("…:broadcast") and Spaces ("…:audiospace") cards: the post is a live event.
  const card = str(at(tweet, 'card', 'legacy', 'name'));
  if (card && /(?:^|:)(?:broadcast|audiospace)$/.test(card)) return 'live';
  const media = arrayAt(legacy, 'extended_entities', 'media');
  const types = (media.length ? media : arrayAt(legacy, 'entities', 'media')).map((m) => at(m, 'type'));
  if (types.some((t) => t === 'video' || t === 'animated_gif')) return 'video';
  if (types.includes('photo')) return 'image';
  return 'text';
}

function textOf(tweet: Json, legacy: Json): string {
  const article = objectAt(tweet, 'article', 'article_results', 'result');
  const title = str(article?.title);
  if (title) {
    const preview = str(article?.preview_text);
    return text(preview ? `${title}\n\n${preview}` : title);
  }
  // Long posts: `legacy.full_text` holds only the first 280 characters.
  return text(str(at(tweet, 'note_tweet', 'note_tweet_results', 'result', 'text')) ?? str(legacy.full_text));
}

function entityValues(
  tweet: Json,
  legacy: Json,
  list: 'urls' | 'hashtags',
  field: string,
): Array<string | undefined> {
  const note = arrayAt(tweet, 'note_tweet', 'note_tweet_results', 'result', 'entity_set', list);
  return [...arrayAt(legacy, 'entities', list), ...note].map((e) => str(at(e, field)));
}

/**
 * A retweet wrapper's own counts are not its own: likes, replies, quotes and bookmarks are 0 and
 * retweet_count copies the original's, so they stay absent (the original carries them). Its view
 * count is the wrapper's own impressions and is kept.
 */
function metricsOf(tweet: Json, legacy: Json, isRepost: boolean): Metrics {
  const metrics: Metrics = {};
  // Assigned one by one (no spread or prune pass): this runs for every tweet of every response.
  const put = (key: keyof Metrics, raw: unknown) => {
    const value = exactCount(raw);
    if (value !== undefined) metrics[key] = value;
  };
  put('views', at(tweet, 'views', 'count'));
  if (isRepost) return metrics;
  put('likes', legacy.favorite_count);
  put('reposts', legacy.retweet_count);
  put('quotes', legacy.quote_count);
  put('comments', legacy.reply_count);
  put('bookmarks', legacy.bookmark_count);
  return metrics;
}

export function postFromTweet(tweet: Json, author: Json | undefined): PostRecord | null {
  const id = tweet.rest_id;
  const legacy = objectAt(tweet, 'legacy');
  if (!isNativeId(id) || !legacy) return null;
  const handle = name(author && screenNameOf(author));
  const retweeted = at(legacy, 'retweeted_status_result');
  const original = unwrapTweet(at(retweeted, 'result'));
  const quoted = unwrapTweet(at(tweet, 'quoted_status_result', 'result'));
  const quoteOf =
    str(quoted?.rest_id) ?? (legacy.is_quote_status === true ? str(legacy.quoted_status_id_str) : undefined);
  const createdAt = twitterStyleTime(str(legacy.created_at) ?? '');
  const post: PostRecord = {
    kind: 'post',
    platform: 'x',
    id,
    url: postUrl(handle, id),
    authorId: nativeIdOr(author?.rest_id, legacy.user_id_str),
    authorHandle: handle,
    authorName: name(author && displayNameOf(author)),
    text: textOf(tweet, legacy),
    createdAt: createdAt === null ? null : toIso(createdAt),
    createdAtApprox: false,
    format: formatOf(tweet, legacy),
    repostOf: isNativeId(original?.rest_id) ? original.rest_id : null,
    metrics: metricsOf(tweet, legacy, retweeted !== undefined),
    metricsExact: true,
    links: httpLinks(entityValues(tweet, legacy, 'urls', 'expanded_url')),
    hashtags: hashtagList(entityValues(tweet, legacy, 'hashtags', 'text')),
  };
  if (isNativeId(quoteOf)) post.quoteOf = quoteOf;
  // A reply names the post it answers and its thread's root; both only when they are ids.
  if (isNativeId(legacy.in_reply_to_status_id_str)) post.replyTo = legacy.in_reply_to_status_id_str;
  if (isNativeId(legacy.conversation_id_str)) post.conversationId = legacy.conversation_id_str;
  return post;
}

class GraphqlWalk {
  constructor(
    readonly set: RecordSet,
    readonly extractor: string,
  ) {}

  visit(node: unknown, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.set.fail(this.extractor, `response nests deeper than ${MAX_DEPTH} levels; the rest was skipped`);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) this.visit(item, depth + 1);
      return;
    }
    const obj = node as Json;
    if (isTweetResult(obj)) {
      this.takeTweet(obj);
      return;
    }
    // A promoted timeline item is an advertiser's paid placement, never the timeline owner's post.
    if (obj.promotedMetadata !== undefined) return;
    if (isUserResult(obj)) this.takeUser(obj);
    // Users are walked on: UserTweets nests the whole timeline inside `data.user.result`.
    for (const key in obj) {
      const child = obj[key];
      if (typeof child === 'object' && child !== null) this.visit(child, depth + 1);
    }
  }

  takeUser(user: Json): void {
    const account = accountFromUser(user);
    if (account) this.set.addAccount(account);
  }

  takeTweet(result: Json): void {
    const tweet = unwrapTweet(result);
    // Tombstones, unavailable tweets and id-only stubs (`quotedRefResult`) carry nothing to record.
    if (!tweet || !isObject(tweet.legacy)) return;
    const id = tweet.rest_id;
    if (!isNativeId(id)) {
      this.set.fail(this.extractor, 'tweet result without a numeric rest_id');
      return;
    }
    if (!this.set.hasPost(id)) {
      const author = objectAt(tweet, 'core', 'user_results', 'result');
      const post = postFromTweet(tweet, author?.__typename === 'UserUnavailable' ? undefined : author);
      if (!post) return;
      this.set.addPost(post);
      if (author && isUserResult(author)) this.takeUser(author);
      for (const ref of arrayAt(tweet, 'card', 'legacy', 'user_refs_results')) {
        const user = objectAt(ref, 'result');
        if (user && isUserResult(user)) this.takeUser(user);
      }
    }
    // The original of a retweet and the quoted tweet are posts of their own, followed even in a copy
    // already recorded: an earlier copy may carry only a `quotedRefResult` stub where a later one
    // ("You might also like") holds the whole quoted tweet.
    const original = at(tweet, 'legacy', 'retweeted_status_result', 'result');
    if (isObject(original)) this.takeTweet(original);
    const quoted = at(tweet, 'quoted_status_result', 'result');
    if (isObject(quoted)) this.takeTweet(quoted);
  }
}

function errorSummary(errors: unknown): string {
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return str(at(first, 'message')) ?? 'unknown error';
}

export function extractGraphql(endpoint: string, body: unknown, _ctx: ExtractContext): Extraction {
  const extractor = `x.${endpoint}`;
  const set = new RecordSet();
  if (typeof body !== 'object' || body === null) {
    set.fail(extractor, 'response is not a JSON object');
    return set.toExtraction();
  }
  new GraphqlWalk(set, extractor).visit(body, 0);
  const extraction = set.toExtraction();
  if (extraction.records.length === 0 && isObject(body)) {
    if (body.errors !== undefined && body.data == null) {
      set.fail(extractor, `X answered with errors and no data: ${errorSummary(body.errors)}`);
    } else if (!('data' in body)) {
      set.fail(extractor, 'unexpected shape: no `data` and no tweet or user results');
    }
  }
  return extraction;
}
