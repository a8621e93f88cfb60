import { describe, expect, it } from 'vitest';
import { attributeExact, funnelFromOrders, NO_POST, returnOn } from '../../../lib/sales/attribute';
import { parseCsv } from '../../../lib/sales/decode';
import { importOrders } from '../../../lib/sales/import';
import { inferLift, lift, negBinCdf, splitByDecay } from '../../../lib/sales/inferred';
import {
  bindCodes,
  codeInLink,
  isCode,
  newCode,
  slug,
  type TrackedLink,
  trackedUrl,
  unboundCodes,
} from '../../../lib/sales/links';
import { ORDER_PLATFORMS, type Order } from '../../../lib/sales/order';
import { detectPreset } from '../../../lib/sales/presets';
import { type GeneratedOrder, gumroadCsv, poissonTimes, seeded } from './generate';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

const link = (code: string, platform: TrackedLink['platform'] = 'x', coupon?: string): TrackedLink => ({
  code,
  courseUrl: 'https://gumroad.com/l/rust-course?ref=home#buy',
  platform,
  campaign: 'spring-launch',
  ...(coupon ? { coupon } : {}),
});

function ordersFrom(generated: GeneratedOrder[]): Order[] {
  const d = parseCsv(gumroadCsv(generated), 'utf-8');
  if (!d.ok) throw new Error(d.reason);
  const result = importOrders(d.table, detectPreset(d.table.headers)!, 'UTC');
  expect(result.errors).toEqual([]);
  return result.orders;
}

describe('tracked links', () => {
  it('builds the course URL with the UTM convention, keeping its own query and fragment', () => {
    expect(trackedUrl(link('xp-7f3k'))).toBe(
      'https://gumroad.com/l/rust-course?ref=home&utm_source=x&utm_medium=social&utm_campaign=spring-launch&utm_content=xp-7f3k#buy',
    );
    expect(trackedUrl({ ...link('yt-a1b2', 'youtube'), courseUrl: 'https://x.test/c?utm_source=old' })).toBe(
      'https://x.test/c?utm_source=youtube&utm_medium=social&utm_campaign=spring-launch&utm_content=yt-a1b2',
    );
    expect(trackedUrl({ ...link('xp-1'), courseUrl: 'javascript:alert(1)' })).toBeNull();
  });

  it('makes codes of [a-z0-9-] that survive Gumroad lower-casing and symbol rewriting', () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 4 }, () => Math.floor(random() * 256));
      const code = newCode((['x', 'youtube', 'weibo'] as const)[i % 3]!, bytes);
      expect(isCode(code)).toBe(true);
      expect(code).toMatch(/^(xp|yt|wb)-[a-z0-9]{4}$/);
    }
    expect(slug('Spring Launch 2026!')).toBe('spring-launch-2026');
    expect(isCode('XP_7F3K')).toBe(false);
  });

  it('finds codes in expanded X links, Weibo long URLs and YouTube description redirects', () => {
    expect(codeInLink('https://gumroad.com/l/c?utm_source=x&utm_content=xp-7f3k')).toBe('xp-7f3k');
    expect(
      codeInLink(
        'https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fgumroad.com%2Fl%2Fc%3Futm_content%3Dyt-a1b2',
      ),
    ).toBe('yt-a1b2');
    expect(
      codeInLink('https://weibo.cn/sinaurl?u=https%3A%2F%2Fxiaoe.test%2Fc%3Futm_content%3Dwb-9k2m'),
    ).toBe('wb-9k2m');
    expect(codeInLink('https://t.co/abc')).toBeNull();
    expect(codeInLink('not a url')).toBeNull();
  });

  it('binds each code to the earliest own post carrying it; the rest show as not seen posted', () => {
    const links = [link('xp-7f3k'), link('yt-a1b2', 'youtube'), link('wb-9k2m', 'weibo')];
    const posts = [
      {
        platform: 'x' as const,
        id: '2',
        createdAt: '2026-03-02T10:00:00Z',
        links: ['https://gumroad.com/l/c?utm_content=xp-7f3k'],
      },
      {
        platform: 'x' as const,
        id: '1',
        createdAt: '2026-03-01T10:00:00Z',
        links: ['https://gumroad.com/l/c?utm_content=xp-7f3k'],
      },
      {
        platform: 'youtube' as const,
        id: 'vid',
        createdAt: null,
        links: [
          'https://www.youtube.com/redirect?q=https%3A%2F%2Fgumroad.com%2Fl%2Fc%3Futm_content%3Dyt-a1b2',
        ],
      },
    ];
    const bindings = bindCodes(links, posts);
    expect(bindings.get('xp-7f3k')).toEqual({
      post: { platform: 'x', id: '1' },
      alsoIn: [{ platform: 'x', id: '2' }],
    });
    expect(bindings.get('yt-a1b2')?.post).toEqual({ platform: 'youtube', id: 'vid' });
    expect(unboundCodes(links, bindings)).toEqual(['wb-9k2m']);
  });
});

