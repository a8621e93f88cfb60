/**
 * The dashboard's figures as plain JSON, from plain arrays (a backup file, or rows read from the
 * database): per campaign the funnel and cost metrics, posting suggestions per platform, follower
 * growth and outliers per own account, competitor context, and totals. Used by `npm run report` and
 * the options page. Pure apart from defaulting `now` to the clock when the caller gives none.
 */

import { now as clockNow } from '../clock';
import { type CostMetrics, costMetrics } from './cost';
import {
  type AccountOutliers,
  engagements,
  type FollowerGrowth,
  followerGrowth,
  type MetricCounts,
  type MetricSnapshot,
  outliers,
  velocity,
} from './engagement';
import { computeFunnel, defaultStages, type FunnelResult, type OrderStageCounts } from './funnel';
import { isMoney, type Money, sumByCurrency } from './money';
import { median, pushTo } from './stats';
import {
  type CompetitorSummary,
  type MetricPost,
  type SuggestOptions,
  type SuggestResult,
  suggestPosting,
  summarizeCompetitors,
} from './suggest';
import { isValidTimeZone } from './time';

/** A promotion of one course over a date range (db/schema.ts `Campaign` rows fit this shape). */
export interface Campaign {
  id?: string | number;
  name: string;
  courseUrl?: string;
  platforms: string[];
  /** ISO date (YYYY-MM-DD), inclusive. */
  start: string;
  /** ISO date (YYYY-MM-DD), inclusive. */
  end: string;
  cost: Money | null;
  counts: {
    impressions?: number;
    clicks?: number;
    signups?: number;
    purchases?: number;
    referrals?: number;
    revenue?: Money;
  };
  /** Native post ids of the campaign's posts. */
  postIds: string[];
  /** Bought and advocates counted from stored orders (lib/sales/stages.ts), replacing the counts entered. */
  fromOrders?: OrderStageCounts | null;
}

export interface ReportAccount {
  platform: string;
  id: string;
  handle?: string;
  name?: string;
  followers?: number;
  role?: 'mine' | 'competitor';
}

/** A post snapshot as stored (`m`) or as exported (`metrics`). */
export interface ReportPostSnapshot {
  platform: string;
  postId: string;
  at: number | string;
  m?: MetricCounts;
  metrics?: MetricCounts;
}

export interface ReportAccountSnapshot {
  platform: string;
  accountId: string;
  at: number | string;
  followers?: number;
}

export interface ReportSettings {
  /** IANA zone of the audience, for weekday × hour grouping and daily series. */
  timeZone: string;
  /** Reference time; defaults to now. */
  now?: number | string;
  /** Extra own accounts as "platform:id", besides accounts whose role is 'mine'. */
  ownAccounts?: string[];
  /** Passed through to the suggestions. */
  suggest?: Omit<SuggestOptions, 'timeZone' | 'now'>;
}

export interface ReportInput {
  posts: readonly MetricPost[];
  snapshots?: readonly ReportPostSnapshot[];
  accounts?: readonly ReportAccount[];
  accountSnapshots?: readonly ReportAccountSnapshot[];
  campaigns?: readonly Campaign[];
  settings: ReportSettings;
}

export interface CampaignReport {
  id: string | number | null;
  name: string;
  courseUrl: string | null;
  platforms: string[];
  start: string;
  end: string;
  posts: { listed: number; found: number };
  /** Sums over the campaign's captured posts (null when none carried the count). */
  observed: { views: number | null; engagements: number | null };
  funnel: FunnelResult;
  /** The orders the funnel's stages marked 'orders' were counted from; null when none were used. */
  orders: { n: number } | null;
  cost: CostMetrics;
  money: { cost: Money | null; revenue: Money | null };
}

export interface PlatformTotals {
  posts: number;
  ownPosts: number;
  /** Own posts only. */
  engagements: number | null;
  views: number | null;
  /** Σ engagements ÷ Σ views over own posts carrying both (a ratio of sums, not a mean of ratios). */
  engagementRateByViews: number | null;
  medianEngagements: number | null;
  /** Median engagements per hour over the first 24 h, over own posts with enough snapshots. */
  medianFirst24hPerHour: number | null;
  velocityPosts: number;
}

export interface OwnAccountReport {
  platform: string;
  id: string;
  handle: string | null;
  followers: FollowerGrowth;
  outliers: AccountOutliers | null;
}

