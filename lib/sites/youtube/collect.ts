/**
 * Gathers what one response or page says about each video and channel. The same video appears in
 * several places (player and next of a watch page, end screen and related list); its observations
 * merge here into one record, exact counts and dates winning over abbreviated and relative ones.
 */
import { MAX_LIST, MAX_NAME, MAX_TEXT } from '../../record-keys';
import type {
  AccountRecord,
  CaptureRecord,
  CommentRecord,
  CourseRecord,
  ExtractContext,
  ExtractFailure,
  Extraction,
  MetricKey,
  PostRecord,
} from '../../records';
import type { Count, Published } from './text';

export type VideoFormat = 'video' | 'short' | 'live';

export interface Channel {
  id: string;
  handle: string;
  name: string;
}

export interface VideoDraft {
  id: string;
  format: VideoFormat;
  title: string;
  channel?: Partial<Channel>;
  published?: Published | null;
  metrics: Partial<Record<MetricKey, Count>>;
}

export const VIDEO_ID = /^[\w-]{11}$/;
export const CHANNEL_ID = /^UC[\w-]{22}$/;

export const videoUrl = (id: string, format: VideoFormat): string =>
  format === 'short' ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`;

/** Distinct failure reasons are enough to debug a layout change; a flood would fill the batch. */
const MAX_FAILURES = 20;
const FORMAT_RANK: Record<VideoFormat, number> = { video: 0, short: 1, live: 2 };

export class Collector {
  private videos = new Map<string, VideoDraft>();
  private accounts = new Map<string, AccountRecord>();
  private courses = new Map<string, CourseRecord>();
  private comments = new Map<string, CommentRecord>();
  private failures = new Map<string, ExtractFailure>();

  constructor(
    readonly ctx: ExtractContext,
    readonly extractor: string,
    readonly locale: string,
  ) {}

  fail(reason: string): void {
    if (this.failures.size < MAX_FAILURES && !this.failures.has(reason)) {
      this.failures.set(reason, { extractor: this.extractor, reason: reason.slice(0, 500) });
    }
  }

  video(draft: VideoDraft): void {
    const old = this.videos.get(draft.id);
    this.videos.set(draft.id, old ? mergeVideo(old, draft) : draft);
  }

  account(record: AccountRecord): void {
    const old = this.accounts.get(record.id);
    this.accounts.set(record.id, old ? mergeAccount(old, record) : record);
  }

  course(record: CourseRecord): void {
    this.courses.set(record.url, record);
  }

  comment(record: CommentRecord): void {
    this.comments.set(record.id, record);
  }

  has(id: string): boolean {
    return this.videos.has(id);
  }

  result(): Extraction {
    const records: CaptureRecord[] = [];
    for (const draft of this.videos.values()) records.push(toPost(draft));
    records.push(...this.comments.values(), ...this.accounts.values(), ...this.courses.values());
    return { records, failures: [...this.failures.values()] };
  }
}

function mergeVideo(a: VideoDraft, b: VideoDraft): VideoDraft {
  const metrics = { ...a.metrics };
  for (const [key, count] of Object.entries(b.metrics) as Array<[MetricKey, Count]>) {
    const old = metrics[key];
    if (!old || (count.exact && !old.exact)) metrics[key] = count;
  }
  return {
    id: a.id,
    format: FORMAT_RANK[b.format] > FORMAT_RANK[a.format] ? b.format : a.format,
    title: a.title || b.title,
    channel: {
      id: a.channel?.id || b.channel?.id,
      handle: a.channel?.handle || b.channel?.handle,
      name: a.channel?.name || b.channel?.name,
    },
    published: betterDate(a.published, b.published),
    metrics,
  };
}

/** Names from whichever saw them; followers from the more exact reading (the header's "1.38M" vs a label). */
function mergeAccount(a: AccountRecord, b: AccountRecord): AccountRecord {
  const aFirst =
    a.followers !== undefined && (a.followersExact || !b.followersExact || b.followers === undefined);
  const source = aFirst || b.followers === undefined ? a : b;
  const merged: AccountRecord = {
    kind: 'account',
    platform: 'youtube',
    id: a.id,
    handle: a.handle || b.handle,
    name: a.name || b.name,
    followersExact: source.followersExact,
  };
  if (source.followers !== undefined) merged.followers = source.followers;
  const posts = a.posts ?? b.posts;
  if (posts !== undefined) merged.posts = posts;
  if (a.viewerIsOwner || b.viewerIsOwner) merged.viewerIsOwner = true;
  return merged;
}

function betterDate(a: Published | null | undefined, b: Published | null | undefined) {
  if (!a) return b;
  if (!b) return a;
  return a.approx && !b.approx ? b : a;
}

/**
 * Exact counts stay exact: when a video has exact counts (views from `videoDetails`, likes from the
 * button label) beside an abbreviated one (comments "228K"), `approx` names the abbreviated keys so
 * storage keeps the exact ones exact.
 */
function toPost(draft: VideoDraft): PostRecord {
  const metrics: PostRecord['metrics'] = {};
  const approx: MetricKey[] = [];
  let counted = 0;
  for (const key in draft.metrics) {
    const count = draft.metrics[key as MetricKey] as Count;
    metrics[key as MetricKey] = count.value;
    if (!count.exact) approx.push(key as MetricKey);
    counted++;
  }
  const post: PostRecord = {
    kind: 'post',
    platform: 'youtube',
    id: draft.id,
    url: videoUrl(draft.id, draft.format),
    authorId: draft.channel?.id ?? '',
    authorHandle: draft.channel?.handle ?? '',
    authorName: (draft.channel?.name ?? '').slice(0, MAX_NAME),
    text: draft.title.slice(0, MAX_TEXT),
    createdAt: draft.published?.createdAt ?? null,
    createdAtApprox: draft.published?.approx ?? false,
    format: draft.format,
    repostOf: null,
    metrics,
    metricsExact: approx.length === 0,
    links: [],
    hashtags: hashtagsOf(draft.title),
  };
  if (approx.length && approx.length < counted) post.approx = approx;
  return post;
}

const HASHTAG = /#[\p{L}\p{N}_]+/gu;

function hashtagsOf(title: string): string[] {
  // Most titles have none; the Unicode-aware scan below is the costly part of a record.
  if (!title.includes('#')) return [];
  const tags = new Set<string>();
  for (const tag of title.match(HASHTAG) ?? []) tags.add(tag.slice(1, MAX_NAME + 1));
  return [...tags].slice(0, MAX_LIST);
}
