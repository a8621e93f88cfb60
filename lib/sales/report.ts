/**
 * Which posts sell: the figures the report CLI prints (and the dashboard shows) from own posts, tracked
 * links and imported orders. Exact and inferred stay in separate fields, never added together.
 */

import type { MetricResult } from '../metrics/cost';
import type { Money } from '../metrics/money';
import type { Platform, PostRecord } from '../records';
import {
  attributeExact,
  type Conflict,
  type DecidedConflict,
  type Figures,
  funnelFromOrders,
  returnOn,
} from './attribute';
import { DEFAULT_WINDOW_HOURS, inferLift, type Lift } from './inferred';
import {
  bindCodes,
  codeInLink,
  postKey,
  slug,
  type TrackedLink,
  unboundCodes,
  unwrapRedirect,
} from './links';
import type { Order } from './order';

type SalesPost = Pick<PostRecord, 'platform' | 'id' | 'createdAt' | 'format' | 'links'>;

export interface PostSales {
  platform: Platform;
  id: string;
  exact: { orders: number; revenue: Money[] };
  inferred:
    | (Pick<Lift, 'pAny' | 'low' | 'high' | 'observed' | 'expected' | 'windowHours'> & {
        verdict: 'added-orders' | 'not-distinguishable';
      })
    | null;
}

export interface SalesReport {
  posts: PostSales[];
  perSite: Record<string, Figures>;
  perFormat: Record<string, Figures>;
  perCampaign: Record<string, Figures & { cost?: Money; roi?: MetricResult; roas?: MetricResult }>;
  conflicts: Conflict[];
  /** Conflicts the seller decided, each with its decision (a post key, or "none"). */
  decided: DecidedConflict[];
  tagged: ReturnType<typeof attributeExact>['tagged'];
  unboundOrders: number;
  /** Tracked codes no captured own post carries: "not seen posted". */
  notSeenPosted: string[];
  funnel: ReturnType<typeof funnelFromOrders>;
  inferred: { windowHours: number; baseline: { orders: number; quietDays: number } };
  /** What posting suggestions can rank by: orders once enough are tied to posts, else engagement. */
  rankBy: {
    by: 'orders' | 'engagement';
    orders: number;
    posts: number;
    needed: { orders: number; posts: number };
  };
}

/** Exact orders (and posts carrying them) before suggestions rank by orders rather than engagement. */
export const RANK_BY_ORDERS = { orders: 30, posts: 5 } as const;

/**
 * Links the seller's own posts carry with a utm_content code: tracked links even when they were made
 * outside CoursePulse. The course URL is the target without its UTM parameters.
 */
export function linksFromPosts(posts: readonly SalesPost[]): TrackedLink[] {
  const links = new Map<string, TrackedLink>();
  for (const post of posts) {
    for (const href of post.links) {
      const code = codeInLink(href);
      if (!code || links.has(code)) continue;
      const url = unwrapRedirect(new URL(href));
      const campaign = slug(url.searchParams.get('utm_campaign') ?? '');
      for (const key of [...url.searchParams.keys()])
        if (key.startsWith('utm_')) url.searchParams.delete(key);
      links.set(code, { code, courseUrl: url.toString(), platform: post.platform, campaign });
    }
  }
  return [...links.values()];
}

/**
 * The links attribution knows: those the seller copied (they carry the coupon), then codes found only
 * in the own posts (links made outside CoursePulse); one per code.
 */
export function knownLinks(copied: readonly TrackedLink[], posts: readonly SalesPost[]): TrackedLink[] {
  const links = new Map(copied.map((l) => [l.code, l]));
  for (const l of linksFromPosts(posts)) if (!links.has(l.code)) links.set(l.code, l);
  return [...links.values()];
}

/**
 * The fields of own posts the report depends on (which posts, when, their format and links), as one
 * string: equal keys give equal reports, whatever the posts' counts did meanwhile.
 */
export const salesPostsKey = (posts: readonly SalesPost[]): string =>
  posts.map((p) => `${p.platform}:${p.id} ${p.createdAt} ${p.format} ${p.links.join(' ')}`).join('\n');

export function salesReport(input: {
  orders: readonly Order[];
  /** Own posts only. */
  posts: readonly SalesPost[];
  links: readonly TrackedLink[];
  /** The seller's decisions on conflicting orders: order key → post key or "none" (lib/sales/attribute.ts). */
  decisions?: ReadonlyMap<string, string>;
  windowHours?: number;
  /** Campaign costs by name (matched to utm_campaign as its slug), for ROI and ROAS. */
  costs?: ReadonlyArray<{ name: string; cost: Money | null }>;
}): SalesReport {
  const bindings = bindCodes(input.links, input.posts);
  const exact = attributeExact({
    orders: input.orders,
    links: input.links,
    bindings,
    posts: input.posts,
    ...(input.decisions ? { decisions: input.decisions } : {}),
  });
  const dated = input.posts.flatMap((p) => {
    const at = p.createdAt ? Date.parse(p.createdAt) : Number.NaN;
    return Number.isFinite(at) ? [{ platform: p.platform, id: p.id, at }] : [];
  });
  const windowHours = input.windowHours ?? DEFAULT_WINDOW_HOURS;
  const inferred = inferLift({
    orders: input.orders,
    posts: dated,
    attributed: exact.attributed,
    windowHours,
  });
  const posts = input.posts.map((p): PostSales => {
    const key = postKey(p);
    const figures = exact.perPost.get(key);
    const l = inferred.perPost.get(key);
    return {
      platform: p.platform,
      id: p.id,
      exact: { orders: figures?.orders ?? 0, revenue: figures?.revenue ?? [] },
      inferred: l
        ? {
            pAny: l.pAny,
            low: l.low,
            high: l.high,
            observed: l.observed,
            expected: l.expected,
            windowHours: l.windowHours,
            verdict: l.distinguishable ? 'added-orders' : 'not-distinguishable',
          }
        : null,
    };
  });
  const perCampaign: SalesReport['perCampaign'] = Object.fromEntries(exact.perCampaign);
  for (const { name, cost } of input.costs ?? []) {
    const figures = perCampaign[slug(name)];
    if (figures && cost) Object.assign(figures, { cost }, returnOn(figures, cost));
  }
  const selling = posts.filter((p) => p.exact.orders > 0);
  const tied = selling.reduce((n, p) => n + p.exact.orders, 0);
  const enough = tied >= RANK_BY_ORDERS.orders && selling.length >= RANK_BY_ORDERS.posts;
  return {
    posts,
    perSite: Object.fromEntries(exact.perSite),
    perFormat: Object.fromEntries(exact.perFormat),
    perCampaign,
    conflicts: exact.conflicts,
    decided: exact.decided,
    tagged: exact.tagged,
    unboundOrders: exact.unboundOrders,
    notSeenPosted: unboundCodes(input.links, bindings),
    funnel: funnelFromOrders(input.orders, input.links),
    inferred: { windowHours, baseline: inferred.baseline },
    rankBy: {
      by: enough ? 'orders' : 'engagement',
      orders: tied,
      posts: selling.length,
      needed: RANK_BY_ORDERS,
    },
  };
}
