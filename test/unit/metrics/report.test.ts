import { describe, expect, it } from 'vitest';
import type {
  AccountSnapshot,
  Campaign as DbCampaign,
  PostSnapshot,
  StoredAccount,
  StoredPost,
} from '@/lib/db/schema';
import {
  buildReport,
  type Campaign,
  type MetricPost,
  type ReportAccount,
  type ReportAccountSnapshot,
  type ReportPostSnapshot,
} from '@/lib/metrics';
import type { PostRecord } from '@/lib/records';

// Compile-time checks: records and stored rows can be passed as they are (tsc fails otherwise).
type Assignable<From, To> = From extends To ? true : never;
const compatible: Array<true> = [
  true satisfies Assignable<PostRecord, MetricPost>,
  true satisfies Assignable<StoredPost, MetricPost>,
  true satisfies Assignable<DbCampaign, Campaign>,
  true satisfies Assignable<StoredAccount, ReportAccount>,
  true satisfies Assignable<PostSnapshot, ReportPostSnapshot>,
  true satisfies Assignable<AccountSnapshot, ReportAccountSnapshot>,
];

const NOW = Date.parse('2026-06-30T00:00:00Z');
const DAY = 86_400_000;
const today = Math.floor(NOW / DAY);

function post(id: string, authorId: string, at: number, likes: number, views?: number): MetricPost {
  return {
    platform: 'x',
    id,
    authorId,
    createdAt: new Date(at).toISOString(),
    createdAtApprox: false,
    format: 'text',
    hashtags: [],
    text: 'hello',
    metrics: views === undefined ? { likes } : { likes, views },
  };
}

/** 30 own posts, one a day at 09:00 Shanghai, 100 likes and 1000 views each; post 0 went viral. */
const own = Array.from({ length: 30 }, (_, i) =>
  post(`m${i}`, 'me', (today - 3 - i) * DAY + 1 * 3_600_000, i === 0 ? 1000 : 100, 1000),
);
/** A competitor with far bigger numbers, always on Saturday evening. */
const rival = Array.from({ length: 30 }, (_, i) =>
  post(`r${i}`, 'rival', (today - 7 * i - 3) * DAY + 12 * 3_600_000, 50_000),
);

const campaigns: Campaign[] = [
  {
    id: 1,
    name: 'Rust course launch',
    courseUrl: 'https://example.com/rust',
    platforms: ['x'],
    start: '2026-06-01',
    end: '2026-06-27',
    cost: { minor: 100_000, currency: 'CNY' },
    counts: { clicks: 1000, purchases: 10, referrals: 2, revenue: { minor: 500_000, currency: 'CNY' } },
    postIds: ['m3', 'm4', 'm5', 'missing'],
  },
  {
    id: 2,
    name: 'US ads',
    platforms: ['x'],
    start: '2026-06-01',
    end: '2026-06-27',
    cost: { minor: 5000, currency: 'USD' },
    counts: { impressions: 20_000, clicks: 0, revenue: { minor: 10_000, currency: 'CNY' } },
    postIds: [],
  },
];

const input = {
  posts: [...own, ...rival],
  snapshots: [
    { platform: 'x', postId: 'm1', at: Date.parse(own[1]!.createdAt!) + 12 * 3_600_000, m: { likes: 48 } },
    { platform: 'x', postId: 'm1', at: Date.parse(own[1]!.createdAt!) + 36 * 3_600_000, m: { likes: 96 } },
  ],
  accounts: [
    { platform: 'x', id: 'me', handle: 'me_teaches', role: 'mine' as const },
    { platform: 'x', id: 'rival', handle: 'rival', role: 'competitor' as const },
  ],
  accountSnapshots: [
    { platform: 'x', accountId: 'me', at: '2026-06-01T10:00:00+08:00', followers: 1000 },
    { platform: 'x', accountId: 'me', at: '2026-06-11T10:00:00+08:00', followers: 1200 },
  ],
  campaigns,
  settings: { timeZone: 'Asia/Shanghai', now: NOW },
};