export type ReportWarning = 'no-own-accounts' | 'invalid-time-zone' | 'invalid-money';

export interface Report {
  generatedAt: string;
  timeZone: string;
  totals: {
    posts: number;
    ownPosts: number;
    competitorPosts: number;
    accounts: number;
    ownAccounts: number;
    campaigns: number;
    byPlatform: Record<string, PlatformTotals>;
    /** Campaign costs and revenues per currency: never summed across currencies. */
    cost: Money[];
    revenue: Money[];
  };
  campaigns: CampaignReport[];
  suggestions: Record<string, SuggestResult>;
  accounts: OwnAccountReport[];
  competitors: CompetitorSummary[];
  warnings: ReportWarning[];
}

const accountKey = (platform: string, id: string) => `${platform}:${id}`;

function sumKnown(values: Array<number | null | undefined>): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
  return total;
}

function campaignReport(campaign: Campaign, postsById: Map<string, MetricPost[]>): CampaignReport {
  const platforms = new Set(campaign.platforms);
  const posts = campaign.postIds.flatMap((id) =>
    (postsById.get(id) ?? []).filter((p) => platforms.size === 0 || platforms.has(p.platform)),
  );
  const views = sumKnown(posts.map((p) => p.metrics.views));
  const observedEngagements = sumKnown(posts.map((p) => engagements(p.metrics)));
  const counts = campaign.counts ?? {};
  const cost = isMoney(campaign.cost) ? campaign.cost : null;
  const revenue = isMoney(counts.revenue) ? counts.revenue : null;
  const impressionsEntered = typeof counts.impressions === 'number';
  const fromOrders = campaign.fromOrders ?? null;
  // Advocates from orders only when the export says something about them; else as entered.
  const advocatesFromOrders =
    !!fromOrders && (fromOrders.repeatBuyers !== null || fromOrders.referrals !== null);
  const purchases = fromOrders ? fromOrders.bought : counts.purchases;
  const funnel = computeFunnel(
    defaultStages({
      views: impressionsEntered ? counts.impressions : views,
      engagements: observedEngagements,
      linkClicks: counts.clicks,
      purchases,
      referrals: advocatesFromOrders ? fromOrders.referrals : counts.referrals,
      repeatBuyers: advocatesFromOrders ? fromOrders.repeatBuyers : null,
      sources: {
        reach: impressionsEntered ? 'entered' : 'observed',
        ...(fromOrders ? { bought: 'orders' as const } : {}),
        ...(advocatesFromOrders ? { advocates: 'orders' as const } : {}),
      },
    }),
  );
  return {
    id: campaign.id ?? null,
    name: campaign.name,
    courseUrl: campaign.courseUrl ?? null,
    platforms: [...campaign.platforms],
    start: campaign.start,
    end: campaign.end,
    posts: { listed: campaign.postIds.length, found: posts.length },
    observed: { views, engagements: observedEngagements },
    funnel,
    orders: fromOrders ? { n: fromOrders.orders } : null,
    cost: costMetrics({
      cost,
      impressions: impressionsEntered ? counts.impressions : views,
      clicks: counts.clicks,
      conversions: purchases,
      revenue,
    }),
    money: { cost, revenue },
  };
}

