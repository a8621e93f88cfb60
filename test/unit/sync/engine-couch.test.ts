// @vitest-environment node
// Node's own fetch against a real server: happy-dom's fetch would apply a page's CORS rules.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '@/lib/clock';
import { chunkId } from '@/lib/sync/chunk';
import { couchRemote } from '@/lib/sync/couch';
import { SyncSetupError } from '@/lib/sync/engine';
import { syncStatus } from '@/lib/sync/state';
import {
  allDocIds,
  createDatabase,
  createUser,
  startTestCouch,
  type TestCouch,
  uniqueName,
} from '../../couch';
import { capture, connect, device, grown, idle, tables, weiboList, xTweets } from './helpers';

const STEP = 15_000;

let couch: TestCouch;
/**
 * The server's time: connecting checks the device's clock against it, and the test's times stay
 * within a minute of it. Not Date.now(): CI's zone runs fake this process's clock, not the server's.
 */
let T0: number;
beforeAll(async () => {
  couch = await startTestCouch();
  T0 = Date.parse((await fetch(couch.url)).headers.get('date') ?? '');
  expect(T0).not.toBeNaN();
}, 120_000);
afterAll(() => couch?.stop());
afterEach(() => setClock());

/** A database two members share, and each member's client to it. */
async function team() {
  const db = uniqueName('team');
  const [ana, ben] = [uniqueName('ana'), uniqueName('ben')];
  await createUser(couch, ana, 'ana-secret');
  await createUser(couch, ben, 'ben-secret');
  await createDatabase(couch, db, [ana, ben]);
  return {
    db,
    ana: { user: ana, remote: couchRemote({ url: couch.url, db, user: ana, password: 'ana-secret' }) },
    ben: { user: ben, remote: couchRemote({ url: couch.url, db, user: ben, password: 'ben-secret' }) },
  };
}

describe('sync engine against a CouchDB-compatible server (pouchdb-server)', () => {
  it('two members capturing overlapping real posts end with identical tables, each named in what they sent', async () => {
    const { db, ana, ben } = await team();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    await capture(a, xTweets(T0), T0);
    setClock(T0 + STEP);
    await connect(a, ana.remote, { user: ana.user, deviceName: 'Laptop' });
    await connect(b, ben.remote, { user: ben.user, deviceName: 'Desktop' });
    await capture(b, grown(xTweets(T0 + 2 * STEP)), T0 + 2 * STEP);
    await capture(b, weiboList(T0 + 2 * STEP), T0 + 2 * STEP);
    setClock(T0 + 3 * STEP);
    for (const [dbx, remote] of [
      [b, ben.remote],
      [a, ana.remote],
      [b, ben.remote],
    ] as const)
      await idle(dbx, remote);
    expect(await tables(a)).toEqual(await tables(b));
    const ids = await allDocIds(couch, db);
    const [laptop, desktop] = [(await syncStatus(a)).device!, (await syncStatus(b)).device!];
    expect(ids.some((id) => id.startsWith(`obs:${laptop.id}:`))).toBe(true);
    expect(ids.some((id) => id.startsWith(`obs:${desktop.id}:`))).toBe(true);
    const chunk = await ana.remote.get(ids.find((id) => id.startsWith(`obs:${desktop.id}:`))!);
    expect(chunk).toMatchObject({ device: { id: desktop.id, name: 'Desktop' }, user: ben.user });
  }, 120_000);

  it('two members syncing at the same moment lose nothing and duplicate nothing', async () => {
    const { db, ana, ben } = await team();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await Promise.all([
      connect(a, ana.remote, { user: ana.user, deviceName: 'Laptop' }),
      connect(b, ben.remote, { user: ben.user, deviceName: 'Desktop' }),
    ]);
    // Overlapping captures on both, then both sync at once, their requests interleaved, twice: the
    // second round brings each the chunks the other pushed while it was already pulling.
    await capture(a, xTweets(T0), T0);
    await capture(b, grown(xTweets(T0 + STEP)), T0 + STEP);
    await capture(b, weiboList(T0 + STEP), T0 + STEP);
    setClock(T0 + 2 * STEP);
    for (let round = 0; round < 2; round++) await Promise.all([idle(a, ana.remote), idle(b, ben.remote)]);
    const [ta, tb] = await Promise.all([tables(a), tables(b)]);
    expect(ta).toEqual(tb);
    // A's X posts and B's Weibo posts are on both.
    expect(new Set((ta.posts as Array<{ platform: string }>).map((p) => p.platform))).toEqual(
      new Set(['x', 'weibo']),
    );
    // Each device's chunks are on the server once each, numbered without a gap.
    const ids = await allDocIds(couch, db);
    for (const device of [(await syncStatus(a)).device!, (await syncStatus(b)).device!]) {
      const own = ids.filter((id) => id.startsWith(`obs:${device.id}:`)).sort();
      expect(own.length).toBeGreaterThan(0);
      expect(own).toEqual(own.map((_, n) => chunkId(device.id, n)));
    }
  }, 120_000);

  it('encrypted: a wrong passphrase is refused before anything is uploaded', async () => {
    const { db, ana, ben } = await team();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    setClock(T0);
    await capture(a, xTweets(T0), T0);
    await connect(a, ana.remote, { user: ana.user, passphrase: 'plum tree' });
    await idle(a, ana.remote);
    const before = await allDocIds(couch, db);
    await capture(b, weiboList(T0), T0);
    const error = await connect(b, ben.remote, { user: ben.user, passphrase: 'pear tree' }).catch((e) => e);
    expect(error).toBeInstanceOf(SyncSetupError);
    expect(error.kind).toBe('wrongPassphrase');
    expect(await allDocIds(couch, db)).toEqual(before);
    await connect(b, ben.remote, { user: ben.user, passphrase: 'plum tree' });
    await idle(b, ben.remote);
    await idle(a, ana.remote);
    expect((await tables(b)).posts).toEqual((await tables(a)).posts);
  }, 120_000);
});
