/**
 * Engagement counts, rates, velocity, outliers and follower growth (DESIGN.md "Metric definitions",
 * research/analytics.md §1.1, §2.3). Unknown counts stay unknown: a missing count is skipped, never 0.
 */

import { mad, median } from './stats';
import { dayKey, daysBetween } from './time';

/** Structurally the same as records.ts `Metrics` (kept local so this module needs no zod). */
export interface MetricCounts {
  views?: number;
  likes?: number;
  reposts?: number;
  quotes?: number;
  comments?: number;
  bookmarks?: number;
}

export const ENGAGEMENT_KEYS = ['likes', 'reposts', 'quotes', 'comments', 'bookmarks'] as const;

const known = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** likes + reposts + quotes + comments + bookmarks, over those known; null when none is known. */
export function engagements(metrics: MetricCounts | null | undefined): number | null {
  if (!metrics) return null;
  let total: number | null = null;
  for (const key of ENGAGEMENT_KEYS) {
    const n = metrics[key];
    if (known(n)) total = (total ?? 0) + n;
  }
  return total;
}

export type RateDenominator = 'views' | 'followers';

export interface EngagementRate {
  value: number | null;
  /** Which denominator was used; the UI must say it, rates over views and over followers differ a lot. */
  denominator: RateDenominator | null;
  reason?: 'engagements-unknown' | 'denominator-unknown' | 'denominator-zero';
}

/** engagements / views when views are known, else / followers (at posting time, if the caller has it). */
export function engagementRate(metrics: MetricCounts, followers?: number | null): EngagementRate {
  const e = engagements(metrics);
  if (e === null) return { value: null, denominator: null, reason: 'engagements-unknown' };
  const [denominator, n]: [RateDenominator | null, number | undefined] = known(metrics.views)
    ? ['views', metrics.views]
    : known(followers)
      ? ['followers', followers]
      : [null, undefined];
  if (denominator === null || n === undefined)
    return { value: null, denominator: null, reason: 'denominator-unknown' };
  if (n === 0) return { value: null, denominator, reason: 'denominator-zero' };
  return { value: e / n, denominator };
}

/** One observation of a post's counts; `at` is epoch ms or an ISO string. */
export interface MetricSnapshot {
  at: number | string;
  metrics: MetricCounts;
}

export type VelocityReason = 'no-created-at' | 'not-observed-yet' | 'gap-too-wide' | 'no-engagement-counts';

export interface WindowVelocity {
  /** Engagements per hour over the window, from the interpolated count at the window's end. */
  perHour: number | null;
  /** The interpolated engagement count at createdAt + window. */
  atEnd: number | null;
  reason?: VelocityReason;
}

export interface Velocity {
  first24h: WindowVelocity;
  first7d: WindowVelocity;
}

const HOUR = 3_600_000;
const toMillis = (at: number | string | null | undefined): number | null => {
  if (at === null || at === undefined) return null;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? ms : null;
};

/**
 * Engagements per hour over the first 24 h and 7 days. The count at the window's end is interpolated
 * linearly between the two observations around it; the post itself is a point (createdAt, 0). The
 * bracketing gap may be at most the window long: engagement is front-loaded, so a straight line from
 * posting to a snapshot ten days later would invent the 24 h value.
 */
export function velocity(createdAt: string | number | null, snapshots: readonly MetricSnapshot[]): Velocity {
  const start = toMillis(createdAt);
  if (start === null) {
    const none: WindowVelocity = { perHour: null, atEnd: null, reason: 'no-created-at' };
    return { first24h: none, first7d: none };
  }
  const points: Array<{ at: number; e: number }> = [];
  for (const s of snapshots) {
    const at = toMillis(s.at);
    const e = engagements(s.metrics);
    if (at !== null && e !== null && at >= start) points.push({ at, e });
  }
  points.sort((a, b) => a.at - b.at);
  const windowed = (hours: number): WindowVelocity => {
    if (points.length === 0) return { perHour: null, atEnd: null, reason: 'no-engagement-counts' };
    const end = start + hours * HOUR;
    const afterIndex = points.findIndex((p) => p.at >= end);
    if (afterIndex < 0) return { perHour: null, atEnd: null, reason: 'not-observed-yet' };
    const after = points[afterIndex]!;
    const before = afterIndex > 0 ? points[afterIndex - 1]! : { at: start, e: 0 };
    let atEnd: number;
    if (after.at === end) atEnd = after.e;
    else if (after.at - before.at > hours * HOUR)
      return { perHour: null, atEnd: null, reason: 'gap-too-wide' };
    else atEnd = before.e + ((after.e - before.e) * (end - before.at)) / (after.at - before.at);
    return { perHour: atEnd / hours, atEnd };
  };
  return { first24h: windowed(24), first7d: windowed(24 * 7) };
}

export interface OutlierPostInput {
  id: string;
  authorId: string;
  platform?: string;
  metrics: MetricCounts;
}

