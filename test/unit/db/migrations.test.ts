import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { editsOf } from '../../../lib/audience/edits';
import { editTheme } from '../../../lib/background/theme-edits';
import { observationsOf } from '../../../lib/db/history';
import { allOrders } from '../../../lib/db/order-packs';
import { openRunOf, POST_RUNS, settleRuns } from '../../../lib/db/runs';
import { decideOrder, putTrackedLink, storeOrders, undecideOrder } from '../../../lib/db/sales';
import {
  CoursePulseDb,
  type PostSnapshot,
  SCHEMA_HISTORY,
  SCHEMA_VERSION,
  type StoredOrder,
  type StoredPost,
} from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { TABLE_NAMES, TABLE_SCHEMAS } from '../../../lib/io/backup-schema';
import { parseCsv } from '../../../lib/sales/decode';
import { codeTotals } from '../../../lib/sales/glance';
import { importOrders } from '../../../lib/sales/import';
import { orderKey } from '../../../lib/sales/order';
import { detectPreset } from '../../../lib/sales/presets';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureJson, fixtureText } from '../fixtures';
import { rowsOf } from './rows';

/** Orders read from a real Stripe export (five charges in CAD). */
function realOrders() {
  const decoded = parseCsv(
    fixtureText('orders/reubano__csv2ofx/stripe-payments-default-columns.csv'),
    'utf-8',
  );
  if (!decoded.ok) throw new Error(decoded.reason);
  return importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC').orders;
}

/** Real captured data, through the real extractors: X, Weibo and YouTube. */
function realRecords() {
  const now = new Date('2026-11-27T12:00:00Z');
  const take = (site: keyof typeof ADAPTERS, path: string, url: string) =>
    ADAPTERS[site].extractJson(ADAPTERS[site].endpointOf(url)!, fixtureJson(path), { url, now }).records;
  return [
    ...take(
      'x',
      'twitter/vladkens__twscrape/raw_user_tweets.json',
      'https://x.com/i/api/graphql/a/UserTweets',
    ),
    ...take(
      'weibo',
      'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json',
      'https://m.weibo.cn/api/container/getIndex?containerid=1',
    ),
    ...take(
      'youtube',
      'youtube/iv-org__mocks/regular_mrbeast.player.json',
      'https://www.youtube.com/youtubei/v1/player',
    ),
    // Version 4: comments and commenters' profiles.
    ...take(
      'weibo',
      'weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json',
      'https://weibo.com/ajax/statuses/buildComments?id=5079225425986690&fetch_level=0',
    ),
  ];
}

/** The posts of a real X conversation (TweetDetail): a root and its replies. */
function realReplies() {
  const url = 'https://x.com/i/api/graphql/a/TweetDetail';
  return ADAPTERS.x.extractJson(
    ADAPTERS.x.endpointOf(url)!,
    fixtureJson('twitter/vladkens__twscrape/raw_tweet_details.json'),
    { url, now: new Date('2026-11-28T12:00:00Z') },
  ).records;
}

