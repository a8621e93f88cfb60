import { describe, expect, it } from 'vitest';
import type { Order } from '../../../lib/sales/order';
import { linksFromPosts, RANK_BY_ORDERS, salesReport } from '../../../lib/sales/report';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const order = (id: string, code: string, gross: number): Order => ({
  platform: 'gumroad',
  orderId: id,
  at: T0 + 3_600_000,
  zone: 'UTC',
  currency: 'USD',
  gross,
  refunds: 0,
  fees: 0,
  affiliateCommission: 0,
  utm: { content: code },
  line: 2,
});
const post = (id: string, code: string) => ({
  platform: 'x' as const,
  id,
  format: 'text' as const,
  createdAt: '2026-03-01T00:00:00.000Z',
  links: [
    `https://gumroad.com/l/rust?utm_source=x&utm_medium=social&utm_campaign=Spring-Launch&utm_content=${code}`,
  ],
});

describe('sales report', () => {
  it('takes tracked links from own posts, without their UTM parameters', () => {
    expect(linksFromPosts([post('1', 'xp-aaaa')])).toEqual([
      { code: 'xp-aaaa', courseUrl: 'https://gumroad.com/l/rust', platform: 'x', campaign: 'spring-launch' },
    ]);
  });

  it('gives ROI and ROAS per campaign from its cost, and ranks by orders only with enough of them', () => {
    const posts = Array.from({ length: 6 }, (_, i) => post(`${i}`, `xp-c${i}`));
    const links = linksFromPosts(posts);
    const few = salesReport({
      orders: [order('a', 'xp-c0', 30_000), order('b', 'xp-c1', 20_000)],
      posts,
      links,
      costs: [{ name: 'Spring Launch', cost: { minor: 10_000, currency: 'USD' } }],
    });
    expect(few.perCampaign['spring-launch']).toMatchObject({
      orders: 2,
      revenue: [{ minor: 50_000, currency: 'USD' }],
      cost: { minor: 10_000, currency: 'USD' },
      roi: { value: 4 },
      roas: { value: 5 },
    });
    expect(few.rankBy).toEqual({ by: 'engagement', orders: 2, posts: 2, needed: RANK_BY_ORDERS });
    const many = salesReport({
      orders: Array.from({ length: 30 }, (_, i) => order(`o${i}`, `xp-c${i % 6}`, 100)),
      posts,
      links,
    });
    expect(many.rankBy).toMatchObject({ by: 'orders', orders: 30, posts: 6 });
  });
});
