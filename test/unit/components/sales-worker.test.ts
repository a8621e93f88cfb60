/**
 * The sales figures computed in a Web Worker (components/sales.worker.ts) are the ones computed on the
 * page: computeSales is pure and its answer, Maps included, crosses postMessage's structured clone
 * unchanged; a failure comes back as a message. Synthetic orders (test/unit/sales/generate.ts), with
 * tracked codes, a coupon, a conflict and the seller's decision on another.
 */
import { describe, expect, it } from 'vitest';
import { computeSales, type SalesSources } from '../../../components/sales-figures';
import { answerOf, runInWorker } from '../../../components/worker-run';
import type { StoredPost } from '../../../lib/db/schema';
import { gumroadOrder, manyOrders } from '../sales/generate';

const START = Date.parse('2026-03-01T00:00:00Z');
const url = (code: string) => `https://gumroad.com/l/rust?utm_campaign=launch&utm_content=${code}`;
const post = (id: string, code: string, day: number) =>
  ({
    platform: 'x',
    id,
    url: `https://x.com/me/status/${id}`,
    authorId: 'me',
    authorHandle: 'me',
    authorName: 'Me',
    text: `post ${id}`,
    createdAt: new Date(START + day * 86_400_000).toISOString(),
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { views: 100 },
    metricsExact: true,
    links: [url(code)],
    hashtags: [],
    approx: [],
    firstSeenAt: 0,
    lastSeenAt: 0,
  }) as StoredPost;

function request(): SalesSources {
  const codes = ['xp-aaaa', 'xp-bbbb', 'xp-cccc'];
  const orders = manyOrders(2_000, START, 30, codes).map((o, i) =>
    gumroadOrder(o.id, {
      at: o.at,
      gross: o.price,
      fees: o.fee,
      refunds: o.refund,
      ...(o.code ? { utm: { content: o.code } } : {}),
      // Every 97th order also carries post b's coupon: a conflict when its UTM names another post.
      ...(i % 97 === 0 ? { coupon: 'spring' } : {}),
      buyer: `b${i % 700}`,
      line: i + 2,
    }),
  );
  const link = { courseUrl: 'https://gumroad.com/l/rust', platform: 'x' as const, campaign: 'launch' };
  return {
    inputs: {
      orders,
      copied: [{ ...link, code: 'xp-bbbb', coupon: 'SPRING', createdAt: START }],
      campaigns: [{ name: 'launch', cost: { minor: 50_000, currency: 'USD' } }],
      decisions: [{ order: 'gumroad:G0', post: 'x:2', decidedAt: START }],
    },
    posts: [post('1', 'xp-aaaa', 1), post('2', 'xp-bbbb', 3), post('3', 'xp-cccc', 9)],
  };
}

describe('the sales figures off the UI thread', () => {
  it('come back from a worker exactly as computed on the page', async () => {
    const req = request();
    const onPage = computeSales(req)!;
    // The case is not trivial: figures per post, open conflicts and a decided one.
    expect(onPage.perPost.get('x:1')!.exact.orders).toBeGreaterThan(0);
    expect(onPage.report.conflicts.length).toBeGreaterThan(0);
    expect(onPage.report.decided.map((d) => d.decision)).toEqual(['x:2']);
    const answer = structuredClone(await answerOf(computeSales, structuredClone(req)));
    expect(answer).toEqual({ ok: true, value: onPage });
    if (!answer.ok) return;
    expect(answer.value!.perPost).toBeInstanceOf(Map);
    expect([...answer.value!.posts.keys()]).toEqual(['x:1', 'x:2', 'x:3']);
  });

  it('answers null with nothing to show, and a failure as a message', async () => {
    const empty = { inputs: { orders: [], copied: [], campaigns: [], decisions: [] }, posts: [] };
    expect(await answerOf(computeSales, empty)).toEqual({ ok: true, value: null });
    const broken = { ...empty, inputs: { ...empty.inputs, orders: null } } as unknown as SalesSources;
    expect(await answerOf(computeSales, broken)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('ends the worker on its answer, rejects on a failure, and cancels by ending it', async () => {
    const made: Array<{ terminated: boolean }> = [];
    const fakeWorker = (answer: unknown) => {
      const w = {
        terminated: false,
        onmessage: null as ((e: { data: unknown }) => void) | null,
        onerror: null,
        postMessage(input: unknown) {
          queueMicrotask(() => w.onmessage?.({ data: answer ?? { ok: true, value: input } }));
        },
        terminate() {
          w.terminated = true;
        },
      };
      made.push(w);
      return w as unknown as Worker;
    };
    await expect(runInWorker(fakeWorker(null), 7).result).resolves.toBe(7);
    await expect(runInWorker(fakeWorker({ ok: false, error: 'boom' }), 7).result).rejects.toThrow('boom');
    expect(made.every((w) => w.terminated)).toBe(true);
    const cancelled = runInWorker(fakeWorker(null), 7);
    cancelled.cancel();
    expect(made[made.length - 1]!.terminated).toBe(true);
  });
});
