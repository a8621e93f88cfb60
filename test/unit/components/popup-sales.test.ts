/**
 * The popup's sales glance over fake-indexeddb (components/popup-sales.ts): the seller's decisions on
 * conflicting orders count as on the dashboard, and the week is counted, whole, from the totals kept
 * at import. Orders are synthetic (test/unit/sales/generate.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPopupSales } from '../../../components/popup-sales';
import { storeOrders } from '../../../lib/db/sales';
import { db, type StoredAccount, type StoredOrder, type StoredPost } from '../../../lib/db/schema';
import { taggedFigures } from '../../../lib/sales/glance';
import { gumroadOrder } from '../sales/generate';

const NOW = Date.parse('2026-03-10T00:00:00Z');
const HOUR = 3_600_000;
const url = (code: string) =>
  `https://gumroad.com/l/rust?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=${code}`;
const account = { platform: 'x', id: 'me', handle: 'me', name: 'Me', followersExact: true, role: 'mine' };
const post = (id: string, links: string[], createdAt: string) =>
  ({
    platform: 'x',
    id,
    url: `https://x.com/me/status/${id}`,
    authorId: 'me',
    authorHandle: 'me',
    authorName: 'Me',
    text: `post ${id}`,
    createdAt,
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { views: 100 },
    metricsExact: true,
    links,
    hashtags: [],
    approx: [],
    firstSeenAt: 0,
    lastSeenAt: 0,
  }) as StoredPost;
const order = (id: string, hoursAgo: number, fields: Partial<StoredOrder> = {}): StoredOrder =>
  gumroadOrder(id, { at: NOW - hoursAgo * HOUR, gross: 4_900, fees: 0, ...fields });

beforeEach(async () => {
  await db().open();
  await db().accounts.put(account as StoredAccount);
  // Post 1 (on the page) carries xp-aaaa; post 2 (off the page, earlier) carries xp-bbbb, whose
  // copied link has the coupon SPRING.
  await db().posts.bulkPut([
    post('1', [url('xp-aaaa')], '2026-03-08T00:00:00.000Z'),
    post('2', [url('xp-bbbb')], '2026-03-07T00:00:00.000Z'),
  ]);
  await db().trackedLinks.put({
    code: 'xp-bbbb',
    courseUrl: 'https://gumroad.com/l/rust',
    platform: 'x',
    campaign: 'launch',
    coupon: 'SPRING',
    createdAt: NOW - 100 * HOUR,
  });
});
afterEach(async () => {
  await Promise.all(
    [
      db().accounts,
      db().posts,
      db().orderPacks,
      db().orderTotals,
      db().trackedLinks,
      db().attributionDecisions,
    ].map((t) => t.clear()),
  );
});

describe('the popup’s sales glance', () => {
  it('counts an order whose codes name the page’s post and another as the seller decided', async () => {
    await storeOrders(db(), [
      order('plain', 20, { utm: { content: 'xp-aaaa' } }),
      // UTM of post 1, coupon of post 2.
      order('k', 10, { utm: { content: 'xp-aaaa' }, coupon: 'spring', gross: 3_000 }),
    ]);
    const page = async () =>
      (await readPopupSales(Promise.resolve([['x', '1']]), NOW))!.posts.map((p) => [p.post.id, p.figures]);
    const one = { orders: 1, revenue: [{ minor: 4_900, currency: 'USD' }] };
    // Undecided: the conflict counts for neither.
    expect(await page()).toMatchObject([['1', one]]);
    await db().attributionDecisions.put({ order: 'gumroad:k', post: 'x:1', decidedAt: NOW });
    expect(await page()).toMatchObject([['1', { orders: 2, revenue: [{ minor: 7_900, currency: 'USD' }] }]]);
    await db().attributionDecisions.put({ order: 'gumroad:k', post: 'x:2', decidedAt: NOW });
    expect(await page()).toMatchObject([['1', one]]);
    await db().attributionDecisions.put({ order: 'gumroad:k', post: 'none', decidedAt: NOW });
    expect(await page()).toMatchObject([['1', one]]);
  });

  it('counts every order of the week from the totals kept at import, as the orders themselves count', async () => {
    // 40 tagged orders in the week, one an hour, a coupon of post 2, untagged ones, another
    // currency; 3 tagged orders before the week.
    const week = [
      ...Array.from({ length: 40 }, (_, i) => order(`w${i}`, i + 1, { utm: { content: 'xp-aaaa' } })),
      order('coupon', 50, { coupon: 'spring', gross: 3_000 }),
      order('eur', 60, { utm: { content: 'xp-bbbb' }, currency: 'EUR', gross: 2_000 }),
      ...Array.from({ length: 5 }, (_, i) => order(`plain${i}`, i + 2)),
    ];
    await storeOrders(db(), [
      ...week,
      ...[1, 2, 3].map((i) => order(`old${i}`, 8 * 24 + i, { utm: { content: 'xp-aaaa' } })),
    ]);
    const links = [
      {
        code: 'xp-aaaa',
        courseUrl: 'https://gumroad.com/l/rust',
        platform: 'x' as const,
        campaign: 'launch',
      },
      ...(await db().trackedLinks.toArray()),
    ];
    const sales = (await readPopupSales(Promise.resolve([]), NOW, { postOrders: 100 }))!;
    expect(sales.week).toEqual({
      orders: 42,
      revenue: [
        { minor: 2_000, currency: 'EUR' },
        { minor: 40 * 4_900 + 3_000, currency: 'USD' },
      ],
    });
    const fromOrders = taggedFigures(week, links);
    expect(sales.week.orders).toBe(fromOrders.orders);
    expect(sales.week.revenue).toEqual(expect.arrayContaining(fromOrders.revenue));
    // A later export refunds one: the kept totals follow.
    await storeOrders(db(), [{ ...week[0]!, refunds: 4_900 }]);
    const refunded = (await readPopupSales(Promise.resolve([]), NOW, { postOrders: 100 }))!;
    expect(refunded.week.revenue[1]).toEqual({ minor: 39 * 4_900 + 3_000, currency: 'USD' });
    // The page post's figures stop at their own cap, and say so.
    const posts = (await readPopupSales(Promise.resolve([['x', '1']]), NOW, { postOrders: 10 }))!;
    expect(posts.postsCapped).toBe(true);
    expect(posts.posts[0]!.figures).toMatchObject({ orders: 10 });
  });

  it('is null with no order stored', async () => {
    expect(await readPopupSales(Promise.resolve([['x', '1']]), NOW)).toBeNull();
  });
});
