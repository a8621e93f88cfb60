/** The Overview's KPIs per platform, from own posts' latest counts and own accounts' follower history. Pure. */
import type { AccountSnapshot, StoredAccount, StoredPost } from '@/lib/db/schema';
import { engagements, followerGrowth } from '@/lib/metrics/engagement';
import { addDays, localDay } from '@/lib/metrics/time';
import { numberFormat } from './format';

export interface PlatformKpis {
  platform: string;
  ownAccounts: number;
  ownPosts: number;
  views: number | null;
  engagements: number | null;
  /** Σ engagements ÷ Σ views over posts carrying both; else ÷ followers; the denominator is named. */
  rate: { value: number; denominator: 'views' | 'followers'; posts: number } | null;
  followers: number | null;
  /** Follower change over the observed span, and per day. */
  followerChange: number | null;
  followerPerDay: number | null;
}

const add = (total: number | null, n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? (total ?? 0) + n : total;

export function platformKpis(
  platform: string,
  accounts: readonly StoredAccount[],
  posts: readonly StoredPost[],
  snapshots: ReadonlyMap<string, readonly AccountSnapshot[]>,
  timeZone: string,
): PlatformKpis {
  const own = accounts.filter((a) => a.platform === platform);
  const mine = posts.filter((p) => p.platform === platform);
  let views: number | null = null;
  let total: number | null = null;
  let rateE = 0;
  let rateViews = 0;
  let ratePosts = 0;
  let byFollowersE = 0;
  let byFollowers = 0;
  let byFollowersPosts = 0;
  const followersOf = new Map(own.map((a) => [a.id, a.followers]));
  for (const post of mine) {
    const e = engagements(post.metrics);
    views = add(views, post.metrics.views);
    total = add(total, e);
    if (e === null) continue;
    if (typeof post.metrics.views === 'number') {
      rateE += e;
      rateViews += post.metrics.views;
      ratePosts++;
    } else {
      const f = followersOf.get(post.authorId);
      if (typeof f === 'number' && f > 0) {
        byFollowersE += e;
        byFollowers += f;
        byFollowersPosts++;
      }
    }
  }
  const rate =
    rateViews > 0
      ? { value: rateE / rateViews, denominator: 'views' as const, posts: ratePosts }
      : byFollowers > 0
        ? { value: byFollowersE / byFollowers, denominator: 'followers' as const, posts: byFollowersPosts }
        : null;
  let followers: number | null = null;
  let change: number | null = null;
  let perDay: number | null = null;
  for (const account of own) {
    followers = add(followers, account.followers);
    const growth = followerGrowth(snapshots.get(`${account.platform}:${account.id}`) ?? [], timeZone);
    change = add(change, growth.change);
    perDay = add(perDay, growth.perDay);
  }
  return {
    platform,
    ownAccounts: own.length,
    ownPosts: mine.length,
    views,
    engagements: total,
    rate,
    followers,
    followerChange: change,
    followerPerDay: perDay,
  };
}

/** Percent with one decimal, "—" for null: 0.0427 → "4.3%". */
export function formatPercent(value: number | null | undefined, tag: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Plain number with fixed decimals, "—" for null. */
export function formatFixed(value: number | null | undefined, tag: string, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** YYYY-MM-DD of `days` calendar days before `now`'s day in the browser's zone (the rollups' day keys). */
export const dayBefore = (now: number, days: number): string => addDays(localDay(now), -days);
