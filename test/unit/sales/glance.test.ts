import { describe, expect, it } from 'vitest';
import { codesOutSince, glanceSince, pageFigures, taggedFigures } from '../../../lib/sales/glance';
import type { TrackedLink } from '../../../lib/sales/links';
import type { Order } from '../../../lib/sales/order';
import { gumroadOrder } from './generate';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;
const order = (id: string, fields: Partial<Order>): Order =>
  gumroadOrder(id, { at: T0 + HOUR, gross: 4_900, fees: 520, ...fields });
const url = (code: string) =>
  `https://gumroad.com/l/rust?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=${code}`;
const post = (id: string, links: string[], createdAt: string | null = '2026-03-01T00:00:00.000Z') => ({
  platform: 'x' as const,
  id,
  format: 'text' as const,
  createdAt,
  links,
});
const copied: Array<TrackedLink & { createdAt: number }> = [
  {
    code: 'xp-aaaa',
    courseUrl: 'https://gumroad.com/l/rust',
    platform: 'x',
    campaign: 'launch',
    coupon: 'XDEV10',
    createdAt: T0 - 2 * HOUR,
  },
  {
    code: 'xp-bbbb',
    courseUrl: 'https://gumroad.com/l/rust',
    platform: 'x',
    campaign: 'launch',
    createdAt: T0 - 9 * HOUR,
  },
];

describe('the popup’s sales figures', () => {
  it('counts tagged orders (a known code, its coupon) per currency, net of fees, never summing currencies', () => {
    const week = taggedFigures(
      [
        order('a', { utm: { content: 'xp-aaaa' } }),
        order('b', { coupon: 'xdev10', gross: 3_900, fees: 420 }),
        order('c', {}),
        order('d', { utm: { content: 'xp-bbbb' }, currency: 'CNY', gross: 19_900, fees: 0 }),
        order('e', { utm: { content: 'not-ours' } }),
      ],
      copied,
    );
    expect(week).toEqual({
      orders: 3,
      revenue: [
        { minor: 4_380 + 3_480, currency: 'USD' },
        { minor: 19_900, currency: 'CNY' },
      ],
    });
    expect(taggedFigures([order('c', {})], copied)).toEqual({ orders: 0, revenue: [] });
    expect(glanceSince(T0)).toBe(T0 - 7 * 24 * HOUR);
  });

  it('reads orders from when the page posts’ codes were first out: the post or the copy, the earlier', () => {
    expect(codesOutSince([post('1', [url('xp-aaaa')])], copied)).toBe(T0 - 2 * HOUR);
    // A code made outside CoursePulse: from the post's own time.
    expect(codesOutSince([post('1', [url('xp-zzzz')], '2026-03-02T00:00:00.000Z')], copied)).toBe(
      T0 + 24 * HOUR,
    );
    expect(codesOutSince([post('1', ['https://example.com/'])], copied)).toBeNull();
    expect(codesOutSince([post('1', [url('xp-zzzz')], null)], copied)).toBeNull();
  });

  it('gives each page post carrying a code its exact figures; conflicts between them count for neither', () => {
    const posts = [post('1', [url('xp-aaaa')]), post('2', [url('xp-bbbb')]), post('3', [])];
    const figures = pageFigures({
      orders: [
        order('a', { utm: { content: 'xp-aaaa' } }),
        order('b', { coupon: 'xdev10', gross: 3_900, fees: 420 }),
        // UTM of post 2, coupon of post 1: shown in the dashboard, counted for neither.
        order('c', { utm: { content: 'xp-bbbb' }, coupon: 'xdev10' }),
        order('d', {}),
      ],
      copied,
      page: posts,
      own: [],
      decisions: new Map(),
    });
    expect([...figures.keys()]).toEqual(['x:1', 'x:2']);
    expect(figures.get('x:1')).toEqual({
      orders: 2,
      renewals: 0,
      revenue: [{ minor: 7_860, currency: 'USD' }],
      gross: [{ minor: 8_800, currency: 'USD' }],
    });
    expect(figures.get('x:2')).toBeNull();
  });

  it('counts a conflicting order as the seller decided, also when its other post is off the page', () => {
    // Post 1 is on the page; post 2 (coupon XDEV10's link, xp-aaaa) is one of the seller's other posts.
    const page = [post('1', [url('xp-bbbb')])];
    const own = [post('2', [url('xp-aaaa')], '2026-02-27T00:00:00.000Z')];
    // UTM names post 1, the coupon post 2: a conflict, as on the dashboard.
    const orders = [
      order('k', { utm: { content: 'xp-bbbb' }, coupon: 'xdev10' }),
      order('plain', { utm: { content: 'xp-bbbb' }, gross: 2_000, fees: 0 }),
    ];
    const figuresWith = (decisions: Map<string, string>) =>
      pageFigures({ orders, copied, page, own, decisions }).get('x:1');
    const alone = { orders: 1, renewals: 0, revenue: [{ minor: 2_000, currency: 'USD' }] };
    // Undecided: counted for neither post.
    expect(figuresWith(new Map())).toMatchObject(alone);
    // Decided for the page's post: it counts there.
    expect(figuresWith(new Map([['gumroad:k', 'x:1']]))).toMatchObject({
      orders: 2,
      revenue: [{ minor: 2_000 + 4_380, currency: 'USD' }],
    });
    // Decided for the other post, or for none: not the page post's.
    expect(figuresWith(new Map([['gumroad:k', 'x:2']]))).toMatchObject(alone);
    expect(figuresWith(new Map([['gumroad:k', 'none']]))).toMatchObject(alone);
  });
});
