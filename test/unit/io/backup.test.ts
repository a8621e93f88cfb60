import { beforeEach, describe, expect, it } from 'vitest';
import { editTheme } from '../../../lib/background/theme-edits';
import { observationsOf } from '../../../lib/db/history';
import { allOrders } from '../../../lib/db/order-packs';
import { decideOrder, putTrackedLink, storeOrders } from '../../../lib/db/sales';
import { loadSample } from '../../../lib/db/sample-data';
import { CoursePulseDb, type PostSnapshot, SCHEMA_VERSION } from '../../../lib/db/schema';
import { applyBatch, upsertCourses } from '../../../lib/db/write';
import {
  BACKUP_FORMAT,
  csvPagesOf,
  exportBackupParts,
  importBackup,
  parseBackup,
} from '../../../lib/io/backup';
import { TABLE_NAMES } from '../../../lib/io/backup-schema';
import { csvChunk } from '../../../lib/io/csv';
import { decodeOrdersFile } from '../../../lib/sales/decode';
import { importOrders } from '../../../lib/sales/import';
import { detectPreset } from '../../../lib/sales/presets';
import { generateSample } from '../../../lib/sample';
import { weiboAdapter } from '../../../lib/sites/weibo';
import { rowsOf } from '../db/rows';
import { fixtureJson, fixtureText } from '../fixtures';

const NOW = Date.UTC(2026, 10, 27, 12);
let source: CoursePulseDb;
let target: CoursePulseDb;

async function dump(db: CoursePulseDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await rowsOf(db, name);
  return out;
}

beforeEach(async () => {
  source = new CoursePulseDb(`backup-src-${Math.random()}`);
  target = new CoursePulseDb(`backup-dst-${Math.random()}`);
  // Without the sample's comments: the tests below count the real ones.
  await loadSample(
    source,
    generateSample({ now: NOW, postsPerAccount: 30, observationsPerPost: 3, comments: 0 }),
  );
  // Rows the sample does not make: health, rollups, applied batches, an approximate count.
  await applyBatch(
    source,
    {
      batchId: 'batch-backup-1',
      source: 'weibo.m/container/getIndex',
      failures: [{ extractor: 'weibo.dom', reason: 'login wall' }],
      records: [
        {
          kind: 'post',
          platform: 'weibo',
          id: '4645748019299849',
          url: 'https://m.weibo.cn/detail/4645748019299849',
          authorId: '6279793937',
          authorHandle: '明日方舟Arknights',
          authorName: '明日方舟Arknights',
          text: '长文本 #话题#',
          createdAt: '2021-06-08T01:35:04.000Z',
          createdAtApprox: false,
          format: 'image',
          repostOf: null,
          metrics: { reposts: 1_000_000, likes: 12_000 },
          metricsExact: false,
          lowerBounds: ['reposts'],
          links: [],
          hashtags: ['话题'],
        },
      ],
    },
    NOW,
  );
  // Real comments and their commenters (bios, locations, IP属地 regions), through the real extractor.
  const url = 'https://weibo.com/ajax/statuses/buildComments?id=5079225425986690&fetch_level=0';
  const comments = weiboAdapter.extractJson(
    'ajax/statuses/buildComments',
    fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
    { url, now: new Date(NOW) },
  );
  await applyBatch(source, { batchId: 'batch-comments-1', records: comments.records, failures: [] }, NOW);
  // Orders from a real Stripe export, and a tracked link with its coupon.
  const stripe = await decodeOrdersFile(
    new TextEncoder().encode(fixtureText('orders/reubano__csv2ofx/stripe-payments-all-columns.csv')),
  );
  if (!stripe.ok) throw new Error(stripe.reason);
  await storeOrders(source, importOrders(stripe.table, detectPreset(stripe.table.headers)!, 'UTC').orders);
  await putTrackedLink(
    source,
    {
      code: 'wb-7f3k',
      courseUrl: 'https://example.com/course',
      platform: 'weibo',
      campaign: 'spring',
      coupon: 'WB7F3K',
    },
    NOW,
  );
  // A saved course whose price a later save changed: the price the user last saw (issue 16) travels.
  const course = {
    kind: 'course' as const,
    url: 'https://example.com/course',
    title: 'Course',
    provider: 'example.com',
    price: 99,
    currency: 'USD',
    source: 'jsonld' as const,
  };
  await upsertCourses(source, [course], NOW - 86_400_000, 'saved');
  await upsertCourses(source, [{ ...course, price: 79 }], NOW, 'saved');
  // The user's theme edits: a rename with its terms, and a merge.
  await editTheme(
    source,
    { type: 'theme.rename', theme: 'pricing', label: '价格', centre: { 价格: 0.9 } },
    NOW,
  );
  await editTheme(source, { type: 'theme.merge', theme: 'access', into: 'pricing', shownAs: '账号' }, NOW);
  // The seller's decisions on conflicting orders: one for a post, one for none.
  await decideOrder(
    source,
    { platform: 'stripe', orderId: 'ch_1IGl9SBI9JK85yVZtjcU9OLJ' },
    'weibo:4645748019299849',
    NOW,
  );
  await decideOrder(source, { platform: 'stripe', orderId: 'ch_1IGfFFBI9JK85yVZn6NXQs03' }, 'none', NOW);
});

