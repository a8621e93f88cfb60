// @vitest-environment node
// Node's own fetch to a real CouchDB-compatible server; the extension APIs are WXT's fake browser.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { runCommand } from '@/lib/background/commands';
import { syncRunner } from '@/lib/background/sync';
import { setClock } from '@/lib/clock';
import { CoursePulseDb } from '@/lib/db/schema';
import { applyBatch } from '@/lib/db/write';
import { readConnection } from '@/lib/sync/connection';
import { SYNC_ALARM } from '@/lib/sync/schedule';
import { syncStatus } from '@/lib/sync/state';
import { createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../../couch';
import { syntheticPost } from '../db/synthetic';

let couch: TestCouch;
const user = uniqueName('dana');
const db = uniqueName('cp');
/** Server clock minus this process's: test:zones runs the suite under faketime, the server maybe not. */
let serverOffset = 0;
beforeAll(async () => {
  couch = await startTestCouch();
  await createUser(couch, user, 'pw');
  await createDatabase(couch, db, [user]);
  const date = (await fetch(couch.url)).headers.get('Date');
  serverOffset = date ? Date.parse(date) - Date.now() : 0;
}, 120_000);
// The device's clock agrees with the server's, as the engine requires (a skewed one is refused).
beforeEach(() => setClock(() => Date.now() + serverOffset));
afterAll(() => couch?.stop());
afterEach(() => {
  setClock();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const connection = () => ({ url: couch.url, db, user, password: 'pw', deviceName: 'Test' });

describe('sync in the background', () => {
  it('makes no request at all while sync is off, whatever triggers it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const runner = syncRunner(new CoursePulseDb(uniqueName('off')));
    expect(await runner.handle({ type: 'sync.now' })).toEqual({ ok: true });
    await runner.now();
    runner.onAlarm(SYNC_ALARM);
    await runner.resume();
    await runner.now();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('refuses a malformed message', async () => {
    const runner = syncRunner(new CoursePulseDb(uniqueName('bad')));
    const reply = await runner.handle({ type: 'sync.connect', connection: { url: 'x' } });
    expect(reply).toMatchObject({ ok: false, kind: 'internal' });
  });

  it('keeps nothing of a Connect with a wrong password, and says so', async () => {
    const database = new CoursePulseDb(uniqueName('wrong'));
    const runner = syncRunner(database);
    const reply = await runner.handle({
      type: 'sync.connect',
      connection: { ...connection(), password: 'nope' },
    });
    expect(reply).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(await readConnection()).toBeNull();
    expect((await syncStatus(database)).connected).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it("refuses a device whose clock is far off the server's, keeping nothing", async () => {
    setClock(() => Date.now() + serverOffset + 10 * 60_000);
    const database = new CoursePulseDb(uniqueName('skew'));
    const reply = await syncRunner(database).handle({ type: 'sync.connect', connection: connection() });
    expect(reply).toMatchObject({ ok: false, kind: 'clock' });
    expect(await readConnection()).toBeNull();
  });

  it('connects (stored credentials, the engine started, the 15-minute alarm), then disconnects all of it', async () => {
    const database = new CoursePulseDb(uniqueName('ok'));
    const runner = syncRunner(database);
    expect(await runner.handle({ type: 'sync.connect', connection: connection() })).toEqual({ ok: true });
    expect(await readConnection()).toEqual(connection());
    expect((await syncStatus(database)).device?.name).toBe('Test');
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
    await runner.now();
    expect((await syncStatus(database)).lastPullAt).toBeGreaterThan(0);

    expect(await runner.handle({ type: 'sync.disconnect' })).toEqual({ ok: true });
    expect(await readConnection()).toBeNull();
    expect((await syncStatus(database)).connected).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('puts the alarm back at the worker start when the browser dropped it', async () => {
    const database = new CoursePulseDb(uniqueName('resume'));
    const runner = syncRunner(database);
    await runner.handle({ type: 'sync.connect', connection: connection() });
    await fakeBrowser.alarms.clearAll();
    await syncRunner(database).resume();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });

  it('Disconnect during a step cuts its request and waits for it: nothing is requested or written after', async () => {
    const database = new CoursePulseDb(uniqueName('cut'));
    const runner = syncRunner(database);
    expect(await runner.handle({ type: 'sync.connect', connection: connection() })).toEqual({ ok: true });
    await runner.now();
    const realFetch = globalThis.fetch;
    let entered!: () => void;
    const held = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The next changes request waits (a slow server) until released or aborted.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (String(input).includes('/_changes')) {
        entered();
        await Promise.race([
          gate,
          new Promise((resolve) => init?.signal?.addEventListener('abort', resolve, { once: true })),
        ]);
      }
      return realFetch(input, init);
    });
    const step = runner.now();
    await held;
    await runner.handle({ type: 'sync.disconnect' });
    const calls = fetchSpy.mock.calls.length;
    release();
    await step;
    await runner.now();
    expect(fetchSpy.mock.calls.length).toBe(calls);
    expect(await database.syncState.toArray()).toEqual([]);
    expect(await readConnection()).toBeNull();
  });

  it('Delete everything disconnects first: the server keeps its copy and receives no deletion', async () => {
    const database = new CoursePulseDb(uniqueName('wipe'));
    const at = Date.now() + serverOffset;
    await applyBatch(
      database,
      { batchId: 'wipe-1', records: [syntheticPost('1'), syntheticPost('2')], failures: [] },
      at,
    );
    const runner = syncRunner(database);
    expect(await runner.handle({ type: 'sync.connect', connection: connection() })).toEqual({ ok: true });
    await runner.now();
    const docs = async () =>
      (await (
        await fetch(`${couch.url}/${db}/_all_docs`, {
          headers: { Authorization: `Basic ${btoa(`${user}:pw`)}` },
        })
      ).json()) as { total_rows: number };
    const before = (await docs()).total_rows;
    expect(before).toBeGreaterThan(0);

    const deps = {
      db: database,
      saveCourseFromTab: vi.fn(),
      checkCoursesInTab: vi.fn(),
      stopSync: () => runner.disconnect(),
    };
    expect(await runCommand(deps, { type: 'data.deleteAll', confirm: 'delete everything' })).toEqual({
      ok: true,
    });
    expect(await database.posts.count()).toBe(0);
    expect(await readConnection()).toBeNull();
    expect((await syncStatus(database)).connected).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    // Captures after it are not journaled for a push: this device is no longer connected.
    await applyBatch(database, { batchId: 'wipe-2', records: [syntheticPost('3')], failures: [] }, at + 1);
    expect(await database.syncJournal.count()).toBe(0);
    await runner.now();
    expect((await docs()).total_rows).toBe(before);
  });
});
