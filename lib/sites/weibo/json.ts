/**
 * JSON responses of weibo.com `/ajax/*` and m.weibo.cn, by endpoint id (see endpoints.ts). Each
 * endpoint finds its statuses or users and hands them to the shared WeiboCollector.
 */
import { MAX_LIST, MAX_TEXT } from '../../record-keys';
import type { ExtractContext, Extraction, PostRecord } from '../../records';
import { CommentReader, commentPageOf, isComment } from './comments';
import { idParam } from './endpoints';
import { mblogidToId } from './ids';
import { idOf, isObject, type Json, MetricsBuilder, postUrl, readCount, WeiboCollector } from './status';
import { hashtagsIn, isStorableUrl, readPostHtml } from './text';

const MAX_CARD_DEPTH = 3;

/**
 * `ok` is 1 on success. 0 is an error or an empty container ("这里还没有内容"), -100 a login wall
 * (with a passport URL). A body that is no object at all is most likely an HTML login or captcha page.
 */
function problemOf(body: unknown): string | null {
  if (typeof body === 'string') {
    return /^\s*</.test(body)
      ? 'HTML where JSON was expected (login or captcha page?)'
      : 'response is not JSON';
  }
  if (Array.isArray(body)) return null;
  if (!isObject(body)) return 'response is not a JSON object';
  if (body.ok === undefined || body.ok === 1 || body.ok === '1' || body.ok === true) return null;
  const message = [body.msg, body.message, body.error, body.error_code, body.url]
    .filter((m) => typeof m === 'string' || typeof m === 'number')
    .join(' ');
  return `ok=${String(body.ok)}${message ? `: ${message}` : ''}`;
}

