/**
 * The public REST APIs: v1.1 statuses (`statuses/user_timeline`, `search/tweets`, `statuses/show`)
 * and v2 (`/2/tweets`, `/2/users/:id/tweets`, …). x.com's web client does not call them; saved
 * bodies reach the CLI, and users backfill old history from them. v1.1 tweets use the same field
 * names as GraphQL's `legacy`; v2 has `public_metrics` and `includes`.
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
  pruneMetrics,
  RecordSet,
  str,
  text,
} from './shared';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): Json[] => list(v).filter(isObject);

function entityStrings(entities: unknown, key: string, field: string): Array<string | undefined> {
  return objects(isObject(entities) ? entities[key] : undefined).map((e) => str(e[field]));
}

// ---- v1.1 ----------------------------------------------------------------------------------------

export function v1Account(user: Json): AccountRecord | null {
  if (!isNativeId(user.id_str)) return null;
  return {
    kind: 'account',
    platform: 'x',
    id: user.id_str,
    handle: name(str(user.screen_name)),
    name: name(str(user.name)),
    followers: exactCount(user.followers_count),
    following: exactCount(user.friends_count),
    posts: exactCount(user.statuses_count),
    followersExact: true,
    bio: bio(str(user.description)),
    location: location(str(user.location)),
  };
}

function v1Format(status: Json): PostRecord['format'] {
  const extended = isObject(status.extended_entities) ? status.extended_entities : status.entities;
  const types = objects(isObject(extended) ? extended.media : undefined).map((m) => m.type);
  if (types.some((t) => t === 'video' || t === 'animated_gif')) return 'video';
  return types.includes('photo') ? 'image' : 'text';
}

function v1Post(status: Json, user: Json | undefined): PostRecord | null {
  if (!isNativeId(status.id_str)) return null;
  const id = status.id_str;
  const handle = name(str(user?.screen_name));
  const original = isObject(status.retweeted_status) ? status.retweeted_status : undefined;
  // Streaming and "extended" mode put the untruncated text in different places.
  const extended = isObject(status.extended_tweet) ? status.extended_tweet : undefined;
  const entities = extended?.entities ?? status.entities;
  const createdAt = twitterStyleTime(str(status.created_at) ?? '');
  // A retweet's counts are the original's (see graphql.ts), so they stay on the original.
  const metrics: Metrics = original
    ? {}
    : pruneMetrics({
        likes: exactCount(status.favorite_count),
        reposts: exactCount(status.retweet_count),
        quotes: exactCount(status.quote_count),
        comments: exactCount(status.reply_count),
      });
  const post: PostRecord = {
    kind: 'post',
    platform: 'x',
    id,
    url: postUrl(handle, id),
    authorId: nativeIdOr(user?.id_str),
    authorHandle: handle,
    authorName: name(str(user?.name)),
    text: text(str(extended?.full_text) ?? str(status.full_text) ?? str(status.text)),
    createdAt: createdAt === null ? null : toIso(createdAt),
    createdAtApprox: false,
    format: v1Format(extended ?? status),
    repostOf: original && isNativeId(original.id_str) ? original.id_str : null,
    metrics,
    metricsExact: true,
    links: httpLinks(entityStrings(entities, 'urls', 'expanded_url')),
    hashtags: hashtagList(entityStrings(entities, 'hashtags', 'text')),
  };
  const quoteOf = status.quoted_status_id_str;
  if (status.is_quote_status !== false && isNativeId(quoteOf)) post.quoteOf = quoteOf;
  if (isNativeId(status.in_reply_to_status_id_str)) post.replyTo = status.in_reply_to_status_id_str;
  return post;
}

function takeV1Status(status: Json, set: RecordSet, depth = 0): void {
  const user = isObject(status.user) ? status.user : undefined;
  const post = v1Post(status, user);
  if (!post) return;
  set.addPost(post);
  const account = user && v1Account(user);
  if (account) set.addAccount(account);
  if (depth > 2) return;
  for (const nested of [status.retweeted_status, status.quoted_status]) {
    if (isObject(nested)) takeV1Status(nested, set, depth + 1);
  }
}

export function extractV1(endpoint: string, body: unknown, _ctx: ExtractContext): Extraction {
  const extractor = `x.${endpoint}`;
  const set = new RecordSet();
  // Arrays (user_timeline, users/lookup), `{statuses}` (search) or one object (show).
  const items = Array.isArray(body)
    ? body
    : isObject(body) && Array.isArray(body.statuses)
      ? body.statuses
      : [body];
  for (const item of items) {
    if (!isObject(item)) continue;
    if (item.id_str !== undefined && (item.text !== undefined || item.full_text !== undefined))
      takeV1Status(item, set);
    else if (item.screen_name !== undefined) {
      const account = v1Account(item);
      if (account) set.addAccount(account);
      // users/show embeds the user's latest status without its author.
      if (isObject(item.status)) takeV1Status({ ...item.status, user: item }, set);
    }
  }
  if (set.toExtraction().records.length === 0) {
    const errors = isObject(body) ? list(body.errors) : [];
    set.fail(
      extractor,
      errors.length
        ? `X answered with errors: ${str((errors[0] as Json)?.message) ?? 'unknown'}`
        : 'no v1.1 statuses or users found',
    );
  }
  return set.toExtraction();
}

// ---- v2 ------------------------------------------------------------------------------------------

/** Media keys start with the media type ("3_" photo, "7_" video, "16_" animated GIF) when `includes.media` is missing. */
const MEDIA_KEY_TYPE: Record<string, string> = { '3': 'photo', '7': 'video', '16': 'animated_gif' };

