import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../lib/background/commands';
import { setClock } from '../../../lib/clock';
import { deletePost } from '../../../lib/db/delete';
import { allOrders } from '../../../lib/db/order-packs';
import { accountPoints } from '../../../lib/db/runs';
import { putTrackedLink } from '../../../lib/db/sales';
import { type AccountSnapshot, CoursePulseDb } from '../../../lib/db/schema';
import { markPricesSeen } from '../../../lib/db/write';
import { buildChunk, chunkId } from '../../../lib/sync/chunk';
import { pullStep, pushStep, SyncSetupError } from '../../../lib/sync/engine';
import type { SyncRemote } from '../../../lib/sync/remote';
import { syncStatus } from '../../../lib/sync/state';
import { gumroadOrder } from '../sales/generate';
import {
  asSeen,
  capture,
  connect,
  device,
  grown,
  HOUR,
  idle,
  LIMITS,
  T0,
  tables,
  weiboList,
  xTweets,
} from './helpers';
import { MemoryRemote } from './memory-remote';

afterEach(() => setClock());

describe('sync through a server', () => {
  it('two browsers with overlapping real captures end with identical tables, whoever syncs first', async () => {
    for (const aFirst of [true, false]) {
      const remote = new MemoryRemote();
      const [a, b, one] = await Promise.all([device('a'), device('b'), device('one')]);
      // Before connecting (seeded), then while connected (journaled).
      await capture(a, xTweets(T0), T0);
      await capture(b, xTweets(T0 + HOUR), T0 + HOUR);
      setClock(T0 + 2 * HOUR);
      await connect(a, remote);
      await connect(b, remote, { deviceName: 'Desktop' });
      await capture(a, weiboList(T0 + 3 * HOUR), T0 + 3 * HOUR);
      await capture(b, grown(xTweets(T0 + 4 * HOUR)), T0 + 4 * HOUR);
      for (const [at, records] of [
        [T0, xTweets(T0)],
        [T0 + HOUR, xTweets(T0 + HOUR)],
        [T0 + 3 * HOUR, weiboList(T0 + 3 * HOUR)],
        [T0 + 4 * HOUR, grown(xTweets(T0 + 4 * HOUR))],
      ] as const)
        await capture(one, records, at);
      setClock(T0 + 5 * HOUR);
      const [first, second] = aFirst ? [a, b] : [b, a];
      await idle(first, remote);
      await idle(second, remote);
      await idle(first, remote);
      const [ta, tb, tOne] = await Promise.all([tables(a), tables(b), tables(one)]);
      expect(ta.posts!.length).toBeGreaterThan(50);
      expect(ta).toEqual(tb);
      // As one browser that saw every capture: no duplicate snapshot, no lost observation.
      for (const name of ['posts', 'accounts']) expect(asSeen(ta[name]), name).toEqual(asSeen(tOne[name]));
      expect(accountPoints(ta.accountSnapshots as AccountSnapshot[])).toEqual(
        accountPoints(tOne.accountSnapshots as AccountSnapshot[]),
      );
      for (const name of ['postSnapshots', 'comments', 'authorTotals'])
        expect(ta[name], name).toEqual(tOne[name]);
      expect((await syncStatus(a)).pending).toBe(0);
    }
  }, 120_000);

  it('a push stopped mid-request, or after the server wrote, is pushed again exactly once', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    await connect(a, remote);
    await capture(a, xTweets(T0), T0);
    remote.cutBulkAfter = 1;
    await expect(pushStep(a, remote, LIMITS)).rejects.toThrow('dropped');
    expect(remote.ids().filter((id) => id.startsWith('obs:'))).toHaveLength(1);
    // Written, then the worker is stopped before it records the push.
    const stopped: SyncRemote = {
      ...remote,
      info: () => remote.info(),
      get: (id) => remote.get(id),
      changes: (s, l) => remote.changes(s, l),
      bulkPut: async (docs) => {
        await remote.bulkPut(docs);
        throw new Error('service worker stopped');
      },
    };
    await expect(pushStep(a, stopped, LIMITS)).rejects.toThrow('stopped');
    while ((await pushStep(a, remote, LIMITS)).more);
    const chunks = remote.ids().filter((id) => id.startsWith('obs:'));
    expect(chunks).toEqual([...new Set(chunks)]);
    // Chunks are numbered without a gap: none was planned twice or skipped.
    const me = (await syncStatus(a)).device!;
    expect(chunks).toEqual(chunks.map((_, i) => chunkId(me.id, i)));
    const b = await device_('b', remote);
    await idle(b, remote);
    expect(await b.posts.count()).toBe(await a.posts.count());
    expect(await b.postSnapshots.count()).toBe(await a.postSnapshots.count());
  }, 60_000);

  it('a new device’s long first pull shows how far it is, and resumes where it stopped', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    await connect(a, remote);
    await capture(a, xTweets(T0), T0);
    await idle(a, remote);
    const held = (await remote.info()).docCount;
    const onePerPage = { ...LIMITS, pullPage: 1 };
    expect(held).toBeGreaterThan(3);
    const b = await device_('b', remote);
    expect((await syncStatus(b)).receiving).toBeUndefined();
    await pullStep(b, remote, onePerPage);
    expect((await syncStatus(b)).receiving).toEqual({ read: 1, total: held });
    // Stopped here (the worker ends): the next step reads on from the same place.
    await pullStep(b, remote, onePerPage);
    expect((await syncStatus(b)).receiving).toEqual({ read: 2, total: held });
    while ((await pullStep(b, remote, onePerPage)).more);
    // Done: no progress left to show, and every observation arrived.
    expect((await syncStatus(b)).receiving).toBeUndefined();
    expect(await b.posts.count()).toBe(await a.posts.count());
  }, 60_000);

  it('a pull stopped before its transaction commits is read again, and applied once', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    await connect(a, remote);
    await capture(a, xTweets(T0), T0);
    await capture(a, grown(xTweets(T0 + HOUR)), T0 + HOUR);
    await idle(a, remote);
    const name = `engine-b-${Math.random()}`;
    const b = new CoursePulseDb(name);
    await connect(b, remote, { deviceName: 'Desktop' });
    // The worker dies while the page is being applied: the database connection goes with it.
    const dying: SyncRemote = {
      ...remote,
      info: () => remote.info(),
      get: (id) => remote.get(id),
      bulkPut: (docs) => remote.bulkPut(docs),
      changes: async (s, l) => {
        const page = await remote.changes(s, l);
        b.close();
        return page;
      },
    };
    await expect(pullStep(b, dying, LIMITS)).rejects.toThrow();
    const again = new CoursePulseDb(name);
    await again.open();
    expect(again.journal.device).toBe((await syncStatus(again)).device!.id);
    expect(await again.posts.count()).toBe(0);
    await idle(again, remote);
    const [ta, tb] = await Promise.all([tables(a), tables(again)]);
    expect(tb.posts).toEqual(ta.posts);
    expect(tb.postSnapshots).toEqual(ta.postSnapshots);
  }, 60_000);

  it('refuses malformed, oversized and hostile documents by id, writes nothing of them and merges the rest', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    await connect(a, remote);
    await capture(a, xTweets(T0).slice(0, 5), T0);
    await idle(a, remote);
    const good = (await tables(a)).posts!;
    const post = good[0] as Record<string, unknown>;
    const evil = { id: 'evil0000device', name: 'Mallory', user: 'mallory' };
    const chunk = (n: number, entries: unknown[]) => buildChunk(evil, n, entries as never, T0, null);
    remote.plant({ _id: 'obs:evil0000device:0000000000', kind: 'coursepulse.chunk', v: 1 });
    remote.plant({
      ...(await chunk(1, [
        { t: 'posts', op: 'put', at: T0, row: { ...post, id: 'p1', text: 'x'.repeat(100_000) } },
      ])),
    });
    remote.plant({
      ...(await chunk(2, [
        { t: 'settings', op: 'put', at: T0, row: { key: 'sync.server', value: 'https://evil.example' } },
      ])),
    });
    remote.plant({
      ...(await chunk(3, [
        { t: 'posts', op: 'put', at: T0, row: { ...post, id: 'p3', lastSeenAt: T0 + 400 * 24 * HOUR } },
      ])),
    });
    remote.plant({ ...(await chunk(4, [{ t: 'health', op: 'put', at: T0, row: {} }])) });
    remote.plant({ ...(await chunk(5, [{ t: 'posts', op: 'del', at: T0, key: { $gt: '' } }])) });
    remote.plant({
      ...(await chunk(6, [
        { t: 'posts', op: 'put', at: T0, row: { ...post, id: 'p6', url: 'javascript:alert(1)', extra: 1 } },
      ])),
    });
    remote.plant({ ...(await chunk(7, [])), _id: 'obs:someoneelse0:0000000007' });
    remote.plant({ ...(await chunk(8, [])), sealed: { iv: 'AAAA', data: 'AAAA' }, packed: undefined });
    remote.plant({
      ...(await chunk(
        9,
        Array.from({ length: 6_000 }, () => ({})),
      )),
    });
    const bomb = gzipSync(`[${' '.repeat(20_000_000)}]`).toString('base64');
    remote.plant({ ...(await chunk(11, [])), packed: bomb });
    remote.plant({ ...(await chunk(12, [])), packed: undefined, entries: [] });
    const fine = { ...post, id: 'fine-from-mallory', text: 'a post Mallory captured' };
    remote.plant({ ...(await chunk(10, [{ t: 'posts', op: 'put', at: T0, row: fine }])) });
    const b = await device('b');
    await connect(b, remote, { deviceName: 'Desktop' });
    await idle(b, remote);
    const refused = (await syncStatus(b)).refused.map((r) => r.id);
    expect(refused).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12].map((n) =>
        n === 7 ? 'obs:someoneelse0:0000000007' : chunkId(evil.id, n),
      ),
    );
    const posts = (await b.posts.toArray()).map((p) => p.id).sort();
    expect(posts).toEqual([...good.map((p) => (p as { id: string }).id), 'fine-from-mallory'].sort());
    expect(await b.settings.get('sync.server')).toBeUndefined();
    expect(await b.health.count()).toBe(0);
  }, 60_000);

  it('encrypts end to end; a wrong or missing passphrase is refused before anything is uploaded or merged', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    await capture(a, xTweets(T0), T0);
    await connect(a, remote, { passphrase: 'correct horse battery staple' });
    await idle(a, remote);
    const text = (await a.posts.toArray()).find((p) => p.text.length > 20)!.text;
    const onServer = JSON.stringify(await Promise.all(remote.ids().map((id) => remote.get(id))));
    expect(onServer).not.toContain(text.slice(0, 20));
    expect(onServer).toContain('"sealed"');

    const b = await device('b');
    await capture(b, weiboList(T0), T0);
    const before = remote.ids();
    for (const passphrase of ['Correct horse battery staple', undefined]) {
      const error = await connect(b, remote, { passphrase }).catch((e) => e);
      expect(error).toBeInstanceOf(SyncSetupError);
      expect(error.kind).toBe(passphrase ? 'wrongPassphrase' : 'passphraseNeeded');
      expect((await syncStatus(b)).connected).toBe(false);
      await capture(b, weiboList(T0 + HOUR), T0 + HOUR);
      expect(await b.syncJournal.count()).toBe(0);
    }
    expect(remote.ids()).toEqual(before);
    expect(await b.posts.where('platform').equals('x').count()).toBe(0);

    await connect(b, remote, { passphrase: 'correct horse battery staple' });
    await idle(b, remote);
    await idle(a, remote);
    const [ta, tb] = await Promise.all([tables(a), tables(b)]);
    expect(tb.posts).toEqual(ta.posts);
    expect(ta.posts!.some((p) => (p as { platform: string }).platform === 'weibo')).toBe(true);
  }, 60_000);

  it('a device whose clock is off the server’s is told so and does not connect', async () => {
    const remote = new MemoryRemote();
    const a = await device('a');
    setClock(T0);
    remote.serverTime = T0 + 2 * HOUR;
    const error = await connect(a, remote).catch((e) => e);
    expect(error).toBeInstanceOf(SyncSetupError);
    expect(error.kind).toBe('clock');
    remote.serverTime = T0 + 30_000;
    await connect(a, remote);
    expect((await syncStatus(a)).clockSkewMs).toBe(30_000);
  });

  it('carries user edits, items and deletions: the latest wins on every device', async () => {
    const { remote, a, b, records } = await twoDevicesWithSameCaptures();
    const account = records.find((r) => r.kind === 'account')!;
    const [victim, kept] = records.filter((r) => r.kind === 'post') as Array<{ platform: 'x'; id: string }>;
    setClock(T0 + HOUR);
    await a.accounts.update([account.platform, account.id], { role: 'mine' });
    await deletePost(a, victim!.platform, victim!.id);
    const campaign = await a.campaigns.add({
      name: 'Launch',
      platforms: ['x'],
      start: '2026-12-01',
      end: '2026-12-07',
      cost: null,
      counts: {},
      postIds: [],
      createdAt: T0 + HOUR,
    });
    // Later, the other device captures again with what it knew (no role) and renames the campaign.
    await capture(b, records, T0 + 2 * HOUR - 5);
    for (const db of [a, b, a]) await idle(db, remote);
    setClock(T0 + 3 * HOUR);
    await b.campaigns.update(campaign, { name: 'Launch week' });
    for (const db of [b, a]) await idle(db, remote);
    for (const db of [a, b]) {
      expect((await db.accounts.get([account.platform, account.id]))?.role).toBe('mine');
      expect((await db.campaigns.get(campaign))?.name).toBe('Launch week');
      expect(await db.posts.get([kept!.platform, kept!.id])).toBeDefined();
    }
    // Deleted at T0+1h, captured again by B at T0+2h: back on both, as a capture after deletion is.
    expect(await a.posts.get([victim!.platform, victim!.id])).toEqual(
      await b.posts.get([victim!.platform, victim!.id]),
    );
    expect(await a.posts.get([victim!.platform, victim!.id])).toBeDefined();
    expect(await tables(a)).toEqual(await tables(b));
  }, 60_000);

  it('carries the price the user last saw as their edit: seeing it on one device wins over a later capture on the other', async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    const course = {
      kind: 'course' as const,
      url: 'https://www.udemy.com/course/100-days-of-code/',
      title: '100 Days of Code: The Complete Python Pro Bootcamp for 2023',
      provider: 'Udemy',
      price: 21.99,
      currency: 'CAD',
      source: 'site' as const,
    };
    await capture(a, [course], T0);
    for (const db of [a, b]) await idle(db, remote);
    // B captures the lower price of the course A saved: nobody has seen it yet.
    await capture(b, [{ ...course, price: 17.99 }], T0 + HOUR);
    for (const db of [a, b, a]) await idle(db, remote);
    expect((await a.courses.get(course.url))?.priceSeen).toEqual({ price: 21.99, currency: 'CAD', at: T0 });
    // Seen on A (the popup), then captured again on B: B's row is the newer observation.
    setClock(T0 + 2 * HOUR);
    await markPricesSeen(a, [course.url], T0 + 2 * HOUR);
    await capture(b, [{ ...course, price: 17.99 }], T0 + 3 * HOUR);
    for (const db of [a, b, a]) await idle(db, remote);
    for (const db of [a, b])
      expect((await db.courses.get(course.url))?.priceSeen).toEqual({
        price: 17.99,
        currency: 'CAD',
        at: T0 + 2 * HOUR,
      });
    expect(await tables(a)).toEqual(await tables(b));
  }, 60_000);

  it('keeps both campaigns when two devices each create their first one', async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    const campaign = (name: string) => ({
      name,
      platforms: ['x' as const],
      start: '2026-12-01',
      end: '2026-12-07',
      cost: null,
      counts: {},
      postIds: [],
    });
    await runCommand(
      { db: a, saveCourseFromTab: noTab, checkCoursesInTab: noTab, stopSync: async () => {} },
      { type: 'campaign.put', campaign: campaign('Laptop launch') },
    );
    await runCommand(
      { db: b, saveCourseFromTab: noTab, checkCoursesInTab: noTab, stopSync: async () => {} },
      { type: 'campaign.put', campaign: campaign('Desktop launch') },
    );
    for (const db of [a, b, a]) await idle(db, remote);
    for (const db of [a, b])
      expect((await db.campaigns.toArray()).map((c) => c.name).sort()).toEqual([
        'Desktop launch',
        'Laptop launch',
      ]);
  });

  it('carries the tables other features added (tracked links) by their one line in SYNCED_TABLES', async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    const link = {
      code: 'xp-launch',
      courseUrl: 'https://time.geekbang.org/course/intro/100',
      platform: 'x' as const,
      campaign: 'launch',
    };
    await putTrackedLink(a, link, T0);
    for (const db of [a, b]) await idle(db, remote);
    expect(await b.trackedLinks.get('xp-launch')).toEqual({ ...link, createdAt: T0 });
  });
  it("carries the seller's decision on a conflicting order, and its undo from the other device", async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    const on = (db: CoursePulseDb) => ({
      db,
      saveCourseFromTab: noTab,
      checkCoursesInTab: noTab,
      stopSync: async () => {},
    });
    const order = gumroadOrder('o5', { at: T0, coupon: 'spring', utm: { content: 'yt-a1b2' } });
    expect(await runCommand(on(a), { type: 'orders.import', orders: [order] })).toMatchObject({ ok: true });
    setClock(T0 + HOUR);
    const ref = { platform: 'gumroad', orderId: 'o5' };
    expect(await runCommand(on(a), { type: 'sales.decide', ...ref, post: 'x:1' })).toEqual({ ok: true });
    for (const db of [a, b]) await idle(db, remote);
    expect(await b.attributionDecisions.toArray()).toEqual([
      { order: 'gumroad:o5', post: 'x:1', decidedAt: T0 + HOUR },
    ]);
    setClock(T0 + 2 * HOUR);
    expect(await runCommand(on(b), { type: 'sales.undecide', ...ref })).toEqual({ ok: true });
    for (const db of [b, a]) await idle(db, remote);
    expect(await a.attributionDecisions.count()).toBe(0);
    expect((await allOrders(a.orderPacks)).length).toBe(1);
  });

  it('carries theme edits and the answer to "This is you" (user items added after the engine)', async () => {
    const { remote, a, b, records } = await twoDevicesWithSameCaptures();
    const account = records.find((r) => r.kind === 'account')!;
    const deps = { db: a, saveCourseFromTab: noTab, checkCoursesInTab: noTab, stopSync: async () => {} };
    setClock(T0 + HOUR);
    await runCommand(deps, { type: 'account.owner', platform: account.platform, id: account.id, mine: true });
    await runCommand(deps, { type: 'theme.rename', theme: 'seed:install', label: '装环境' });
    for (const db of [a, b]) await idle(db, remote);
    const answered = await b.accounts.get([account.platform, account.id]);
    expect([answered?.role, answered?.ownerAnswer]).toEqual(['mine', 'mine']);
    expect((await b.themeEdits.get('seed:install'))?.label).toBe('装环境');
  });
});

/** Two devices connected to one server at T0, each having captured the same real X tweets. */
async function twoDevicesWithSameCaptures() {
  const remote = new MemoryRemote();
  const [a, b] = await Promise.all([device('a'), device('b')]);
  setClock(T0);
  await connect(a, remote);
  await connect(b, remote, { deviceName: 'Desktop' });
  const records = xTweets(T0);
  await capture(a, records, T0);
  await capture(b, records, T0 + 1);
  return { remote, a, b, records };
}

/** The background's tab readers, for commands that never reach a tab here. */
const noTab = async () => ({ ok: false as const, reason: 'no tab' });

/** A device connected to `remote`. */
async function device_(name: string, remote: SyncRemote) {
  const db = await device(name);
  await connect(db, remote, { deviceName: name });
  return db;
}