/** A string body that is JSON after all (the CLI may hand over text). */
function asJson(body: unknown): unknown {
  if (typeof body !== 'string' || !/^\s*[{[]/.test(body)) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

type EndpointReader = (body: Json | unknown[], c: WeiboCollector, ctx: ExtractContext) => void;

/** `data.list` (mymblog), `statuses` (/ajax/feed/*, the old Open API), `data` array (repostTimeline). */
function statusList(body: Json | unknown[]): unknown[] | null {
  if (Array.isArray(body)) return body;
  const data = body.data;
  if (isObject(data) && Array.isArray(data.list)) return data.list;
  if (isObject(data) && Array.isArray(data.statuses)) return data.statuses;
  if (Array.isArray(body.statuses)) return body.statuses;
  if (Array.isArray(data)) return data;
  return null;
}

const readStatusList: EndpointReader = (body, c) => {
  const list = statusList(body);
  if (!list) return c.fail('no status list (data.list, statuses or data[]) in the response');
  // A saved buildComments body read without its URL: its comments are not the commenters' posts.
  if (list.some(isComment)) return c.fail('a comment list (buildComments), not statuses');
  for (const status of list) c.addStatus(status);
};

/** A status names its author and its time; any object with an id would do for readShow. */
const isStatus = (item: unknown): boolean =>
  isObject(item) && isObject(item.user) && item.created_at !== undefined;

/**
 * Whether a body is a list holding statuses (for a body saved without its URL): an X API v2 page
 * (`{data: [{id, text}]}`) is a list of objects with ids too, but names no author object.
 */
export const isStatusListBody = (body: unknown): boolean => {
  const list = isObject(body) || Array.isArray(body) ? statusList(body) : null;
  return list?.some(isStatus) === true;
};

/** Whether a body is one status as statuses/show answers (for a body saved without its URL). */
export const isShowBody = (body: unknown): boolean =>
  isStatus(body) || (isObject(body) && isStatus(body.data));

/** weibo.com answers with the status itself (plus ok:1); m.weibo.cn wraps it in `data`. */
const readShow: EndpointReader = (body, c) => {
  if (Array.isArray(body)) return c.fail('expected one status, got an array');
  const status =
    isObject(body.data) && (body.data.id !== undefined || body.data.idstr !== undefined) ? body.data : body;
  if (c.addStatus(status) === null) c.fail('no status in the response');
};

/** getIndex: timeline cards (`mblog`, nested `card_group`), user cards, and the profile `userInfo`. */
const readContainer: EndpointReader = (body, c) => {
  if (Array.isArray(body)) return c.fail('expected an object, got an array');
  // A body without `ok` is the `data` object itself (saved by some tools without its envelope).
  const data = isObject(body.data) ? body.data : body.ok === undefined ? body : null;
  if (!data) return c.fail('no data in the response');
  if (isObject(data.userInfo)) c.addUser(data.userInfo);
  if (Array.isArray(data.cards)) walkCards(data.cards, c, 0);
  else if (!isObject(data.userInfo)) c.fail('neither cards nor userInfo in the response');
};

function walkCards(cards: unknown[], c: WeiboCollector, depth: number): void {
  for (const card of cards) {
    if (!isObject(card)) continue;
    if (isObject(card.mblog)) c.addStatus(card.mblog);
    if (isObject(card.user) && card.mblog === undefined) c.addUser(card.user);
    if (Array.isArray(card.card_group) && depth < MAX_CARD_DEPTH) walkCards(card.card_group, c, depth + 1);
  }
}

/** weibo.com /ajax/profile/info: `data.user` (followers_count, friends_count, statuses_count). */
const readProfile: EndpointReader = (body, c) => {
  const data = !Array.isArray(body) && isObject(body.data) ? body.data : null;
  const user = data && isObject(data.user) ? data.user : null;
  if (!user || c.addUser(user) === null) c.fail('no user in the response');
};

/**
 * m.weibo.cn `/api/config`, asked by the mobile site on load: `data.login`, and signed in the viewer's
 * `uid` (a body recorded in YaoZeyuan/stablog; RSSHub reads `data.uid` the same way). It names the
 * viewer by id only; the names come with the viewer's profile. Signed out it names nobody.
 */
const readConfig: EndpointReader = (body, c) => {
  const data = !Array.isArray(body) && isObject(body.data) ? body.data : null;
  if (!data) return c.fail('no data in the response');
  if (data.login === true && c.addViewer({ idstr: data.uid }) === null) c.fail('signed in, but no uid');
};

/** `data[]` (buildComments, hotFlowChild), `data.data[]` (hotflow) or the body itself. */
const commentListOf = (body: Json | unknown[]): unknown =>
  Array.isArray(body) ? body : isObject(body.data) ? body.data.data : body.data;

/** Whether a body is a page of comments (for a body saved without its URL): they name their thread. */
export const isCommentListBody = (body: unknown): boolean => {
  const list = isObject(body) || Array.isArray(body) ? commentListOf(body) : null;
  return Array.isArray(list) && list.some(isComment);
};

/**
 * Comment lists: weibo.com buildComments `data[]`, m.weibo.cn hotflow `data.data[]` and hotFlowChild
 * `data[]` (with the thread's `rootComment`). A comment that carries the commented `status` also
 * yields that post.
 */
const readComments =
  (endpoint: string): EndpointReader =>
  (body, c, ctx) => {
    const data = commentListOf(body);
    if (!Array.isArray(data)) return c.fail('no comment list in the response');
    const reader = new CommentReader(c, ctx, commentPageOf(endpoint, ctx.url));
    const roots = Array.isArray(body) ? [] : body.rootComment;
    if (Array.isArray(roots)) for (const root of roots) reader.add(root, null);
    for (const comment of data) reader.add(comment, null);
  };

/**
 * The full text of a long post (weibo.com longtext `data.longTextContent`; m.weibo.cn extend adds the
 * counts). The body names no post: the id comes from the request URL (`?id=` numeric or mblogid).
 * Only what the body holds is filled in; the author, time and format stay with the stored post.
 */
const readLongText: EndpointReader = (body, c, ctx) => {
  const data = !Array.isArray(body) && isObject(body.data) ? body.data : null;
  const content = data && typeof data.longTextContent === 'string' ? data.longTextContent : null;
  if (!data || content === null) return c.fail('no longTextContent in the response');
  const param = idParam(ctx.url) ?? '';
  const id = idOf(param) ?? mblogidToId(param);
  if (!id) return c.fail(`no post id in the request URL ${ctx.url.slice(0, 200)}`);
  const shortId = idOf(param) ? undefined : param;
  const metrics = new MetricsBuilder();
  metrics.set('reposts', readCount(data.reposts_count));
  metrics.set('comments', readCount(data.comments_count));
  metrics.set('likes', readCount(data.attitudes_count));
  const { text, links } = readPostHtml(content);
  if (Array.isArray(data.url_struct)) {
    for (const u of data.url_struct)
      if (isObject(u) && isStorableUrl(u.long_url) && !links.includes(u.long_url)) links.push(u.long_url);
  }
  const record: PostRecord = {
    kind: 'post',
    platform: 'weibo',
    id,
    url: postUrl(id, '', undefined),
    authorId: '',
    authorHandle: '',
    authorName: '',
    text: text.slice(0, MAX_TEXT),
    createdAt: null,
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: metrics.metrics,
    metricsExact: metrics.exact,
    links: links.slice(0, MAX_LIST),
    hashtags: hashtagsIn(text).slice(0, MAX_LIST),
    partial: true,
  };
  if (metrics.lowerBounds.length) record.lowerBounds = metrics.lowerBounds;
  if (metrics.approx.length) record.approx = metrics.approx;
  if (shortId) record.shortId = shortId;
  c.putPost(record, false);
};

function readerOf(endpoint: string): EndpointReader | null {
  if (endpoint.startsWith('ajax/feed/')) return readStatusList;
  switch (endpoint) {
    case 'ajax/statuses/mymblog':
    case 'ajax/statuses/repostTimeline':
      return readStatusList;
    case 'ajax/statuses/show':
    case 'm/statuses/show':
      return readShow;
    case 'ajax/statuses/longtext':
    case 'm/statuses/extend':
      return readLongText;
    case 'ajax/profile/info':
      return readProfile;
    case 'ajax/statuses/buildComments':
    case 'm/comments/hotflow':
    case 'm/comments/hotFlowChild':
      return readComments(endpoint);
    case 'm/container/getIndex':
      return readContainer;
    case 'm/config':
      return readConfig;
    default:
      return null;
  }
}

/** Never throws: a malformed body becomes a failure naming `weibo.<endpoint>`. */
export function extractWeiboJson(endpoint: string, rawBody: unknown, ctx: ExtractContext): Extraction {
  const c = new WeiboCollector(ctx, `weibo.${endpoint}`);
  try {
    const reader = readerOf(endpoint);
    if (!reader) {
      c.fail(`unknown endpoint ${endpoint.slice(0, 80)}`);
      return c.result();
    }
    const body = asJson(rawBody);
    const problem = problemOf(body);
    if (problem) {
      c.fail(problem);
      return { records: [], failures: c.failures };
    }
    reader(body as Json | unknown[], c, ctx);
    return c.result();
  } catch (error) {
    c.fail(`extractor error: ${error instanceof Error ? error.message : String(error)}`);
    return { records: [], failures: c.failures };
  }
}