describe('backup', () => {
  it('export then import into an empty database reproduces every table exactly', async () => {
    const text = (await exportBackupParts(source, new Date(NOW))).join('');
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await importBackup(target, parsed);
    expect(await dump(target)).toEqual(await dump(source));
    expect((await target.postSnapshots.count()) > 100).toBe(true);
    expect(await target.comments.count()).toBe(7);
    expect((await target.accounts.get(['weibo', '5079193812']))?.bio).toBe('读书 旅行');
    expect((await allOrders(target.orderPacks)).length).toBe(5);
    expect((await target.trackedLinks.get('wb-7f3k'))?.coupon).toBe('WB7F3K');
    expect(await target.attributionDecisions.count()).toBe(2);
    expect((await target.courses.get('https://example.com/course'))?.priceSeen).toEqual({
      price: 99,
      currency: 'USD',
      at: NOW - 86_400_000,
    });
    expect(await target.themeEdits.toArray()).toEqual([
      { theme: 'access', mergedInto: 'pricing', shownAs: '账号', updatedAt: NOW },
      { theme: 'pricing', label: '价格', centre: { 价格: 0.9 }, updatedAt: NOW },
    ]);
  });

  it('a decision on a conflicting order made after the backup is kept; an older one is replaced', async () => {
    const parsed = parseBackup((await exportBackupParts(source, new Date(NOW))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    const later = { platform: 'stripe', orderId: 'ch_1IGl9SBI9JK85yVZtjcU9OLJ' } as const;
    const earlier = { platform: 'stripe', orderId: 'ch_1IGfFFBI9JK85yVZn6NXQs03' } as const;
    await storeOrders(target, await allOrders(source.orderPacks));
    await decideOrder(target, later, 'none', NOW + 1);
    await decideOrder(target, earlier, 'x:1', NOW - 1);
    await importBackup(target, parsed);
    expect(await target.attributionDecisions.toArray()).toEqual([
      { order: 'stripe:ch_1IGfFFBI9JK85yVZn6NXQs03', post: 'none', decidedAt: NOW },
      { order: 'stripe:ch_1IGl9SBI9JK85yVZtjcU9OLJ', post: 'none', decidedAt: NOW + 1 },
    ]);
  });

  it('refuses decisions that name no order or no post', () => {
    const backup = (row: unknown) =>
      parseBackup(
        JSON.stringify({
          format: BACKUP_FORMAT,
          schemaVersion: SCHEMA_VERSION,
          tables: { attributionDecisions: [row] },
        }),
      );
    expect(backup({ order: 'stripe:ch_1', post: 'x:1', decidedAt: NOW }).ok).toBe(true);
    expect(backup({ order: 'stripe:ch_1', post: 'none', decidedAt: NOW }).ok).toBe(true);
    for (const bad of [
      { order: 'ch_1', post: 'x:1', decidedAt: NOW },
      { order: 'shop:ch_1', post: 'x:1', decidedAt: NOW },
      { order: 'stripe:', post: 'x:1', decidedAt: NOW },
      { order: 'stripe:ch_1', post: 'tiktok:1', decidedAt: NOW },
      { order: 'stripe:ch_1', post: 'x:', decidedAt: NOW },
      { order: 'stripe:ch_1', post: 'neither', decidedAt: NOW },
      { order: 'stripe:ch_1', post: 'x:1', decidedAt: NOW, extra: 1 },
    ])
      expect(backup(bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^attributionDecisions row 1/),
      });
  });

  it('a theme edit made after the backup is kept when the backup is imported', async () => {
    const parsed = parseBackup((await exportBackupParts(source, new Date(NOW))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    await editTheme(target, { type: 'theme.rename', theme: 'pricing', label: '学费' }, NOW + 1);
    await importBackup(target, parsed);
    expect((await target.themeEdits.get('pricing'))?.label).toBe('学费');
    expect((await target.themeEdits.get('access'))?.mergedInto).toBe('pricing');
  });

  it('importing the same backup twice changes nothing', async () => {
    const parsed = parseBackup((await exportBackupParts(source, new Date(NOW))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    await importBackup(target, parsed);
    const once = await dump(target);
    await importBackup(target, parsed);
    expect(await dump(target)).toEqual(once);
  });

  const refusals: Array<[string, (text: string) => string, RegExp]> = [
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /truncated/],
    [
      'from a newer schema',
      (t) => t.replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":99'),
      /newer/,
    ],
    ['not a backup', () => '{"hello":1}', /not a CoursePulse backup/],
    [
      'hand-edited with a negative count',
      (t) => t.replace(/"likes":\d+/, '"likes":-5'),
      /posts row \d+: metrics\.likes/,
    ],
    [
      'hand-edited with an unknown table',
      (t) => t.replace('"tables":{', '"tables":{"evil":[],'),
      /unknown table/,
    ],
    [
      'hand-edited with a script URL',
      (t) => t.replace(/"url":"https:\/\/x\.com/, '"url":"javascript:alert(1)//'),
      /url/,
    ],
  ];
  for (const [name, damage, reason] of refusals) {
    it(`refuses a backup ${name} with a clear message and changes nothing`, async () => {
      const text = damage((await exportBackupParts(source, new Date(NOW))).join(''));
      const before = await dump(target);
      const parsed = parseBackup(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
      expect(await dump(target)).toEqual(before);
    });
  }
});

/** Every post's observations: snapshot rows, then its own latest counts. */
async function histories(db: CoursePulseDb) {
  const snapshots = await db.postSnapshots.toArray();
  const out = new Map<string, Array<{ at: number; likes: number | undefined }>>();
  for (const post of await db.posts.toArray()) {
    const earlier = snapshots.filter((s) => s.platform === post.platform && s.postId === post.id);
    out.set(
      `${post.platform}:${post.id}`,
      observationsOf(post, earlier).map((o) => ({ at: o.at, likes: o.m.likes })),
    );
  }
  return out;
}

describe('backup merges and versions', () => {
  const post = (likes: number) => ({
    kind: 'post' as const,
    platform: 'x' as const,
    id: '1790000000000000001',
    url: 'https://x.com/dev/status/1790000000000000001',
    authorId: '42',
    authorHandle: 'dev',
    authorName: 'Dev',
    text: 'synthetic post',
    createdAt: '2026-11-20T10:00:00.000Z',
    createdAtApprox: false,
    format: 'text' as const,
    repostOf: null,
    metrics: { likes },
    metricsExact: true,
    links: [],
    hashtags: [],
  });

  it('merging two histories of one post keeps every observation of both', async () => {
    const a = new CoursePulseDb(`merge-a-${Math.random()}`);
    const b = new CoursePulseDb(`merge-b-${Math.random()}`);
    // Profile A saw the post at 1000 and 3000; profile B at 2000 and 4000, with other counts.
    await applyBatch(a, { batchId: 'a1', records: [post(1)], failures: [] }, 1000);
    await applyBatch(a, { batchId: 'a2', records: [post(3)], failures: [] }, 3000);
    await applyBatch(b, { batchId: 'b1', records: [post(2)], failures: [] }, 2000);
    await applyBatch(b, { batchId: 'b2', records: [post(4)], failures: [] }, 4000);
    const fromB = parseBackup((await exportBackupParts(b, new Date(NOW))).join(''));
    const fromA = parseBackup((await exportBackupParts(a, new Date(NOW))).join(''));
    if (!fromB.ok || !fromA.ok) throw new Error('backup refused');
    const expected = [1000, 2000, 3000, 4000].map((at) => ({ at, likes: at / 1000 }));
    // B's newer counts win the post row; A's latest (at 3000) becomes a snapshot.
    await importBackup(a, fromB);
    expect((await histories(a)).get('x:1790000000000000001')).toEqual(expected);
    // The other way round: B's row is newer, so A's latest becomes a snapshot in B.
    await importBackup(b, fromA);
    expect((await histories(b)).get('x:1790000000000000001')).toEqual(expected);
  });

  it('imports a version 1 backup (real captures) with every post history intact', async () => {
    const v1 = fixtureJson('synthetic/db/v1.json') as { tables: Record<string, unknown[]> };
    const parsed = parseBackup(
      JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 1, exportedAt: NOW, tables: v1.tables }),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    await importBackup(target, parsed);
    const expected = new Map<string, Array<{ at: number; likes: number | undefined }>>();
    for (const snap of v1.tables.postSnapshots as PostSnapshot[]) {
      const key = `${snap.platform}:${snap.postId}`;
      expected.set(key, [...(expected.get(key) ?? []), { at: snap.at, likes: snap.m.likes }]);
    }
    expect(await histories(target)).toEqual(expected);
    // Version 1 rows stay as written: their latest counts are their last snapshot row.
    expect(await target.postSnapshots.count()).toBe(v1.tables.postSnapshots!.length);
  });
});

describe('CSV', () => {
  it('the comments CSV holds each comment with its post, parent, author, counts, region and text', async () => {
    const rows: unknown[] = [];
    for await (const page of csvPagesOf(source, 'comments')) rows.push(...page);
    const csv = csvChunk('comments', rows, true);
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe(
      'platform,id,post_id,parent_id,author_id,author_handle,author_name,created_at,created_at_approx,likes,replies,approximate,region,by_creator,hearted,pinned,text,metrics_at,first_seen_at,last_seen_at',
    );
    expect(lines).toHaveLength(7);
    expect(lines).toContain(
      'weibo,5079687065764999,5079225425986690,,5079193812,得安_Dan,得安_Dan,2024-09-17T12:13:55.000Z,false,0,0,,江苏,false,false,false,点赞评论发一份[哈哈][哈哈][哈哈],2026-11-27T12:00:00.000Z,2026-11-27T12:00:00.000Z,2026-11-27T12:00:00.000Z',
    );
  });

  it('the orders, tracked links and decisions CSVs hold money in minor units, codes and times', async () => {
    const orders = csvChunk('orders', await allOrders(source.orderPacks), true)
      .trim()
      .split('\r\n');
    expect(orders[0]).toBe(
      'platform,order_id,at,zone,currency,gross_minor,refunds_minor,fees_minor,affiliate_commission_minor,product,coupon,utm_source,utm_medium,utm_campaign,utm_term,utm_content,affiliate,channel,referrer,buyer,renewal',
    );
    expect(orders).toHaveLength(6);
    expect(orders).toContain(
      'stripe,ch_1IGl9SBI9JK85yVZtjcU9OLJ,2021-02-03T13:12:00.000Z,UTC,CAD,2500,0,103,0,"Entry ID: 316, Product: Big Event 2021",,,,,,,,,,,false',
    );
    expect(csvChunk('attributionDecisions', await source.attributionDecisions.toArray(), true)).toBe(
      'order,post,decided_at\r\nstripe:ch_1IGfFFBI9JK85yVZn6NXQs03,none,2026-11-27T12:00:00.000Z\r\nstripe:ch_1IGl9SBI9JK85yVZtjcU9OLJ,weibo:4645748019299849,2026-11-27T12:00:00.000Z\r\n',
    );
    expect(csvChunk('trackedLinks', await source.trackedLinks.toArray(), true)).toBe(
      'code,course_url,platform,campaign,coupon,created_at\r\nwb-7f3k,https://example.com/course,weibo,spring,WB7F3K,2026-11-27T12:00:00.000Z\r\n',
    );
  });

  it('the courses CSV holds the price the user last saw beside the current one', async () => {
    const [header, ...lines] = csvChunk('courses', await source.courses.toArray(), true)
      .trim()
      .split('\r\n');
    const columns = header!.split(',');
    const course = lines.map((l) => l.split(',')).find((cells) => cells[0] === 'https://example.com/course');
    const cell = (name: string) => course?.[columns.indexOf(name)];
    expect([cell('price_seen'), cell('price_seen_currency'), cell('price_seen_at')]).toEqual([
      '99',
      'USD',
      new Date(NOW - 86_400_000).toISOString(),
    ]);
  });

  it("the snapshots CSV holds every observation, each post's latest included", async () => {
    const rows: unknown[] = [];
    for await (const page of csvPagesOf(source, 'postSnapshots')) rows.push(...page);
    expect(rows.length).toBe((await source.postSnapshots.count()) + (await source.posts.count()));
    const text = csvChunk('postSnapshots', rows, true);
    expect(text.split('\r\n').filter(Boolean).length).toBe(rows.length + 1);
    expect(csvChunk('posts', await source.posts.limit(1).toArray(), true)).toMatch(/metrics_at/);
  });
});

describe('sample data', () => {
  it('adds its share to the daily rollups and takes exactly that back when cleared', async () => {
    const { clearSample } = await import('../../../lib/db/sample-data');
    const rollups = await source.dailyRollups.toArray();
    expect(rollups.reduce((n, r) => n + r.snapshots, 0)).toBeGreaterThan(100);
    await clearSample(source);
    // Only the captured Weibo post's rollup (written by applyBatch in beforeEach) is left.
    const left = await source.dailyRollups.toArray();
    expect(left.reduce((n, r) => n + r.snapshots, 0)).toBe(1);
    expect(await source.posts.count()).toBe(1);
    expect(await source.settings.get('sample.rollups')).toBeUndefined();
  });
});
