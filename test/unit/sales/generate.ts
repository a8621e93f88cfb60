/**
 * Generated orders (synthetic, labelled as such) with a known truth: a Poisson baseline of sales,
 * posts at known instants, an optional planted lift after some posts, and tracked codes on some
 * orders. Seeded, so every run sees the same file. Shared by the sales tests and `npm run bench -- --only sales`.
 */

import type { Order } from '../../../lib/sales/order';
import { prng as seeded } from '../../../lib/sample';

/** The sample data's seeded generator, so every run sees the same file. */
export { seeded };

/** Instants of a Poisson process of `perDay` over [start, end). */
export function poissonTimes(random: () => number, perDay: number, start: number, end: number): number[] {
  const times: number[] = [];
  for (let t = start - (Math.log(1 - random()) / perDay) * 86_400_000; t < end; ) {
    times.push(Math.floor(t));
    t -= (Math.log(1 - random()) / perDay) * 86_400_000;
  }
  return times;
}

export interface GeneratedOrder {
  id: string;
  at: number;
  /** Cents. */
  price: number;
  fee: number;
  refund: number;
  commission: number;
  code: string;
  coupon: string;
  email: string;
}

/** One stored Gumroad order as the import makes it: $49.99 with $5.30 fees unless `fields` say otherwise. */
export const gumroadOrder = (orderId: string, fields: Partial<Order> = {}): Order => ({
  platform: 'gumroad',
  orderId,
  at: 0,
  zone: 'UTC',
  currency: 'USD',
  gross: 4999,
  refunds: 0,
  fees: 530,
  affiliateCommission: 0,
  line: 2,
  ...fields,
});

/** A Gumroad-style CSV (the real column names) of the orders: what the import reads. */
export function gumroadCsv(orders: readonly GeneratedOrder[]): string {
  const cents = (n: number) => (n / 100).toFixed(2);
  const lines = [
    'Purchase ID,Purchase Date,Purchase Time (UTC timezone),Sale Price ($),Taxes ($),Fees ($),Partial Refund ($),Fully Refunded?,Discount Code,Affiliate,Affiliate commission ($),Purchase Email,UTM Source,UTM Medium,UTM Campaign,UTM Content',
  ];
  for (const o of orders) {
    const iso = new Date(o.at).toISOString();
    lines.push(
      [
        o.id,
        iso.slice(0, 10),
        iso.slice(11, 19),
        cents(o.price),
        '0.00',
        cents(o.fee),
        cents(o.refund),
        'false',
        o.coupon,
        '',
        cents(o.commission),
        o.email,
        o.code ? 'x' : '',
        o.code ? 'social' : '',
        o.code ? 'launch' : '',
        o.code,
      ].join(','),
    );
  }
  lines.push(`Totals,,,${cents(orders.reduce((a, o) => a + o.price, 0))},0.00,,,,,,,,,,,`);
  return `${lines.join('\n')}\n`;
}

/** `n` orders over `days` from `start`, prices 19.00–199.99, every tenth with a code from `codes`. */
export function manyOrders(
  n: number,
  start: number,
  days: number,
  codes: readonly string[],
  seed = 1,
): GeneratedOrder[] {
  const random = seeded(seed);
  return Array.from({ length: n }, (_, i) => {
    const price = 1900 + Math.floor(random() * 18100);
    return {
      id: `G${i}`,
      at: start + Math.floor(random() * days * 86_400_000),
      price,
      fee: Math.round(price * 0.1) + 50,
      refund: i % 50 === 0 ? price : 0,
      commission: 0,
      code: i % 10 === 0 && codes.length > 0 ? codes[i % codes.length]! : '',
      coupon: '',
      email: `buyer${i % (n / 2)}@example.com`,
    };
  });
}