export function buildReport(input: ReportInput): Report {
  const warnings: ReportWarning[] = [];
  const validZone = isValidTimeZone(input.settings.timeZone);
  if (!validZone) warnings.push('invalid-time-zone');
  // A wrong zone would silently shift every slot; fall back to UTC and say so.
  const timeZone = validZone ? input.settings.timeZone : 'UTC';
  const now = input.settings.now !== undefined ? new Date(input.settings.now).getTime() : clockNow();

  const accounts = input.accounts ?? [];
  const own = new Set(input.settings.ownAccounts ?? []);
  for (const a of accounts) if (a.role === 'mine') own.add(accountKey(a.platform, a.id));
  if (own.size === 0) warnings.push('no-own-accounts');
  const isOwn = (p: MetricPost) => own.has(accountKey(p.platform, p.authorId));
  const competitorIds = new Set(
    accounts.filter((a) => a.role === 'competitor').map((a) => accountKey(a.platform, a.id)),
  );

  const ownPosts = input.posts.filter(isOwn);
  const competitorPosts = input.posts.filter((p) => competitorIds.has(accountKey(p.platform, p.authorId)));

  const postsById = new Map<string, MetricPost[]>();
  for (const p of input.posts) pushTo(postsById, p.id, p);

  const snapshotsByPost = new Map<string, MetricSnapshot[]>();
  for (const s of input.snapshots ?? []) {
    const metrics = s.m ?? s.metrics;
    if (!metrics) continue;
    const key = accountKey(s.platform, s.postId);
    const list = snapshotsByPost.get(key);
    if (list) list.push({ at: s.at, metrics });
    else snapshotsByPost.set(key, [{ at: s.at, metrics }]);
  }
  // A post's own counts are its latest observation (schema 2 keeps them off the snapshot rows).
  for (const p of input.posts) {
    if (typeof p.metricsAt !== 'number') continue;
    const key = accountKey(p.platform, p.id);
    const list = snapshotsByPost.get(key) ?? [];
    if (!list.some((s) => s.at === p.metricsAt)) list.push({ at: p.metricsAt, metrics: p.metrics });
    snapshotsByPost.set(key, list);
  }

  const byPlatform: Record<string, PlatformTotals> = {};
  const platforms = [...new Set(input.posts.map((p) => p.platform))].sort();
  for (const platform of platforms) {
    const mine = ownPosts.filter((p) => p.platform === platform);
    const ownEngagements = mine.map((p) => engagements(p.metrics));
    const both = mine.filter((p) => typeof p.metrics.views === 'number' && engagements(p.metrics) !== null);
    const bothViews = sumKnown(both.map((p) => p.metrics.views));
    const perHour = mine
      .map(
        (p) =>
          velocity(p.createdAt, snapshotsByPost.get(accountKey(p.platform, p.id)) ?? []).first24h.perHour,
      )
      .filter((v): v is number => v !== null);
    byPlatform[platform] = {
      posts: input.posts.filter((p) => p.platform === platform).length,
      ownPosts: mine.length,
      engagements: sumKnown(ownEngagements),
      views: sumKnown(mine.map((p) => p.metrics.views)),
      engagementRateByViews:
        bothViews !== null && bothViews > 0
          ? sumKnown(both.map((p) => engagements(p.metrics)))! / bothViews
          : null,
      medianEngagements: median(ownEngagements.filter((e): e is number => e !== null)),
      medianFirst24hPerHour: median(perHour),
      velocityPosts: perHour.length,
    };
  }

  const campaigns = (input.campaigns ?? []).map((c) => campaignReport(c, postsById));
  const rawMoney = (input.campaigns ?? []).flatMap((c) => [c.cost, c.counts?.revenue].filter(Boolean));
  if (rawMoney.some((m) => !isMoney(m))) warnings.push('invalid-money');

  const accountSnapshots = new Map<string, ReportAccountSnapshot[]>();
  for (const s of input.accountSnapshots ?? []) {
    const key = accountKey(s.platform, s.accountId);
    pushTo(accountSnapshots, key, s);
  }
  const outlierList = outliers(ownPosts);
  const ownAccounts: OwnAccountReport[] = [...own].sort().map((key) => {
    const [platform, ...rest] = key.split(':');
    const id = rest.join(':');
    const account = accounts.find((a) => a.platform === platform && a.id === id);
    return {
      platform: platform!,
      id,
      handle: account?.handle ?? null,
      followers: followerGrowth(accountSnapshots.get(key) ?? [], timeZone),
      outliers: outlierList.find((o) => o.platform === platform && o.authorId === id) ?? null,
    };
  });

  return {
    generatedAt: new Date(now).toISOString(),
    timeZone,
    totals: {
      posts: input.posts.length,
      ownPosts: ownPosts.length,
      competitorPosts: competitorPosts.length,
      accounts: accounts.length,
      ownAccounts: own.size,
      campaigns: campaigns.length,
      byPlatform,
      cost: [...sumByCurrency(campaigns.map((c) => c.money.cost)).values()],
      revenue: [...sumByCurrency(campaigns.map((c) => c.money.revenue)).values()],
    },
    campaigns,
    suggestions: suggestPosting(ownPosts, { ...input.settings.suggest, timeZone, now }),
    accounts: ownAccounts,
    competitors: summarizeCompetitors(competitorPosts, { timeZone }),
    warnings,
  };
}
