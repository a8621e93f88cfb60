/**
 * One Weibo status object (`mblog`) → post records, one user object → an account record. Every API
 * (weibo.com /ajax, m.weibo.cn, the old Open API) sends the same status shape with small variations,
 * so all JSON endpoints and `$render_data` share this. Only the fields used here are read, leniently.
 */
import { exactCount, parseCount } from '../../parse/count';
import { parseRelativeTime, toIso, twitterStyleTime } from '../../parse/date';
import { MAX_BIO, MAX_LIST, MAX_NAME, MAX_TEXT } from '../../record-keys';
import type {
  AccountRecord,
  CommentRecord,
  ExtractContext,
  ExtractFailure,
  Extraction,
  MetricKey,
  PostRecord,
} from '../../records';
import { hashtagsIn, isStorableUrl, linksInHtml, readPostHtml, tidy } from './text';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Weibo prints every calendar time ("06-14", "昨天 10:00") in China time. */
export const CHINA_OFFSET_MINUTES = 480;

/** A string or a safe integer as a native id; anything else (floats, objects) is no id. */
export function idOf(raw: unknown): string | null {
  if (typeof raw === 'string' && /^\d{1,30}$/.test(raw)) return raw;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) return String(raw);
  return null;
}

const str = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);

const WAN = /^\s*(\d{1,12}(?:\.\d{1,4})?)\s*(万|亿)(\+?)/;

export interface Count {
  value: number;
  approximate: boolean;
  lowerBound: boolean;
}

/**
 * A count as the JSON carries it: an integer, a digit string, "145.5万", or a capped display "100万+".
 * `cap` is the status's `number_display_strategy.display_text_min_number` (1000000): Weibo stops
 * counting there, so a value equal to it is a floor, not a value.
 */
export function readCount(raw: unknown, cap?: number): Count | undefined {
  const exact = exactCount(raw);
  if (exact !== undefined)
    return { value: exact, approximate: false, lowerBound: cap !== undefined && exact === cap };
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  // Weibo's own forms ("145.5万", "100万+", "87万次播放") without building parseCount's Intl tables,
  // which costs ~20 ms on a page's first count.
  const wan = WAN.exec(raw);
  if (wan) {
    const value = Math.round(Number(wan[1]) * (wan[2] === '亿' ? 1e8 : 1e4));
    return { value, approximate: true, lowerBound: wan[3] === '+' };
  }
  const parsed = parseCount(raw, 'zh-CN');
  if (!parsed) return undefined;
  return {
    value: parsed.value,
    approximate: parsed.approximate || parsed.lowerBound,
    lowerBound: parsed.lowerBound,
  };
}

/** Created time: exact for "Tue Jun 08 09:35:04 +0800 2021", approximate for "06-14", "16小时前", "刚刚". */
export function readCreatedAt(
  raw: unknown,
  now: Date,
): { createdAt: string | null; createdAtApprox: boolean } {
  if (typeof raw !== 'string' || raw.trim() === '') return { createdAt: null, createdAtApprox: false };
  const exact = twitterStyleTime(raw);
  if (exact !== null) return { createdAt: toIso(exact), createdAtApprox: false };
  const relative = parseRelativeTime(raw, now, CHINA_OFFSET_MINUTES);
  return relative
    ? { createdAt: toIso(relative.at.getTime()), createdAtApprox: true }
    : { createdAt: null, createdAtApprox: false };
}

/** Metrics plus how trustworthy they are, built key by key. */
export class MetricsBuilder {
  readonly metrics: PostRecord['metrics'] = {};
  readonly lowerBounds: MetricKey[] = [];
  /** Keys read from abbreviated text, so exact neighbours stay exact in storage. */
  readonly approx: MetricKey[] = [];
  exact = true;

  set(key: MetricKey, count: Count | undefined): void {
    if (!count || count.value > Number.MAX_SAFE_INTEGER) return;
    this.metrics[key] = count.value;
    if (count.approximate || count.lowerBound) {
      this.exact = false;
      if (!this.approx.includes(key)) this.approx.push(key);
    }
    if (count.lowerBound && !this.lowerBounds.includes(key)) this.lowerBounds.push(key);
  }
}

const hasItems = (v: unknown): boolean =>
  (Array.isArray(v) && v.length > 0) || (isObject(v) && Object.keys(v).length > 0);

function formatOf(status: Json, isRepost: boolean): PostRecord['format'] {
  const hasPics =
    (exactCount(status.pic_num) ?? 0) > 0 ||
    hasItems(status.pic_ids) ||
    hasItems(status.pics) ||
    hasItems(status.pic_infos);
  // A repost carries a copy of the original's card (page_info): the card describes the original.
  const card = !isRepost && isObject(status.page_info) ? status.page_info : null;
  if (card) {
    if (card.type === 'video' || card.object_type === 'video' || card.object_type === 11) return 'video';
    if (card.object_type === 'article' || card.source_type === 'article' || card.type === 'article')
      return 'article';
  }
  return hasPics ? 'image' : 'text';
}