describe('exact attribution', () => {
  const links = [link('xp-7f3k', 'x', 'SPRING'), link('yt-a1b2', 'youtube'), link('wb-9k2m', 'weibo')];
  const bindings = bindCodes(links, [
    {
      platform: 'x',
      id: '1',
      createdAt: '2026-03-01T10:00:00Z',
      links: ['https://g.test/c?utm_content=xp-7f3k'],
    },
    {
      platform: 'youtube',
      id: 'v',
      createdAt: '2026-03-02T10:00:00Z',
      links: ['https://g.test/c?utm_content=yt-a1b2'],
    },
  ]);
  const posts = [
    { platform: 'x' as const, id: '1', format: 'text' as const },
    { platform: 'youtube' as const, id: 'v', format: 'video' as const },
  ];

  it('sums known codes to the cent per post, site, format and campaign; conflicts count for neither', () => {
    const base = { at: T0, fee: 0, refund: 0, commission: 0, coupon: '', email: '' };
    const generated: GeneratedOrder[] = [
      { ...base, id: 'o1', price: 4999, fee: 530, code: 'xp-7f3k' },
      { ...base, id: 'o2', price: 4999, fee: 530, refund: 1000, code: 'xp-7f3k' },
      // The coupon alone names the X post.
      { ...base, id: 'o3', price: 3999, fee: 450, commission: 400, code: '', coupon: 'spring' },
      { ...base, id: 'o4', price: 12900, fee: 1340, code: 'yt-a1b2' },
      // UTM says YouTube, coupon says X: a conflict.
      { ...base, id: 'o5', price: 4999, fee: 530, code: 'yt-a1b2', coupon: 'SPRING' },
      // Weibo's link was never seen posted: the site and campaign count it, no post does.
      { ...base, id: 'o6', price: 1000, fee: 100, code: 'wb-9k2m' },
      { ...base, id: 'o7', price: 2000, fee: 200, code: '' },
    ];
    const orders = ordersFrom(generated);
    const exact = attributeExact({ orders, links, bindings, posts });
    // x:1 = (4999−530) + (4999−1000−530) + (3999−450−400)
    expect(exact.perPost.get('x:1')).toEqual({
      orders: 3,
      renewals: 0,
      revenue: [{ minor: 4469 + 3469 + 3149, currency: 'USD' }],
      gross: [{ minor: 13997, currency: 'USD' }],
    });
    expect(exact.perPost.get('youtube:v')?.revenue).toEqual([{ minor: 11560, currency: 'USD' }]);
    expect(exact.conflicts).toEqual([
      {
        order: 'gumroad:o5',
        line: 6,
        claims: [
          { field: 'utm', code: 'yt-a1b2', post: { platform: 'youtube', id: 'v' } },
          { field: 'coupon', code: 'spring', post: { platform: 'x', id: '1' } },
        ],
        suggested: { platform: 'youtube', id: 'v' },
      },
    ]);
    expect(exact.perSite.get('weibo')?.revenue).toEqual([{ minor: 900, currency: 'USD' }]);
    expect(exact.unboundOrders).toBe(1);
    expect(exact.perFormat.get('video')?.orders).toBe(1);
    expect(exact.perCampaign.get('spring-launch')?.orders).toBe(5);
    // Tagged share: everything but o7 carries a known code (the conflict too).
    const total = 4469 + 3469 + 3149 + 11560 + 4469 + 900 + 1800;
    expect(exact.tagged).toEqual([
      { currency: 'USD', tagged: total - 1800, total, share: (total - 1800) / total },
    ]);

    // The seller decides the conflict for the X post: now it counts there, once.
    const decided = attributeExact({
      orders,
      links,
      bindings,
      posts,
      decisions: new Map([['gumroad:o5', 'x:1']]),
    });
    expect(decided.conflicts).toEqual([]);
    expect(decided.perPost.get('x:1')?.orders).toBe(4);
    expect(decided.perPost.get('youtube:v')?.orders).toBe(1);
  });

  it('counts a decided conflict exactly for the chosen post, for none with "none", and as a conflict again once undone', () => {
    const base = { at: T0, fee: 0, refund: 0, commission: 0, coupon: '', email: '' };
    const orders = ordersFrom([
      { ...base, id: 'a', price: 4999, fee: 530, code: 'xp-7f3k' },
      { ...base, id: 'b', price: 12900, fee: 1340, code: 'yt-a1b2' },
      // UTM says YouTube, coupon says X, with a partial refund: 7999 − 1500 − 830 = 5669 net.
      { ...base, id: 'c', price: 7999, fee: 830, refund: 1500, code: 'yt-a1b2', coupon: 'SPRING' },
    ]);
    const run = (decisions?: Map<string, string>) =>
      attributeExact({ orders, links, bindings, posts, ...(decisions ? { decisions } : {}) });
    const claims = [
      { field: 'utm', code: 'yt-a1b2', post: { platform: 'youtube', id: 'v' } },
      { field: 'coupon', code: 'spring', post: { platform: 'x', id: '1' } },
    ];
    const conflict = { order: 'gumroad:c', line: 4, claims, suggested: { platform: 'youtube', id: 'v' } };
    const usd = (minor: number) => [{ minor, currency: 'USD' }];

    const open = run();
    expect(open.conflicts).toEqual([conflict]);
    expect(open.decided).toEqual([]);
    expect(open.perPost.get('x:1')?.revenue).toEqual(usd(4469));
    expect(open.perPost.get('youtube:v')?.revenue).toEqual(usd(11560));
    expect(open.attributed.has('gumroad:c')).toBe(false);

    // For the X post: counted there to the cent, in its site, format and campaign too.
    const forX = run(new Map([['gumroad:c', 'x:1']]));
    expect(forX.conflicts).toEqual([]);
    expect(forX.decided).toEqual([{ ...conflict, decision: 'x:1' }]);
    expect(forX.perPost.get('x:1')).toEqual({
      orders: 2,
      renewals: 0,
      revenue: usd(4469 + 5669),
      gross: usd(4999 + 7999),
    });
    expect(forX.perPost.get('youtube:v')?.revenue).toEqual(usd(11560));
    expect(forX.perSite.get('x')?.revenue).toEqual(usd(4469 + 5669));
    expect(forX.perSite.get('youtube')?.revenue).toEqual(usd(11560));
    expect(forX.perFormat.get('text')?.revenue).toEqual(usd(4469 + 5669));
    expect(forX.perCampaign.get('spring-launch')?.revenue).toEqual(usd(4469 + 11560 + 5669));
    expect(forX.attributed.has('gumroad:c')).toBe(true);

    // For the YouTube post instead.
    const forYouTube = run(new Map([['gumroad:c', 'youtube:v']]));
    expect(forYouTube.perPost.get('youtube:v')?.revenue).toEqual(usd(11560 + 5669));
    expect(forYouTube.perPost.get('x:1')?.revenue).toEqual(usd(4469));

    // For neither: decided, out of every exact figure, still tagged; the inferred tier may count it.
    const neither = run(new Map([['gumroad:c', NO_POST]]));
    expect(neither.conflicts).toEqual([]);
    expect(neither.decided).toEqual([{ ...conflict, decision: 'none' }]);
    for (const key of ['perPost', 'perSite', 'perFormat', 'perCampaign'] as const)
      expect(neither[key], key).toEqual(open[key]);
    expect(neither.tagged).toEqual(open.tagged);
    expect(neither.attributed.has('gumroad:c')).toBe(false);

    // Undone (no decision stored): the conflict again, every figure as before the decision.
    expect(run(new Map())).toEqual(open);
    // A decision for a post the order's codes do not name (its binding changed) is no decision.
    expect(run(new Map([['gumroad:c', 'weibo:9']]))).toEqual(open);
  });

  it('ROI and ROAS per campaign in the cost currency; funnel 成熟 and 忠诚 from the orders', () => {
    const base = { at: T0, fee: 0, refund: 0, commission: 0, coupon: '', code: 'xp-7f3k' };
    const orders = ordersFrom([
      { ...base, id: 'a', price: 30000, email: 'ann@example.com' },
      { ...base, id: 'b', price: 30000, email: 'ANN@example.com ' },
      { ...base, id: 'c', price: 40000, email: 'bo@example.com' },
    ]);
    const exact = attributeExact({ orders, links, bindings, posts });
    const figures = exact.perCampaign.get('spring-launch');
    expect(returnOn(figures, { minor: 20000, currency: 'USD' })).toEqual({
      roi: { value: 4 },
      roas: { value: 5 },
    });
    expect(returnOn(figures, { minor: 20000, currency: 'CNY' }).roi.reason).toBe('currency-mismatch');
    expect(funnelFromOrders(orders, links)).toEqual({
      bought: 3,
      repeatBuyers: 1,
      referrals: null,
      advocates: 1,
    });
    const noBuyers = orders.map(({ buyer: _, ...o }) => o);
    expect(funnelFromOrders(noBuyers, links).advocates).toBeNull();
  });
});

