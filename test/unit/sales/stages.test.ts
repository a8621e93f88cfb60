import { describe, expect, it } from 'vitest';
import { buildReport, type Campaign } from '../../../lib/metrics/report';
import type { TrackedLink } from '../../../lib/sales/links';
import type { Order } from '../../../lib/sales/order';
import { orderStages } from '../../../lib/sales/stages';
import { gumroadOrder } from './generate';

const order = (id: string, at: string, fields: Partial<Order> = {}): Order =>
  gumroadOrder(id, { at: Date.parse(at), gross: 4_900, fees: 0, ...fields });
const own: TrackedLink[] = [
  { code: 'xp-aaaa', courseUrl: 'https://gumroad.com/l/c', platform: 'x', campaign: 'launch' },
];
const MARCH = { start: '2026-03-01', end: '2026-03-07' };
const orders = [
  order('before', '2026-02-20T10:00:00Z', { buyer: 'b1' }),
  order('1', '2026-03-01T10:00:00Z', { buyer: 'b1' }),
  order('2', '2026-03-02T10:00:00Z', { buyer: 'b2', affiliate: 'xp-aaaa' }),
  order('3', '2026-03-03T10:00:00Z', { buyer: 'b2', affiliate: 'jane' }),
  order('4', '2026-03-04T10:00:00Z', { buyer: 'b3' }),
  order('renewal', '2026-03-05T10:00:00Z', { buyer: 'b3', renewal: true }),
  // 01:00 in Shanghai on the 8th: inside the dates in UTC, after them in Asia/Shanghai.
  order('late', '2026-03-07T17:00:00Z', { buyer: 'b4' }),
];

describe('funnel stages from stored orders', () => {
  it('counts purchases within the campaign’s local dates; repeat buyers and referrals that are no own code', () => {
    expect(orderStages(orders, own, MARCH, 'UTC')).toEqual({
      orders: 6,
      bought: 5,
      repeatBuyers: 1,
      referrals: 1,
    });
    expect(orderStages(orders, own, MARCH, 'Asia/Shanghai')).toEqual({
      orders: 5,
      bought: 4,
      repeatBuyers: 1,
      referrals: 1,
    });
  });

  it('says unknown where the export names no buyers or affiliates, and nothing when the orders miss the dates', () => {
    const plain = orders.map(({ buyer: _b, affiliate: _a, ...o }) => o);
    expect(orderStages(plain, own, MARCH, 'UTC')).toEqual({
      orders: 6,
      bought: 5,
      repeatBuyers: null,
      referrals: null,
    });
    expect(orderStages([], own, MARCH, 'UTC')).toBeNull();
    expect(orderStages(orders, own, { start: '2026-04-01', end: '2026-04-30' }, 'UTC')).toBeNull();
    expect(orderStages(orders, own, { start: '2026-01-01', end: '2026-01-31' }, 'UTC')).toBeNull();
    // Inside the orders' span, no order in the dates is a real zero.
    expect(orderStages(orders, own, { start: '2026-02-21', end: '2026-02-28' }, 'UTC')).toEqual({
      orders: 0,
      bought: 0,
      repeatBuyers: 0,
      referrals: 0,
    });
  });

  it('replaces the entered purchases and referrals in the campaign’s funnel, naming the orders as the source', () => {
    const campaign: Campaign = {
      name: 'Launch',
      platforms: ['x'],
      start: MARCH.start,
      end: MARCH.end,
      cost: { minor: 10_000, currency: 'USD' },
      counts: { impressions: 10_000, clicks: 200, purchases: 9, referrals: 4 },
      postIds: [],
    };
    const report = (c: Campaign) =>
      buildReport({ posts: [], campaigns: [c], settings: { timeZone: 'UTC', now: 0 } }).campaigns[0]!;
    const entered = report(campaign);
    expect(entered.orders).toBeNull();
    expect(entered.funnel.steps.map((s) => [s.id, s.count, s.source])).toEqual([
      ['reach', 10_000, 'entered'],
      ['engaged', 200, 'entered'],
      ['bought', 9, 'entered'],
      ['advocates', 4, 'entered'],
    ]);
    const fromOrders = report({ ...campaign, fromOrders: orderStages(orders, own, MARCH, 'UTC') });
    expect(fromOrders.orders).toEqual({ n: 6 });
    expect(fromOrders.funnel.steps.map((s) => [s.id, s.count, s.source])).toEqual([
      ['reach', 10_000, 'entered'],
      ['engaged', 200, 'entered'],
      ['bought', 5, 'orders'],
      ['advocates', 2, 'orders'],
    ]);
    // CPA from the orders too: 100.00 / 5.
    expect(fromOrders.cost.cpa).toEqual({ value: 20, currency: 'USD' });
    // An export without buyers or affiliates: bought from the orders, advocates as entered.
    const plain = orders.map(({ buyer: _b, affiliate: _a, ...o }) => o);
    const partly = report({ ...campaign, fromOrders: orderStages(plain, own, MARCH, 'UTC') });
    expect(partly.funnel.steps.slice(2).map((s) => [s.id, s.count, s.source])).toEqual([
      ['bought', 5, 'orders'],
      ['advocates', 4, 'entered'],
    ]);
  });
});
