import { describe, expect, it } from 'vitest';
import { engagementRate, engagements, followerGrowth, outliers, velocity } from '@/lib/metrics/engagement';

describe('engagements and rate', () => {
  it('sums the known engagement counts only', () => {
    expect(engagements({ likes: 10, reposts: 2, quotes: 1, comments: 3, bookmarks: 4, views: 999 })).toBe(20);
    expect(engagements({ likes: 10, comments: 3 })).toBe(13);
    expect(engagements({ likes: 0 })).toBe(0);
  });
  it('is null when no engagement count is known (a missing count is not 0)', () => {
    expect(engagements({})).toBeNull();
    expect(engagements({ views: 100 })).toBeNull();
    expect(engagements(null)).toBeNull();
  });
  it('divides by views when known, else by followers, and says which', () => {
    expect(engagementRate({ views: 1000, likes: 10, reposts: 5 }, 50)).toEqual({
      value: 0.015,
      denominator: 'views',
    });
    expect(engagementRate({ likes: 10, reposts: 5 }, 500)).toEqual({ value: 0.03, denominator: 'followers' });
  });
  it('returns null for zero or unknown denominators', () => {
    expect(engagementRate({ views: 0, likes: 1 })).toEqual({
      value: null,
      denominator: 'views',
      reason: 'denominator-zero',
    });
    expect(engagementRate({ likes: 1 })).toEqual({
      value: null,
      denominator: null,
      reason: 'denominator-unknown',
    });
    expect(engagementRate({ likes: 1 }, 0).reason).toBe('denominator-zero');
    expect(engagementRate({ views: 10 }).reason).toBe('engagements-unknown');
  });
});

describe('velocity', () => {
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  const h = (hours: number) => t0 + hours * 3_600_000;

  it('interpolates the count at 24 h between the snapshots around it', () => {
    const v = velocity('2026-03-01T00:00:00Z', [
      { at: h(12), metrics: { likes: 80, comments: 20 } },
      { at: new Date(h(36)).toISOString(), metrics: { likes: 170, comments: 30 } },
    ]);
    expect(v.first24h).toEqual({ perHour: 150 / 24, atEnd: 150 });
    expect(v.first7d).toEqual({ perHour: null, atEnd: null, reason: 'not-observed-yet' });
  });
  it('uses a snapshot taken exactly at the window end, and the 7-day window', () => {
    const v = velocity(t0, [
      { at: h(24), metrics: { likes: 48 } },
      { at: h(24 * 6), metrics: { likes: 700 } },
      { at: h(24 * 8), metrics: { likes: 900 } },
    ]);
    expect(v.first24h.perHour).toBe(2);
    expect(v.first7d.atEnd).toBe(800);
    expect(v.first7d.perHour).toBeCloseTo(800 / 168, 10);
  });
  it('interpolates from the post itself (0 at createdAt) when the first snapshot is close enough', () => {
    const v = velocity(t0, [
      { at: h(6), metrics: { likes: 60 } },
      { at: h(26), metrics: { likes: 100 } },
    ]);
    expect(v.first24h.atEnd).toBeCloseTo(96, 10);
  });
  it('refuses to interpolate across a gap longer than the window', () => {
    const v = velocity(t0, [{ at: h(30), metrics: { likes: 120 } }]);
    expect(v.first24h).toEqual({ perHour: null, atEnd: null, reason: 'gap-too-wide' });
  });
  it('is null without a creation time or counts', () => {
    expect(velocity(null, [{ at: h(30), metrics: { likes: 1 } }]).first24h.reason).toBe('no-created-at');
    expect(velocity(t0, []).first24h.reason).toBe('no-engagement-counts');
    expect(velocity(t0, [{ at: h(30), metrics: { views: 5 } }]).first24h.reason).toBe('no-engagement-counts');
  });
});

describe('outliers', () => {
  it('compares each post with its own account median only', () => {
    const small = [10, 12, 8, 11, 100].map((likes, i) => ({
      id: `a${i}`,
      authorId: 'a',
      metrics: { likes },
    }));
    const big = [1000, 1100, 900].map((likes, i) => ({ id: `b${i}`, authorId: 'b', metrics: { likes } }));
    const result = outliers([...small, ...big, { id: 'x', authorId: 'a', metrics: { views: 5 } }]);
    const a = result.find((r) => r.authorId === 'a')!;
    expect(a.median).toBe(11);
    expect(a.posts).toBe(5);
    expect(a.outliers.map((o) => o.id)).toEqual(['a4']);
    expect(a.outliers[0]!.ratio).toBeCloseTo(100 / 11, 10);
    expect(a.outliers[0]!.robustZ).toBeGreaterThan(3.5);
    expect(result.find((r) => r.authorId === 'b')!.outliers).toEqual([]);
  });
  it('does not call any engagement an outlier when the median is 0', () => {
    const posts = [0, 0, 0, 2, 5].map((likes, i) => ({ id: `p${i}`, authorId: 'a', metrics: { likes } }));
    expect(outliers(posts)[0]!.outliers.map((o) => o.id)).toEqual(['p4']);
  });
  it('is empty for no posts', () => {
    expect(outliers([])).toEqual([]);
  });
});

describe('followerGrowth', () => {
  it('keeps the last count per local day and gives per-day deltas across gaps', () => {
    const g = followerGrowth(
      [
        { at: '2026-03-01T10:00:00+08:00', followers: 100 },
        { at: '2026-03-01T20:00:00+08:00', followers: 110 },
        { at: '2026-03-03T09:00:00+08:00', followers: 130 },
        // 17:00 UTC is 01:00 the next day in Shanghai
        { at: Date.parse('2026-03-03T17:00:00Z'), followers: 131 },
        { at: '2026-03-02T12:00:00+08:00' },
      ],
      'Asia/Shanghai',
    );
    expect(g.days).toEqual([
      { day: '2026-03-01', followers: 110, delta: null, gapDays: null, perDay: null, growthRate: null },
      { day: '2026-03-03', followers: 130, delta: 20, gapDays: 2, perDay: 10, growthRate: 20 / 110 },
      { day: '2026-03-04', followers: 131, delta: 1, gapDays: 1, perDay: 1, growthRate: 1 / 130 },
    ]);
    expect(g.change).toBe(21);
    expect(g.perDay).toBe(7);
    expect(g.growthRate).toBeCloseTo(21 / 110, 10);
  });
  it('is empty without snapshots and has no change with one day', () => {
    expect(followerGrowth([], 'UTC')).toEqual({
      days: [],
      first: null,
      last: null,
      change: null,
      perDay: null,
      growthRate: null,
    });
    const one = followerGrowth([{ at: 0, followers: 5 }], 'UTC');
    expect(one.change).toBeNull();
    expect(one.perDay).toBeNull();
  });
});
