// @vitest-environment happy-dom
/**
 * The dashboard's sales figures recompute only when what they depend on changes (components/sales.ts):
 * new counts on the seller's posts, which every capture writes, leave the report as it was; a post's
 * links, an imported order and a copied link make a new one. Rendered in happy-dom over fake-indexeddb.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSales } from '../../../components/sales';
import type { SalesData } from '../../../components/sales-figures';
import { storeOrders } from '../../../lib/db/sales';
import { db, type StoredAccount, type StoredOrder, type StoredPost } from '../../../lib/db/schema';
import { gumroadOrder } from '../sales/generate';

const reports = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/sales/report', async (original) => {
  const actual = await original<typeof import('../../../lib/sales/report')>();
  return {
    ...actual,
    salesReport: (...args: Parameters<typeof actual.salesReport>) => {
      reports.count++;
      return actual.salesReport(...args);
    },
  };
});

// The worker as the page runs it, in this process: it reads the sales inputs from the database, and
// the request and the answer are cloned as postMessage clones them (happy-dom runs no module workers).
vi.mock('../../../components/sales-worker-client', async () => {
  const { computeSales } = await import('../../../components/sales-figures');
  const { loadSalesInputs } = await import('../../../components/sales-inputs');
  return {
    computeSalesInWorker: (request: { posts: Parameters<typeof computeSales>[0]['posts'] }) => ({
      result: loadSalesInputs().then((inputs) =>
        structuredClone(computeSales({ inputs, posts: structuredClone(request).posts })),
      ),
      cancel: () => {},
    }),
  };
});

const LINK =
  'https://gumroad.com/l/rust?utm_source=x&utm_medium=social&utm_campaign=launch&utm_content=xp-aaaa';
const account = { platform: 'x', id: 'me', handle: 'me', name: 'Me', followersExact: true, role: 'mine' };
const post = (views: number, links: string[]) =>
  ({
    platform: 'x',
    id: '1',
    url: 'https://x.com/me/status/1',
    authorId: 'me',
    authorHandle: 'me',
    authorName: 'Me',
    text: 'Rust course',
    createdAt: '2026-03-01T00:00:00.000Z',
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { views },
    metricsExact: true,
    links,
    hashtags: [],
    approx: [],
    firstSeenAt: 0,
    lastSeenAt: 0,
  }) as StoredPost;
const order = (id: string, gross: number): StoredOrder =>
  gumroadOrder(id, { at: Date.parse('2026-03-01T03:00:00Z'), gross, fees: 0, utm: { content: 'xp-aaaa' } });

let seen: Array<SalesData | null | undefined> = [];
function Probe() {
  seen.push(useSales());
  return null;
}
const last = () => seen[seen.length - 1];
const settle = async (until: () => boolean) => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 10));
  // Any further render the write caused has happened by now.
  await new Promise((r) => setTimeout(r, 50));
};

let container: HTMLElement;
beforeEach(async () => {
  await db().open();
  await db().accounts.put(account as StoredAccount);
  await db().posts.put(post(100, [LINK]));
  await storeOrders(db(), [order('a', 4_900)]);
  container = document.createElement('div');
  reports.count = 0;
  seen = [];
});
afterEach(async () => {
  render(null, container);
  await Promise.all([
    db().accounts.clear(),
    db().posts.clear(),
    db().orderPacks.clear(),
    db().orderTotals.clear(),
    db().trackedLinks.clear(),
  ]);
});

describe('live sales figures', () => {
  it('keep the report when only counts change, and make a new one when links, orders or copied links do', async () => {
    render(<Probe />, container);
    await settle(() => !!last());
    expect(reports.count).toBe(1);
    const first = last()!;
    expect(first.perPost.get('x:1')?.exact).toEqual({
      orders: 1,
      revenue: [{ minor: 4_900, currency: 'USD' }],
    });

    // A capture writes new counts: the same report object, not recomputed.
    const renders = seen.length;
    await db().posts.put(post(5_000, [LINK]));
    await settle(() => seen.length > renders);
    expect(seen.length).toBeGreaterThan(renders);
    expect(reports.count).toBe(1);
    expect(last()).toBe(first);

    // The post loses its tracked link: the order no longer counts for it.
    await db().posts.put(post(5_000, []));
    await settle(() => reports.count > 1);
    expect(reports.count).toBe(2);
    expect(last()!.perPost.get('x:1')?.exact.orders).toBe(0);

    // Back, and a second order imported: both count.
    await db().posts.put(post(5_000, [LINK]));
    await settle(() => reports.count > 2);
    await storeOrders(db(), [order('b', 3_900)]);
    await settle(() => reports.count > 3);
    expect(reports.count).toBe(4);
    expect(last()!.perPost.get('x:1')?.exact).toEqual({
      orders: 2,
      revenue: [{ minor: 8_800, currency: 'USD' }],
    });

    // A copied link (its coupon now names the post too).
    await db().trackedLinks.put({
      code: 'xp-aaaa',
      courseUrl: 'https://gumroad.com/l/rust',
      platform: 'x',
      campaign: 'launch',
      coupon: 'RUST10',
      createdAt: 1,
    });
    await settle(() => reports.count > 4);
    expect(reports.count).toBe(5);
    expect(last()!.copied.map((l) => [l.code, l.binding?.post.id])).toEqual([['xp-aaaa', '1']]);
  });
});
