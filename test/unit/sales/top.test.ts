import { describe, expect, it } from 'vitest';
import type { Money } from '../../../lib/metrics/money';
import type { PostSales } from '../../../lib/sales/report';
import { topPosts } from '../../../lib/sales/top';

const sold = (id: string, orders: number, revenue: Money[]): PostSales => ({
  platform: 'x',
  id,
  exact: { orders, revenue },
  inferred: null,
});
const usd = (minor: number): Money => ({ minor, currency: 'USD' });
const cny = (minor: number): Money => ({ minor, currency: 'CNY' });
const lifted = (id: string, pAny: number, verdict: 'added-orders' | 'not-distinguishable'): PostSales => ({
  ...sold(id, 0, []),
  inferred: { pAny, low: 1, high: 4, observed: 5, expected: 1, windowHours: 48, verdict },
});

describe('top posts', () => {
  it('ranks by net revenue in the currency most selling posts were paid in, never weighing other currencies', () => {
    const top = topPosts(
      [
        sold('a', 1, [usd(4_380)]),
        sold('b', 3, [usd(12_240)]),
        // 99,900 fen outweighs every dollar amount as a number: it must not rank first.
        sold('c', 2, [cny(99_900)]),
        sold('d', 2, [usd(4_380), cny(19_900)]),
        sold('e', 0, []),
      ],
      10,
    );
    expect(top.currency).toBe('USD');
    expect(top.selling).toBe(4);
    // Equal dollars (a, d): more orders first; no dollars (c) last.
    expect(top.exact.map((p) => p.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(top.exact[1]!.exact.revenue).toEqual([usd(4_380), cny(19_900)]);
  });

  it('keeps the inferred tier apart: only posts without exact orders that it credits, most probable first', () => {
    const withExact = { ...lifted('x', 0.99, 'added-orders'), exact: { orders: 1, revenue: [usd(100)] } };
    const top = topPosts(
      [
        lifted('p', 0.96, 'added-orders'),
        lifted('q', 0.72, 'not-distinguishable'),
        lifted('r', 0.994, 'added-orders'),
        withExact,
      ],
      10,
    );
    expect(top.inferred.map((p) => p.id)).toEqual(['r', 'p']);
    expect(top.exact.map((p) => p.id)).toEqual(['x']);
  });

  it('lists at most the limit, and nothing without exact orders', () => {
    const many = Array.from({ length: 15 }, (_, i) => sold(`${i}`, 1, [usd(100 * (i + 1))]));
    const top = topPosts(many, 10);
    expect(top.exact).toHaveLength(10);
    expect(top.exact[0]!.id).toBe('14');
    expect(top.selling).toBe(15);
    expect(topPosts([sold('e', 0, [])], 10)).toEqual({ currency: null, exact: [], selling: 0, inferred: [] });
  });
});