export interface Outlier {
  id: string;
  engagements: number;
  /** engagements ÷ the account's median. */
  ratio: number;
  /** Robust z of log1p(engagements): 0.6745·(x − median)/MAD (Iglewicz & Hoaglin); null when MAD is 0. */
  robustZ: number | null;
}

export interface AccountOutliers {
  platform?: string;
  authorId: string;
  /** The account's own median engagements, shown next to the outliers. */
  median: number;
  posts: number;
  outliers: Outlier[];
}

/**
 * Posts whose engagements exceed k × their own account's median (never a global one: a big account
 * would drown a small one). A median of 0 is treated as 1 so "any engagement" is not an outlier.
 * With `zThreshold`, a post also qualifies when its log-scale robust z exceeds it.
 */
export function outliers(
  posts: readonly OutlierPostInput[],
  opts: { k?: number; zThreshold?: number } = {},
): AccountOutliers[] {
  const k = opts.k ?? 3;
  const byAccount = new Map<string, Array<{ post: OutlierPostInput; e: number }>>();
  for (const post of posts) {
    const e = engagements(post.metrics);
    if (e === null) continue;
    const key = `${post.platform ?? ''}\u0000${post.authorId}`;
    const list = byAccount.get(key) ?? [];
    list.push({ post, e });
    byAccount.set(key, list);
  }
  const result: AccountOutliers[] = [];
  for (const list of byAccount.values()) {
    const m = median(list.map((x) => x.e))!;
    const logs = list.map((x) => Math.log1p(x.e));
    const logMedian = median(logs)!;
    const logMad = mad(logs)!;
    const found: Outlier[] = [];
    for (const { post, e } of list) {
      const ratio = e / Math.max(m, 1);
      const robustZ = logMad > 0 ? (0.6745 * (Math.log1p(e) - logMedian) * 1.4826) / logMad : null;
      const byZ = opts.zThreshold !== undefined && robustZ !== null && robustZ > opts.zThreshold;
      if (ratio > k || byZ) found.push({ id: post.id, engagements: e, ratio, robustZ });
    }
    found.sort((a, b) => b.engagements - a.engagements);
    const first = list[0]!.post;
    result.push({
      platform: first.platform,
      authorId: first.authorId,
      median: m,
      posts: list.length,
      outliers: found,
    });
  }
  return result;
}

export interface FollowerSnapshot {
  at: number | string;
  followers?: number | null;
}

export interface FollowerDay {
  /** Local day (YYYY-MM-DD) in the given time zone. */
  day: string;
  /** The last follower count seen that day. */
  followers: number;
  /** Change since the previous observed day; null for the first. */
  delta: number | null;
  /** Days since the previous observed day (gaps happen when the profile was not visited). */
  gapDays: number | null;
  /** delta ÷ gapDays: comparable across gaps. */
  perDay: number | null;
  /** delta ÷ previous followers; null when the previous count was 0. */
  growthRate: number | null;
}

export interface FollowerGrowth {
  days: FollowerDay[];
  first: FollowerDay | null;
  last: FollowerDay | null;
  change: number | null;
  /** Average change per day over the whole span. */
  perDay: number | null;
  /** Relative change over the whole span. */
  growthRate: number | null;
}

/** Per-day follower series of one account from its snapshots; days without an observation are skipped. */
export function followerGrowth(snapshots: readonly FollowerSnapshot[], timeZone: string): FollowerGrowth {
  const lastPerDay = new Map<string, { at: number; followers: number }>();
  for (const s of snapshots) {
    const at = toMillis(s.at);
    if (at === null || !known(s.followers ?? undefined)) continue;
    const day = dayKey(at, timeZone);
    const seen = lastPerDay.get(day);
    if (!seen || at >= seen.at) lastPerDay.set(day, { at, followers: s.followers! });
  }
  const ordered = [...lastPerDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const days: FollowerDay[] = [];
  for (const [day, { followers }] of ordered) {
    const prev = days[days.length - 1];
    if (!prev) {
      days.push({ day, followers, delta: null, gapDays: null, perDay: null, growthRate: null });
      continue;
    }
    const delta = followers - prev.followers;
    const gapDays = daysBetween(prev.day, day);
    days.push({
      day,
      followers,
      delta,
      gapDays,
      perDay: gapDays > 0 ? delta / gapDays : null,
      growthRate: prev.followers > 0 ? delta / prev.followers : null,
    });
  }
  const first = days[0] ?? null;
  const last = days[days.length - 1] ?? null;
  const span = first && last ? daysBetween(first.day, last.day) : 0;
  const change = first && last && days.length > 1 ? last.followers - first.followers : null;
  return {
    days,
    first,
    last,
    change,
    perDay: change !== null && span > 0 ? change / span : null,
    growthRate: change !== null && first && first.followers > 0 ? change / first.followers : null,
  };
}
