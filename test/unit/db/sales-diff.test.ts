/**
 * Which imported orders are written over the stored ones (lib/db/sales.ts changedOrders): only new
 * orders and orders whose values changed, whatever line of the file they are on and whatever order
 * their keys come in.
 */
import { describe, expect, it } from 'vitest';
import { changedOrders, sameOrder } from '../../../lib/db/sales';
import type { StoredOrder } from '../../../lib/db/schema';
import { orderKey } from '../../../lib/sales/order';

const order: StoredOrder = {
  platform: 'gumroad',
  orderId: 'G1',
  at: Date.UTC(2026, 2, 1, 9),
  zone: 'UTC',
  currency: 'USD',
  gross: 4900,
  refunds: 0,
  fees: 520,
  affiliateCommission: 0,
  coupon: 'xp-7f3k',
  utm: { source: 'x', medium: 'social', content: 'xp-7f3k' },
  line: 2,
};
const stored = (...orders: StoredOrder[]) => new Map(orders.map((o) => [orderKey(o), o]));

describe('sameOrder', () => {
  it('ignores the file line, key order and keys holding undefined', () => {
    const { utm, ...rest } = order;
    const reordered = { utm: { content: 'xp-7f3k', medium: 'social', source: 'x' }, ...rest, line: 900 };
    expect(sameOrder(order, reordered)).toBe(true);
    expect(sameOrder(order, { ...order, referrer: undefined })).toBe(true);
    expect(sameOrder({ ...order, referrer: undefined }, order)).toBe(true);
  });

  it('sees a changed amount, a changed or removed utm field, and a field added or removed', () => {
    expect(sameOrder(order, { ...order, refunds: 4900 })).toBe(false);
    expect(sameOrder(order, { ...order, utm: { ...order.utm, content: 'xp-0000' } })).toBe(false);
    expect(sameOrder(order, { ...order, utm: { source: 'x', medium: 'social' } })).toBe(false);
    expect(sameOrder(order, { ...order, utm: { ...order.utm, term: 'rust' } })).toBe(false);
    const { coupon: _coupon, ...withoutCoupon } = order;
    expect(sameOrder(order, withoutCoupon)).toBe(false);
    expect(sameOrder(withoutCoupon, order)).toBe(false);
    expect(sameOrder(order, { ...order, renewal: true })).toBe(false);
    const { utm: _utm, ...untagged } = order;
    expect(sameOrder(order, untagged)).toBe(false);
  });
});

describe('changedOrders', () => {
  it('writes new and changed orders only, counting each kind', () => {
    const refunded = { ...order, orderId: 'G2', refunds: 0 };
    const { writes, summary } = changedOrders(stored(order, refunded), [
      { ...order, line: 7 },
      { ...refunded, refunds: 4900 },
      { ...order, orderId: 'G3' },
      // Same id on another platform: another order.
      { ...order, platform: 'stripe' },
    ]);
    expect(summary).toEqual({ added: 2, changed: 1, unchanged: 1 });
    expect(writes.map((o) => [o.platform, o.orderId])).toEqual([
      ['gumroad', 'G2'],
      ['gumroad', 'G3'],
      ['stripe', 'G1'],
    ]);
    expect(writes[0]!.refunds).toBe(4900);
  });

  it('writes nothing when the same orders come again', () => {
    const again = [order, { ...order, orderId: 'G2' }];
    expect(
      changedOrders(
        stored(...again),
        again.map((o) => ({ ...o, line: o.line + 1 })),
      ),
    ).toEqual({
      writes: [],
      summary: { added: 0, changed: 0, unchanged: 2 },
    });
  });
});