/**
 * Views where the JSON has them: `reads_count` (some show responses), else video plays of the post's
 * own card: `media_info.online_users_number` (weibo.com), `play_count` (m.weibo.cn: 9035434 or
 * "345万次播放").
 */
function viewsOf(status: Json, isRepost: boolean): Count | undefined {
  const reads = readCount(status.reads_count);
  if (reads) return reads;
  const card = !isRepost && isObject(status.page_info) ? status.page_info : null;
  if (!card) return undefined;
  const media = isObject(card.media_info) ? card.media_info : {};
  return readCount(media.online_users_number) ?? readCount(card.play_count);
}

/**
 * The post's own text: the long text when the response has it, else text_raw, else the HTML `text`;
 * and the outbound links of that HTML (read in the same pass when the text comes from it).
 */
function textOf(status: Json): { text: string; html: string; htmlLinks: string[] } {
  const longText = isObject(status.longText) ? str(status.longText.longTextContent) : undefined;
  const html = longText ?? str(status.text) ?? '';
  const raw = str(status.text_raw);
  if (longText === undefined && raw !== undefined)
    return { text: tidy(raw).slice(0, MAX_TEXT), html, htmlLinks: linksInHtml(html) };
  const read = readPostHtml(html);
  return { text: read.text.slice(0, MAX_TEXT), html, htmlLinks: read.links };
}

function topicTitles(status: Json): string[] {
  if (!Array.isArray(status.topic_struct)) return [];
  return status.topic_struct
    .map((t) => (isObject(t) ? str(t.topic_title) : undefined))
    .filter((t): t is string => !!t);
}

/**
 * Links: url_struct's long URLs (weibo.com) and the HTML's outbound anchors (m.weibo.cn, WAP). A
 * repost's url_struct also lists the original's links, so a repost keeps only those its own text shows.
 */
function linksOf(status: Json, text: string, html: string, htmlLinks: string[], isRepost: boolean): string[] {
  const out: string[] = [];
  const add = (u: unknown) => {
    if (isStorableUrl(u) && !out.includes(u) && out.length < MAX_LIST) out.push(u);
  };
  if (Array.isArray(status.url_struct)) {
    for (const entry of status.url_struct) {
      if (!isObject(entry)) continue;
      const short = str(entry.short_url);
      if (isRepost && !(short && (text.includes(short) || html.includes(short)))) continue;
      add(isStorableUrl(entry.long_url) ? entry.long_url : short);
    }
  }
  for (const link of htmlLinks) add(link);
  return out;
}

export function postUrl(id: string, authorId: string, shortId: string | undefined): string {
  return shortId && authorId ? `https://weibo.com/${authorId}/${shortId}` : `https://m.weibo.cn/detail/${id}`;
}

const isDeleted = (status: Json): boolean =>
  status.deleted === '1' || status.deleted === 1 || status.deleted === true;

/**
 * Gathers the records of one response: posts by id (a top-level status replaces an embedded copy of
 * the same post, never the reverse) and accounts by id (later sightings fill counts earlier ones lacked).
 */
export class WeiboCollector {
  private readonly posts = new Map<string, { record: PostRecord; embedded: boolean }>();
  private readonly accounts = new Map<string, AccountRecord>();
  private readonly comments = new Map<string, CommentRecord>();
  readonly failures: ExtractFailure[] = [];

  constructor(
    private readonly ctx: ExtractContext,
    readonly extractor: string,
  ) {}

  fail(reason: string): void {
    if (this.failures.length < 20)
      this.failures.push({ extractor: this.extractor, reason: reason.slice(0, 500) });
  }