function v2Format(tweet: Json, media: Map<string, string>): PostRecord['format'] {
  const keys = list(isObject(tweet.attachments) ? tweet.attachments.media_keys : undefined).filter(
    (k): k is string => typeof k === 'string',
  );
  const types = keys.map((k) => media.get(k) ?? MEDIA_KEY_TYPE[k.split('_')[0] ?? '']);
  if (types.some((t) => t === 'video' || t === 'animated_gif')) return 'video';
  return types.includes('photo') ? 'image' : 'text';
}

function v2Account(user: Json): AccountRecord | null {
  if (!isNativeId(user.id)) return null;
  const pm = isObject(user.public_metrics) ? user.public_metrics : {};
  return {
    kind: 'account',
    platform: 'x',
    id: user.id,
    handle: name(str(user.username)),
    name: name(str(user.name)),
    followers: exactCount(pm.followers_count),
    following: exactCount(pm.following_count),
    posts: exactCount(pm.tweet_count),
    followersExact: true,
    bio: bio(str(user.description)),
    location: location(str(user.location)),
  };
}

function v2Post(tweet: Json, users: Map<string, Json>, media: Map<string, string>): PostRecord | null {
  if (!isNativeId(tweet.id)) return null;
  const id = tweet.id;
  const author = typeof tweet.author_id === 'string' ? users.get(tweet.author_id) : undefined;
  const handle = name(str(author?.username));
  const refs = objects(tweet.referenced_tweets);
  const refOf = (type: string) => refs.find((r) => r.type === type)?.id;
  const repostOf = refOf('retweeted');
  const body = str(isObject(tweet.note_tweet) ? tweet.note_tweet.text : undefined) ?? str(tweet.text) ?? '';
  // Without `referenced_tweets` a retweet is still recognisable by its "RT @" text; its counts are the original's.
  const isRepost = repostOf !== undefined || body.startsWith('RT @');
  const pm = isObject(tweet.public_metrics) ? tweet.public_metrics : {};
  const views = exactCount(pm.impression_count);
  const created = typeof tweet.created_at === 'string' ? new Date(tweet.created_at) : null;
  const post: PostRecord = {
    kind: 'post',
    platform: 'x',
    id,
    url: postUrl(handle, id),
    authorId: nativeIdOr(tweet.author_id),
    authorHandle: handle,
    authorName: name(str(author?.name)),
    text: text(body),
    createdAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
    createdAtApprox: false,
    format: v2Format(tweet, media),
    repostOf: isNativeId(repostOf) ? repostOf : null,
    metrics: isRepost
      ? pruneMetrics({ views })
      : pruneMetrics({
          views,
          likes: exactCount(pm.like_count),
          reposts: exactCount(pm.retweet_count),
          quotes: exactCount(pm.quote_count),
          comments: exactCount(pm.reply_count),
          bookmarks: exactCount(pm.bookmark_count),
        }),
    metricsExact: true,
    links: httpLinks(entityStrings(tweet.entities, 'urls', 'expanded_url')),
    hashtags: hashtagList(entityStrings(tweet.entities, 'hashtags', 'tag')),
  };
  const quoteOf = refOf('quoted');
  if (isNativeId(quoteOf)) post.quoteOf = quoteOf;
  const replyTo = refOf('replied_to');
  if (isNativeId(replyTo)) post.replyTo = replyTo;
  if (isNativeId(tweet.conversation_id)) post.conversationId = tweet.conversation_id;
  return post;
}

export function extractV2(endpoint: string, body: unknown, _ctx: ExtractContext): Extraction {
  const extractor = `x.${endpoint}`;
  const set = new RecordSet();
  if (!isObject(body)) {
    set.fail(extractor, 'response is not a JSON object');
    return set.toExtraction();
  }
  const includes = isObject(body.includes) ? body.includes : {};
  const data = Array.isArray(body.data) ? body.data : isObject(body.data) ? [body.data] : [];
  const isUser = (o: Json) => o.username !== undefined && o.text === undefined;
  const userList = [...objects(includes.users), ...objects(data).filter(isUser)];
  const users = new Map(userList.map((u) => [String(u.id), u]));
  const media = new Map(objects(includes.media).map((m) => [String(m.media_key), String(m.type)]));
  for (const tweet of [...objects(data).filter((o) => !isUser(o)), ...objects(includes.tweets)]) {
    const post = v2Post(tweet, users, media);
    if (post) set.addPost(post);
  }
  for (const user of userList) {
    const account = v2Account(user);
    if (account) set.addAccount(account);
  }
  if (set.toExtraction().records.length === 0) {
    const errors = list(body.errors);
    const reason = errors.length
      ? `X answered with errors: ${str((errors[0] as Json)?.detail) ?? str((errors[0] as Json)?.title) ?? 'unknown'}`
      : 'no v2 tweets or users found';
    // An empty page (`meta.result_count: 0`) is an answer, not a failure.
    if (errors.length || !isObject(body.meta)) set.fail(extractor, reason);
  }
  return set.toExtraction();
}