/** A database frozen at `version`: only the stores (and upgrades) that existed then. */
class DbAtVersion extends Dexie {
  constructor(name: string, version: number) {
    super(name);
    for (const step of SCHEMA_HISTORY.filter((s) => s.version <= version)) {
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

/** Rows version `v`'s own code wrote (test/fixtures/synthetic/db/README.md). */
const frozen = (version: number) =>
  fixtureJson(`synthetic/db/v${version}.json`) as {
    schemaVersion: number;
    tables: Record<string, unknown[]>;
  };

/**
 * Each post's observations as version `version` kept them, oldest first: version 1 kept them all in
 * postSnapshots; from version 2 the latest counts live on the post (metricsAt), earlier ones in
 * postSnapshots.
 */
function historiesAt(version: number, tables: Record<string, unknown[]>) {
  const out = new Map<string, Array<{ at: number; m: unknown }>>();
  for (const s of tables.postSnapshots as PostSnapshot[]) {
    const key = `${s.platform}:${s.postId}`;
    out.set(key, [...(out.get(key) ?? []), { at: s.at, m: s.m }]);
  }
  if (version >= 2)
    for (const p of tables.posts as StoredPost[]) {
      const key = `${p.platform}:${p.id}`;
      out.set(key, [...(out.get(key) ?? []), { at: p.metricsAt!, m: p.metrics }]);
    }
  return out;
}

const sortedOrders = (orders: readonly StoredOrder[]) =>
  [...orders].sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));

/** Posts per author in `posts`, by "platform:authorId". */
function postsPerAuthor(posts: readonly StoredPost[]) {
  const out = new Map<string, number>();
  for (const p of posts)
    out.set(`${p.platform}:${p.authorId}`, (out.get(`${p.platform}:${p.authorId}`) ?? 0) + 1);
  return out;
}

describe('schema versions', () => {
  it('are numbered 1, 2, … with the current one last', () => {
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual(SCHEMA_HISTORY.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(SCHEMA_HISTORY.length);
  });

  for (const { version } of SCHEMA_HISTORY.filter((s) => s.version < SCHEMA_VERSION)) {
    it(`upgrade real captured data from version ${version} to the current version (${SCHEMA_VERSION})`, async () => {
      const name = `migrate-from-${version}-${Math.random()}`;
      const { schemaVersion, tables } = frozen(version);
      expect(schemaVersion).toBe(version);
      const old = new DbAtVersion(name, version);
      await old.open();
      const existed = new Set(old.tables.map((t) => t.name));
      for (const table of TABLE_NAMES)
        if (existed.has(table)) await old.table(table).bulkPut(tables[table] ?? []);
      // Derived, so not in TABLE_NAMES, but version 3 on keeps it on write; and from version 10 the
      // orders' packs and their totals, which TABLE_NAMES lists as orders.
      for (const stored of ['authorTotals', 'orderPacks', 'orderTotals'])
        if (tables[stored] && existed.has(stored)) await old.table(stored).bulkPut(tables[stored]);
      old.close();

      const current = new CoursePulseDb(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSION);
      const posts = await current.posts.toArray();
      expect(posts.length).toBeGreaterThan(50);
      for (const table of TABLE_NAMES) {
        const rows = await rowsOf(current, table);
        // Version 11 makes the posts' runs from their stored histories (checked below).
        if (table !== 'postRuns') expect(rows.length, table).toBe(tables[table]?.length ?? 0);
        for (const row of rows)
          expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} ${JSON.stringify(row)}`).toBe(true);
      }
      // Nothing of any post's history is lost: every observation, in order, with its counts.
      const before = historiesAt(version, tables);
      const snapshots = await current.postSnapshots.toArray();
      for (const post of posts) {
        const earlier = snapshots.filter((s) => s.platform === post.platform && s.postId === post.id);
        const history = observationsOf(post, earlier).map(({ at, m }) => ({ at, m }));
        expect(history, `${post.platform}:${post.id}`).toEqual(before.get(`${post.platform}:${post.id}`));
      }
      // Version 11: each earlier observation is a run of its own, the latest one the run the post
      // row holds open, and the runs say the same history.
      const runs = await current.postRuns.toArray();
      const upgraded = await current.posts.toArray();
      const open = upgraded.flatMap((p) => openRunOf(p) ?? []);
      expect(open.length).toBe(
        version >= 2 ? posts.filter((p) => Object.keys(p.metrics).length > 0).length : 0,
      );
      expect(runs.length).toBe(snapshots.length);
      for (const post of posts) {
        const own = [...runs, ...open].filter((r) => r.platform === post.platform && r.postId === post.id);
        const settled = settleRuns(POST_RUNS, own);
        expect(
          settled?.points.map(({ at, m }) => ({ at, m })),
          `runs of ${post.platform}:${post.id}`,
        ).toEqual(before.get(`${post.platform}:${post.id}`));
      }
      // Each author's post count, kept from version 3 on, is what the posts say.
      const totals = await current.authorTotals.toArray();
      expect(new Map(totals.map((t) => [`${t.platform}:${t.authorId}`, t.posts]))).toEqual(
        postsPerAuthor(posts),
      );
      // A post whose counts change after the upgrade: the new counts go on the post, and
      // its history gains exactly that observation.
      const changing = posts.find((p) => typeof p.metrics.likes === 'number')!;
      const key = `${changing.platform}:${changing.id}`;
      const later = Date.parse('2026-11-28T12:00:00Z');
      await applyBatch(
        current,
        {
          batchId: 'after-upgrade',
          records: [
            {
              kind: 'post',
              ...changing,
              metrics: { ...changing.metrics, likes: changing.metrics.likes! + 1 },
              metricsExact: changing.approx.length === 0,
            } as never,
          ],
          failures: [],
        },
        later,
      );
      const healed = (await current.posts.get([changing.platform, changing.id]))!;
      expect(healed.metricsAt).toBe(later);
      const rows = await current.postSnapshots
        .where('[platform+postId+at]')
        .between([changing.platform, changing.id, 0], [changing.platform, changing.id, later + 1])
        .toArray();
      expect(observationsOf(healed, rows).map(({ at, m }) => ({ at, m }))).toEqual([
        ...before.get(key)!,
        { at: later, m: { ...changing.metrics, likes: changing.metrics.likes! + 1 } },
      ]);
      // Version 4's comments table takes real comments after the upgrade.
      const url = 'https://weibo.com/ajax/statuses/buildComments?id=5079225425986690&fetch_level=0';
      const comments = ADAPTERS.weibo.extractJson(
        'ajax/statuses/buildComments',
        fixtureJson('weibo/SSaV1oRR__Weibo_Crawler_Scrapy/comment.json'),
        { url, now: new Date(later) },
      ).records;
      await applyBatch(
        current,
        { batchId: 'comments-after-upgrade', records: comments, failures: [] },
        later,
      );
      expect(
        await current.comments.where('[platform+postId]').equals(['weibo', '5079225425986690']).count(),
      ).toBe(7);
      // Version 10 stores orders packed: the orders stored one per row before come out whole, and
      // the table that held them is gone.
      expect(current.tables.map((t) => t.name)).not.toContain('orders');
      expect(sortedOrders(await allOrders(current.orderPacks))).toEqual(
        sortedOrders((tables.orders ?? []) as StoredOrder[]),
      );
      // Beside each pack, its totals by hour and code for the popup's week.
      const packs = await current.orderPacks.toArray();
      expect(await current.orderTotals.toArray()).toEqual(
        packs.map(({ orders, ...key }) => ({ ...key, totals: codeTotals(orders) })),
      );
      // Version 5's sales tables take real orders and a tracked link after the upgrade (the same
      // orders again where the frozen database held them: unchanged, nothing written).
      const held = tables.orders?.length ?? 0;
      expect(await storeOrders(current, realOrders())).toEqual({
        added: 5 - held,
        changed: 0,
        unchanged: held,
      });
      await putTrackedLink(
        current,
        { code: 'xp-7f3k', courseUrl: 'https://example.com/c', platform: 'x', campaign: 'launch' },
        later,
      );
      for (const table of ['orders', 'trackedLinks'] as const)
        for (const row of await rowsOf(current, table))
          expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} ${JSON.stringify(row)}`).toBe(true);
      // Version 6's themeEdits takes the user's theme corrections after the upgrade.
      expect(await current.themeEdits.count()).toBe(0);
      expect(
        await editTheme(current, { type: 'theme.rename', theme: 'pricing', label: '价格' }, later),
      ).toEqual({
        ok: true,
        detail: 'pricing',
      });
      expect(editsOf(await current.themeEdits.toArray()).renames).toEqual({ pricing: '价格' });
      // Version 8's attributionDecisions takes the seller's decision on a real order, and its undo.
      expect(await current.attributionDecisions.count()).toBe(0);
      const [order] = realOrders();
      expect(await decideOrder(current, order!, 'x:1', later)).toBe(true);
      expect(await decideOrder(current, { platform: 'stripe', orderId: 'not-imported' }, 'x:1', later)).toBe(
        false,
      );
      const decisions = await current.attributionDecisions.toArray();
      expect(decisions).toEqual([{ order: `stripe:${order!.orderId}`, post: 'x:1', decidedAt: later }]);
      expect(TABLE_SCHEMAS.attributionDecisions.parse(decisions[0])).toEqual(decisions[0]);
      await undecideOrder(current, order!);
      expect(await current.attributionDecisions.count()).toBe(0);
      // Version 9's index of X replies holds the replies stored before the upgrade and the real
      // ones of a conversation written after it, and no other post.
      const conversation = realReplies();
      await applyBatch(
        current,
        { batchId: 'replies-after-upgrade', records: conversation, failures: [] },
        later,
      );
      const replyIds = (
        await current.posts
          .where('[platform+createdAt+replyTo]')
          .between(['x', Dexie.minKey], ['x', Dexie.maxKey])
          .primaryKeys()
      ).map(([, id]) => id);
      const written = conversation.flatMap((r) => (r.kind === 'post' && r.replyTo ? [r.id] : []));
      expect(written.length).toBeGreaterThan(5);
      expect(replyIds).toEqual(expect.arrayContaining(written));
      const replies = (await current.posts.toArray()).filter((p) => p.replyTo && p.createdAt);
      expect(replyIds.sort()).toEqual(replies.map((p) => p.id).sort());
      current.close();
    });
  }

  it(`opens a database the current write path wrote (version ${SCHEMA_VERSION})`, async () => {
    const name = `current-${Math.random()}`;
    const db = new CoursePulseDb(name);
    await applyBatch(
      db,
      { batchId: 'current-seed', records: realRecords(), failures: [] },
      Date.parse('2026-11-27T12:00:00Z'),
    );
    db.close();
    const reopened = new CoursePulseDb(name);
    await reopened.open();
    expect(reopened.verno).toBe(SCHEMA_VERSION);
    for (const table of TABLE_NAMES)
      for (const row of await rowsOf(reopened, table))
        expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} ${JSON.stringify(row)}`).toBe(true);
    expect(await reopened.posts.count()).toBeGreaterThan(50);
    expect(await reopened.comments.count()).toBe(7);
    // Posts seen once carry their counts alone: no snapshot rows yet.
    expect(await reopened.postSnapshots.count()).toBe(0);
    reopened.close();
  });

  it("version 7 adds sync's device-local tables, empty; nothing is journaled until sync is connected", async () => {
    const name = `sync-tables-${Math.random()}`;
    const old = new DbAtVersion(name, 4);
    await old.open();
    await old.table('posts').bulkPut(frozen(3).tables.posts ?? []);
    old.close();
    const current = new CoursePulseDb(name);
    await current.open();
    for (const table of ['syncJournal', 'syncTombstones', 'syncVersions', 'syncState'])
      expect(await current.table(table).count(), table).toBe(0);
    expect(current.journal.device).toBeNull();
    await applyBatch(
      current,
      { batchId: 'after-7', records: realRecords(), failures: [] },
      Date.parse('2026-11-28T12:00:00Z'),
    );
    expect(await current.syncJournal.count()).toBe(0);
    // Device-local: backups neither carry nor restore them.
    for (const table of ['syncJournal', 'syncTombstones', 'syncVersions', 'syncState'])
      expect(TABLE_NAMES).not.toContain(table);
    current.close();
  });
});