describe('inferred tier', () => {
  it('reproduces the research note: 14 orders in 28 quiet days; 2 in 48 h → 0.72, −1 to 2; 5 → 0.994, 2 to 5', () => {
    const two = lift({ orders: 14, quietDays: 28 }, 2, 2)!;
    expect(two.pAny).toBeCloseTo(0.72, 2);
    expect([two.low, two.high]).toEqual([-1, 2]);
    expect(two.distinguishable).toBe(false);
    const five = lift({ orders: 14, quietDays: 28 }, 5, 2)!;
    expect(five.pAny).toBeCloseTo(0.994, 3);
    expect([five.low, five.high]).toEqual([2, 5]);
    expect(five.distinguishable).toBe(true);
    expect(five.expected).toBeCloseTo(29 / 28, 6);
    // Poisson limit check of the pmf sum: P(N ≤ 0) = p^r.
    expect(negBinCdf(0, 14.5, 28 / 30)).toBeCloseTo((28 / 30) ** 14.5, 12);
  });

  it('splits an order inside two windows by time decay: 6 h after A, 30 h after B → 0.667, 0.333', () => {
    const [a, b] = splitByDecay([6, 30]);
    expect(a).toBeCloseTo(2 / 3, 3);
    expect(b).toBeCloseTo(1 / 3, 3);
    const order: Order = {
      platform: 'custom',
      orderId: 'o',
      at: T0 + 30 * HOUR,
      zone: 'UTC',
      currency: 'USD',
      gross: 100,
      refunds: 0,
      fees: 0,
      affiliateCommission: 0,
      line: 2,
    };
    const result = inferLift({
      orders: [order],
      posts: [
        { platform: 'x', id: 'A', at: T0 + 24 * HOUR },
        { platform: 'x', id: 'B', at: T0 },
      ],
      range: { start: T0 - 30 * DAY, end: T0 + 10 * DAY },
    });
    expect(result.perPost.get('x:A')?.observed).toBeCloseTo(2 / 3, 3);
    expect(result.perPost.get('x:B')?.observed).toBeCloseTo(1 / 3, 3);
    // Quiet time is the range minus the union of the windows (B 0–48 h, A 24–72 h: 72 h covered).
    expect(result.baseline.quietDays).toBeCloseTo(40 - 3, 9);
  });

  it('finds a planted lift after some posts and says "not distinguishable" after the others (100 generated files)', () => {
    const start = T0;
    const end = T0 + 90 * DAY;
    const tally = { lifted: 0, found: 0, quiet: 0, falseAlarms: 0 };
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed);
      // Baseline: 0.5 orders a day, untagged. Eight posts, one every ten days; four add 6 orders in 36 h.
      const baseline = poissonTimes(random, 0.5, start, end);
      const posts = Array.from({ length: 8 }, (_, i) => ({
        platform: 'weibo' as const,
        id: `p${i}`,
        at: start + (5 + 10 * i) * DAY,
      }));
      const lifted = new Set(['p1', 'p3', 'p4', 'p6']);
      const planted = posts
        .filter((p) => lifted.has(p.id))
        .flatMap((p) => Array.from({ length: 6 }, () => p.at + Math.floor(random() * 36 * HOUR)));
      const orders: Order[] = [...baseline, ...planted].map((at, i) => ({
        platform: 'custom',
        orderId: `o${i}`,
        at,
        zone: 'UTC',
        currency: 'USD',
        gross: 9900,
        refunds: 0,
        fees: 0,
        affiliateCommission: 0,
        line: i + 2,
      }));
      const result = inferLift({ orders, posts, range: { start, end } });
      // Quiet time: 90 days minus eight 2-day windows.
      expect(result.baseline.quietDays).toBeCloseTo(74, 6);
      for (const p of posts) {
        const l = result.perPost.get(`weibo:${p.id}`)!;
        expect(l.windowHours).toBe(48);
        if (lifted.has(p.id)) {
          tally.lifted++;
          if (l.distinguishable) tally.found++;
        } else {
          tally.quiet++;
          if (l.distinguishable) tally.falseAlarms++;
        }
      }
    }
    expect(tally.found / tally.lifted).toBeGreaterThanOrEqual(0.95);
    expect(tally.falseAlarms / tally.quiet).toBeLessThanOrEqual(0.03);
  });

  it('reads the windows of one generated Gumroad file (seed 2026) as planted', () => {
    const random = seeded(2026);
    const start = T0;
    const end = T0 + 90 * DAY;
    const baseline = poissonTimes(random, 0.5, start, end);
    const posts = Array.from({ length: 8 }, (_, i) => ({
      platform: 'weibo' as const,
      id: `p${i}`,
      at: start + (5 + 10 * i) * DAY,
    }));
    const planted = [posts[1]!, posts[4]!].flatMap((p) =>
      Array.from({ length: 8 }, () => p.at + Math.floor(random() * 36 * HOUR)),
    );
    const generated = [...baseline, ...planted].map((at, i) => ({
      id: `o${i}`,
      at,
      price: 9900,
      fee: 0,
      refund: 0,
      commission: 0,
      code: '',
      coupon: '',
      email: '',
    }));
    const result = inferLift({ orders: ordersFrom(generated), posts, range: { start, end } });
    const verdicts = posts.map((p) => result.perPost.get(`weibo:${p.id}`)!.distinguishable);
    expect(verdicts).toEqual([false, true, false, false, true, false, false, false]);
    const p1 = result.perPost.get('weibo:p1')!;
    expect(p1.observed).toBeGreaterThanOrEqual(8);
    expect(p1.low).toBeGreaterThan(0);
  });

  it('leaves out orders the exact ledger counts and renewals', () => {
    const mk = (id: string, at: number, renewal = false): Order => ({
      platform: 'custom',
      orderId: id,
      at,
      zone: 'UTC',
      currency: 'USD',
      gross: 1,
      refunds: 0,
      fees: 0,
      affiliateCommission: 0,
      line: 2,
      ...(renewal ? { renewal } : {}),
    });
    const posts = [{ platform: 'x' as const, id: 'p', at: T0 }];
    const range = { start: T0 - 20 * DAY, end: T0 + 5 * DAY };
    const orders = [mk('a', T0 + HOUR), mk('b', T0 + 2 * HOUR), mk('c', T0 + 3 * HOUR, true)];
    const all = inferLift({ orders, posts, range });
    const rest = inferLift({ orders, posts, range, attributed: new Set(['custom:a']) });
    expect(all.perPost.get('x:p')?.observed).toBe(2);
    expect(rest.perPost.get('x:p')?.observed).toBe(1);
    expect(ORDER_PLATFORMS).toContain('custom');
  });
});
