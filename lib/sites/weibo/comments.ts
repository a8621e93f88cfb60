/**
 * Comments under a Weibo post, from
 * - weibo.com `/ajax/statuses/buildComments`: `data[]` of the post's comments (fetch_level=0,
 *   `id` = the post) or of one comment's replies (fetch_level=1, `id` = that comment);
 * - m.weibo.cn `comments/hotflow` (`data.data[]`, `?mid=` the post) and `comments/hotFlowChild`
 *   (`data[]` replies and `rootComment`, `?cid=` the comment).
 * A top-level comment carries its first replies inline (`comments`). `rootid` is the top-level comment
 * of a thread, `reply_comment` the comment a reply answers; `source` "来自江苏" is the IP属地.
 *
 * Backed by real captures: buildComments fetch_level=0 (SSaV1oRR/Weibo_Crawler_Scrapy). The other
 * shapes follow field names other projects' code reads (MediaCrawler and its forks: `like_count`,
 * `total_number`, `rootid`, `source`, HTML `text`; weibo-crawler: `reply_comment`, `rootComment`).
 */
import { MAX_ID, MAX_NAME } from '../../record-keys';
import type { CommentRecord, ExtractContext } from '../../records';
import { idOf, isObject, type Json, readCount, readCreatedAt, type WeiboCollector } from './status';
import { readPostHtml, tidy } from './text';

/** Replies nest one level on Weibo; a bound all the same, for a hostile body. */
const MAX_NESTING = 3;

function param(url: string, name: string): string | null {
  try {
    return new URL(url, 'https://weibo.invalid').searchParams.get(name);
  } catch {
    return null;
  }
}

/** A comment names its thread's top comment (`rootid`); a status never does. */
export const isComment = (item: unknown): boolean =>
  isObject(item) && (item.rootid !== undefined || item.rootidstr !== undefined);

/** What the request URL says: the post (top-level pages) or the thread's top comment (reply pages). */
export interface CommentPage {
  postId: string;
  rootId: string | null;
}

export function commentPageOf(endpoint: string, url: string): CommentPage {
  if (endpoint === 'm/comments/hotFlowChild') return { postId: '', rootId: idOf(param(url, 'cid')) };
  if (endpoint === 'm/comments/hotflow')
    return { postId: idOf(param(url, 'mid')) ?? idOf(param(url, 'id')) ?? '', rootId: null };
  const id = idOf(param(url, 'id'));
  return param(url, 'fetch_level') === '1' ? { postId: '', rootId: id } : { postId: id ?? '', rootId: null };
}

/** `analysis_extra` "author_uid:5525643726|mid:5079225425986690": the post and its author. */
function extraOf(raw: Json): { postId?: string; authorUid?: string } {
  const extra = typeof raw.analysis_extra === 'string' ? raw.analysis_extra : '';
  const mid = /(?:^|\|)mid:(\d{1,30})(?:\||$)/.exec(extra)?.[1];
  const uid = /(?:^|\|)author_uid:(\d{1,30})(?:\||$)/.exec(extra)?.[1];
  return { postId: mid, authorUid: uid };
}

/** "来自江苏" → "江苏"; other sources (a device name on old comments) are no region. */
const regionOf = (source: unknown): string | undefined =>
  typeof source === 'string'
    ? /^来自\s*(\S.{0,40})$/.exec(source.trim())?.[1]?.slice(0, MAX_NAME)
    : undefined;

function textOf(raw: Json): string {
  if (typeof raw.text_raw === 'string') return tidy(raw.text_raw);
  return typeof raw.text === 'string' ? readPostHtml(raw.text).text : '';
}

export class CommentReader {
  constructor(
    private readonly c: WeiboCollector,
    private readonly ctx: ExtractContext,
    private readonly page: CommentPage,
  ) {}

  /** One comment and the replies it carries inline; `parent` is the comment it sits under, if any. */
  add(raw: unknown, parent: string | null, depth = 0): void {
    if (!isObject(raw)) return;
    const id = idOf(raw.idstr) ?? idOf(raw.id) ?? idOf(raw.mid);
    if (!id || id.length > MAX_ID) {
      this.c.fail('comment without an id');
      return;
    }
    const extra = extraOf(raw);
    const user = isObject(raw.user) ? this.c.addUser(raw.user) : null;
    const rootId = idOf(raw.rootidstr) ?? idOf(raw.rootid);
    const answered = isObject(raw.reply_comment)
      ? (idOf(raw.reply_comment.idstr) ?? idOf(raw.reply_comment.id))
      : null;
    const parentId =
      answered ??
      parent ??
      (rootId && rootId !== id ? rootId : null) ??
      (this.page.rootId !== id ? this.page.rootId : null);
    const statusId = isObject(raw.status) ? (idOf(raw.status.idstr) ?? idOf(raw.status.id)) : null;
    const likes = readCount(raw.like_counts) ?? readCount(raw.like_count);
    const replies = readCount(raw.total_number);
    const metrics: CommentRecord['metrics'] = {};
    const approx: Array<keyof CommentRecord['metrics']> = [];
    if (likes) {
      metrics.likes = likes.value;
      if (likes.approximate || likes.lowerBound) approx.push('likes');
    }
    if (replies) {
      metrics.replies = replies.value;
      if (replies.approximate || replies.lowerBound) approx.push('replies');
    }
    const created = readCreatedAt(raw.created_at, this.ctx.now);
    const record: CommentRecord = {
      kind: 'comment',
      platform: 'weibo',
      id,
      postId: extra.postId ?? statusId ?? this.page.postId,
      parentId: parentId === id ? null : parentId,
      authorId: user?.id ?? '',
      authorHandle: user?.handle ?? '',
      authorName: user?.name ?? '',
      text: textOf(raw),
      createdAt: created.createdAt,
      createdAtApprox: created.createdAtApprox,
      metrics,
      metricsExact: approx.length === 0,
    };
    if (approx.length && approx.length < Object.keys(metrics).length) record.approx = approx;
    const region = regionOf(raw.source);
    if (region) record.region = region;
    if (user && extra.authorUid === user.id) record.byCreator = true;
    if (raw.isLikedByMblogAuthor === true) record.hearted = true;
    this.c.putComment(record);
    if (isObject(raw.status)) this.c.addStatus(raw.status, true);
    if (depth < MAX_NESTING && Array.isArray(raw.comments))
      for (const reply of raw.comments) this.add(reply, id, depth + 1);
  }
}