describe('buildReport', () => {
  const report = buildReport(input);

  it('type-checks records and stored rows as inputs', () => {
    expect(compatible).toHaveLength(6);
  });

  it('computes each campaign funnel and cost metrics', () => {
    const [launch, us] = report.campaigns;
    expect(launch).toMatchObject({ id: 1, name: 'Rust course launch', posts: { listed: 4, found: 3 } });
    expect(launch!.observed).toEqual({ views: 3000, engagements: 300 });
    expect(launch!.funnel.steps.map((s) => [s.id, s.count, s.source])).toEqual([
      ['reach', 3000, 'observed'],
      ['engaged', 1000, 'entered'],
      ['bought', 10, 'entered'],
      ['advocates', 2, 'entered'],
    ]);
    expect(launch!.funnel.overall!.value).toBeCloseTo(2 / 3000, 12);
    expect(launch!.cost.cpi.value).toBeCloseTo(0.990099, 6);
    expect(launch!.cost.roi.value).toBe(4);
    expect(launch!.cost.cpm.value).toBeCloseTo((1000 / 3000) * 1000, 10);
    expect(us!.funnel.steps[0]).toMatchObject({ count: 20_000, source: 'entered' });
    expect(us!.cost.cpc).toEqual({ value: null, reason: 'denominator-zero' });
    expect(us!.cost.cpm).toEqual({ value: 2.5, currency: 'USD' }); // $50 / 20 000 × 1000;
    expect(us!.cost.roi).toEqual({ value: null, reason: 'currency-mismatch' });
  });

  it('keeps totals per currency', () => {
    expect(report.totals.cost).toEqual([
      { minor: 100_000, currency: 'CNY' },
      { minor: 5000, currency: 'USD' },
    ]);
    expect(report.totals.revenue).toEqual([{ minor: 510_000, currency: 'CNY' }]);
    expect(report.totals).toMatchObject({
      posts: 60,
      ownPosts: 30,
      competitorPosts: 30,
      ownAccounts: 1,
      campaigns: 2,
    });
    expect(report.totals.byPlatform.x).toMatchObject({
      posts: 60,
      ownPosts: 30,
      engagements: 3900,
      views: 30_000,
      engagementRateByViews: 0.13,
      medianEngagements: 100,
      medianFirst24hPerHour: 3,
      velocityPosts: 1,
    });
  });

  it('suggests from own posts only: competitors do not move the baseline', () => {
    const alone = buildReport({ ...input, posts: own });
    expect(report.suggestions).toEqual(alone.suggestions);
    expect(report.suggestions.x).toMatchObject({ status: 'ok', have: 30, baselineMedian: 100 });
    expect(report.competitors).toHaveLength(1);
    expect(report.competitors[0]).toMatchObject({ authorId: 'rival', posts: 30, medianEngagements: 50_000 });
    expect(report.competitors[0]!.slots[0]!.n).toBe(30);
  });

  it('reports follower growth and outliers per own account', () => {
    expect(report.accounts).toHaveLength(1);
    const me = report.accounts[0]!;
    expect(me).toMatchObject({ platform: 'x', id: 'me', handle: 'me_teaches' });
    expect(me.followers.change).toBe(200);
    expect(me.followers.perDay).toBe(20);
    expect(me.outliers!.median).toBe(100);
    expect(me.outliers!.outliers.map((o) => o.id)).toEqual(['m0']);
    expect(report.warnings).toEqual([]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.generatedAt).toBe('2026-06-30T00:00:00.000Z');
  });

  it('warns instead of guessing when no account is marked as mine or the zone is wrong', () => {
    const r = buildReport({ ...input, accounts: [], settings: { timeZone: 'Mars/Olympus', now: NOW } });
    expect(r.warnings).toEqual(['invalid-time-zone', 'no-own-accounts']);
    expect(r.timeZone).toBe('UTC');
    expect(r.suggestions).toEqual({});
    expect(r.totals.ownPosts).toBe(0);
    const listed = buildReport({
      ...input,
      accounts: [],
      settings: { timeZone: 'UTC', now: NOW, ownAccounts: ['x:me'] },
    });
    expect(listed.totals.ownPosts).toBe(30);
  });

  it('handles an empty backup', () => {
    const r = buildReport({ posts: [], settings: { timeZone: 'UTC', now: NOW } });
    expect(r.totals).toMatchObject({ posts: 0, byPlatform: {}, cost: [], revenue: [] });
    expect(r.campaigns).toEqual([]);
    expect(r.suggestions).toEqual({});
  });
});