  /** Adds a status (and its retweeted original); returns its id, or null when it has none. */
  addStatus(raw: unknown, embedded = false, depth = 0): string | null {
    if (!isObject(raw)) return null;
    const id = idOf(raw.idstr) ?? idOf(raw.id) ?? idOf(raw.mid);
    if (!id) {
      this.fail('status without an id');
      return null;
    }
    if (isDeleted(raw)) return id;
    const rt = depth < 2 && isObject(raw.retweeted_status) ? raw.retweeted_status : null;
    const repostOf = rt ? this.addStatus(rt, true, depth + 1) : null;
    const isRepost = repostOf !== null;
    const user = isObject(raw.user) ? raw.user : null;
    const author = user ? this.addUser(user) : null;
    const cap = isObject(raw.number_display_strategy)
      ? exactCount(raw.number_display_strategy.display_text_min_number)
      : undefined;
    const metrics = new MetricsBuilder();
    metrics.set('reposts', readCount(raw.reposts_count, cap));
    metrics.set('comments', readCount(raw.comments_count, cap));
    metrics.set('likes', readCount(raw.attitudes_count, cap));
    metrics.set('views', viewsOf(raw, isRepost));
    const { text, html, htmlLinks } = textOf(raw);
    // Checked before it goes into the post URL: a 1e6-character "mblogid" would break the URL cap.
    const rawShortId = str(raw.mblogid) ?? str(raw.bid);
    const shortId = rawShortId && /^[0-9a-zA-Z]{1,64}$/.test(rawShortId) ? rawShortId : undefined;
    const hashtags = hashtagsIn(text);
    if (!isRepost) for (const t of topicTitles(raw)) if (!hashtags.includes(t)) hashtags.push(t);
    const authorId = author?.id ?? '';
    // Fields named one by one, not spread: a spread in this literal costs more than the date itself.
    const created = readCreatedAt(raw.created_at, this.ctx.now);
    const record: PostRecord = {
      kind: 'post',
      platform: 'weibo',
      id,
      url: postUrl(id, authorId, shortId),
      authorId,
      authorHandle: author?.handle ?? '',
      authorName: author?.name ?? '',
      text,
      createdAt: created.createdAt,
      createdAtApprox: created.createdAtApprox,
      format: formatOf(raw, isRepost),
      repostOf,
      metrics: metrics.metrics,
      metricsExact: metrics.exact,
      links: linksOf(raw, text, html, htmlLinks, isRepost),
      hashtags: hashtags.slice(0, MAX_LIST).map((t) => t.slice(0, MAX_NAME)),
    };
    if (metrics.lowerBounds.length) record.lowerBounds = metrics.lowerBounds;
    if (metrics.approx.length) record.approx = metrics.approx;
    if (shortId) record.shortId = shortId;
    this.putPost(record, embedded);
    return id;
  }

  putComment(record: CommentRecord): void {
    if (!this.comments.has(record.id)) this.comments.set(record.id, record);
  }

  putPost(record: PostRecord, embedded: boolean): void {
    const seen = this.posts.get(record.id);
    if (seen && (embedded || !seen.embedded)) return;
    this.posts.set(record.id, { record, embedded });
  }

  /** An account record from a user object (`userInfo`, `status.user`); returns it, or null without an id. */
  addUser(user: Json): AccountRecord | null {
    const id = idOf(user.idstr) ?? idOf(user.id);
    if (!id) return null;
    const name = (str(user.screen_name) ?? str(user.name) ?? '').trim().slice(0, MAX_NAME);
    const followers = readCount(user.followers_count) ?? readCount(user.followers_count_str);
    const following = readCount(user.follow_count) ?? readCount(user.friends_count);
    const posts = readCount(user.statuses_count);
    const record: AccountRecord = {
      kind: 'account',
      platform: 'weibo',
      id,
      handle: name,
      name,
      followersExact: !followers?.approximate,
    };
    if (followers) record.followers = followers.value;
    if (following) record.following = following.value;
    if (posts) record.posts = posts.value;
    if (typeof user.description === 'string') record.bio = tidy(user.description).slice(0, MAX_BIO);
    if (typeof user.location === 'string') record.location = user.location.trim().slice(0, MAX_NAME);
    this.putAccount(record);
    return record;
  }

  /** The signed-in viewer's account (`viewerIsOwner`), from a user object naming at least its id. */
  addViewer(user: Json): AccountRecord | null {
    const record = this.addUser(user);
    if (record) this.putAccount({ ...record, viewerIsOwner: true });
    return record;
  }

  putAccount(record: AccountRecord): void {
    const seen = this.accounts.get(record.id);
    if (!seen) {
      this.accounts.set(record.id, record);
      return;
    }
    // Keep the first sighting, filling what it lacked; an exact follower count beats an abbreviated one.
    if (
      record.followers !== undefined &&
      (seen.followers === undefined || (!seen.followersExact && record.followersExact))
    ) {
      seen.followers = record.followers;
      seen.followersExact = record.followersExact;
    }
    seen.following ??= record.following;
    seen.posts ??= record.posts;
    if (seen.bio === undefined && record.bio !== undefined) seen.bio = record.bio;
    if (seen.location === undefined && record.location !== undefined) seen.location = record.location;
    if (!seen.name) {
      seen.name = record.name;
      seen.handle = record.handle;
    }
    if (record.viewerIsOwner) seen.viewerIsOwner = true;
  }

  result(): Extraction {
    return {
      records: [
        ...[...this.posts.values()].map((p) => p.record),
        ...this.comments.values(),
        ...this.accounts.values(),
      ],
      failures: this.failures,
    };
  }
}
