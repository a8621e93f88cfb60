/**
 * Two browser profiles, one team database on a CouchDB-compatible server (test/couch.ts): each
 * captures real fixtures (X overlapping, YouTube on one side only), connects through Settings with
 * end-to-end encryption (a wrong passphrase refused first), edits while the server is unreachable,
 * syncs, and both end with identical tables.
 */
import { allDocIds, createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../couch';
import { blockTheInternet, expect, readTable, test } from './extension';
import {
  COMPARED,
  captureX,
  captureYouTube,
  connect as connectTo,
  open,
  PASSPHRASE,
  type Profile,
  side,
  syncNow,
  syncUntilEqual as syncSidesUntilEqual,
  tables,
} from './sync-profiles';

let couch: TestCouch;
const connect = (p: Profile, db: string, user: string, passphrase: string) =>
  connectTo(p, couch.url, db, user, passphrase);
const syncUntilEqual = (a: Profile, b: Profile) => syncSidesUntilEqual(side(a), side(b));
test.beforeAll(async () => {
  couch = await startTestCouch();
});
test.afterAll(() => couch?.stop());

test('two profiles capture overlapping real pages, sync encrypted through one database, and end identical', async () => {
  test.setTimeout(240_000);
  const db = uniqueName('team');
  const alice = uniqueName('alice');
  const bob = uniqueName('bob');
  await createUser(couch, alice, `${alice} password`);
  await createUser(couch, bob, `${bob} password`);
  await createDatabase(couch, db, [alice, bob]);

  const a = await open('Laptop');
  const b = await open('Desktop');
  try {
    await captureX(a);
    await captureX(b);
    await captureYouTube(b);
    // The internet stays blocked (serveX); the sync server on 127.0.0.1 is let through, routed last
    // so it comes first.
    for (const p of [a, b]) await p.context.route(`${couch.url}/**`, (route) => route.continue());

    expect(await connect(a, db, alice, PASSPHRASE)).toBe('Connected. The first sync starts now.');
    // The database is encrypted now: another passphrase is refused before anything is sent or merged.
    expect(await connect(b, db, bob, 'a wrong guess')).toMatch(/^Wrong encryption passphrase/);
    await expect(b.page.getByTestId('sync-connected')).toHaveCount(0);
    expect(await connect(b, db, bob, PASSPHRASE)).toBe('Connected. The first sync starts now.');
    await expect(b.page.getByTestId('sync-connected')).toContainText('end-to-end encrypted');

    await syncUntilEqual(a, b);
    const synced = await tables(a);
    expect(await tables(b)).toEqual(synced);
    // B's YouTube video reached A; the X posts both saw are there once.
    const postsA = (await readTable<{ platform: string; id: string }>(a.page, 'posts')).map(
      (p) => `${p.platform}:${p.id}`,
    );
    expect(postsA).toContain('youtube:2lAe1cqCOXo');
    expect(new Set(postsA).size).toBe(postsA.length);
    // Both devices' chunks are on the server.
    const ids = await allDocIds(couch, db);
    expect(ids.length).toBeGreaterThan(2);

    // Offline: the server unreachable, an edit on each side; each side says so and keeps its edit.
    for (const p of [a, b])
      await p.context.route(`${couch.url}/**`, (route) => route.abort('connectionrefused'));
    await a.page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'account.role', platform: 'x', id: '2244994945', role: 'mine' }),
    );
    await b.page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'campaign.put',
        campaign: {
          name: 'Spring cohort',
          courseUrl: 'https://learnnode.com/',
          platforms: ['x'],
          start: '2026-03-01',
          end: '2026-03-31',
          cost: null,
          counts: {},
          postIds: [],
        },
      }),
    );
    await syncNow(a);
    await syncNow(b);
    for (const p of [a, b])
      await expect(p.page.getByTestId('sync-error')).toContainText('The server did not answer');

    // Back online: both edits on both sides.
    for (const p of [a, b]) {
      await p.context.unroute(`${couch.url}/**`);
      await p.context.route(`${couch.url}/**`, (route) => route.continue());
    }
    await syncUntilEqual(a, b);
    expect(await tables(b)).toEqual(await tables(a));
    const accountsB = await readTable<{ id: string; role?: string }>(b.page, 'accounts');
    expect(accountsB.find((x) => x.id === '2244994945')?.role).toBe('mine');
    const campaignsA = await readTable<{ name: string }>(a.page, 'campaigns');
    expect(campaignsA.map((c) => c.name)).toEqual(['Spring cohort']);
    for (const p of [a, b]) await expect(p.page.getByTestId('sync-error')).toHaveCount(0);
  } finally {
    await a.context.close();
    await b.context.close();
  }
  // Each extension's own requests went to the sync server alone.
  for (const p of [a, b]) {
    expect(p.own.length).toBeGreaterThan(0);
    expect(p.own.filter((url) => !url.startsWith(`${couch.url}/`))).toEqual([]);
  }
});

/**
 * Stops the extension's service worker as the browser does when it idles (CDP's ServiceWorker
 * domain; stopAllWorkers leaves a worker that controls a page running), here mid-request.
 */
async function stopWorker(p: Profile): Promise<void> {
  const cdp = await p.context.newCDPSession(p.page);
  const versions: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const v of updated) {
      if (v.scriptURL.startsWith(`chrome-extension://${p.extensionId}/`) && v.runningStatus === 'running') {
        versions.push(v.versionId);
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.length).toBeGreaterThan(0);
  await cdp.send('ServiceWorker.stopWorker', { versionId: versions[0]! });
  await cdp.detach();
}

/** Marks the running worker's global scope: a worker that was stopped and started again has lost it. */
const markWorker = (p: Profile) =>
  p.worker.evaluate(() => {
    (globalThis as { __alive?: boolean }).__alive = true;
  });

/**
 * The next request to `url` reaches the server, then the worker is stopped before the answer gets
 * back to it. Returns whether that happened yet.
 */
async function stopWorkerOnce(p: Profile, url: string): Promise<() => boolean> {
  await markWorker(p);
  let stopped = false;
  await p.context.route(
    url,
    async (route) => {
      const response = await route.fetch();
      await stopWorker(p);
      stopped = true;
      await route.fulfill({ response }).catch(() => undefined);
    },
    { times: 1 },
  );
  return () => stopped;
}

/** Wakes the worker with a message from the dashboard and checks it is a fresh start. */
async function wakeWorker(p: Profile): Promise<void> {
  await p.page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync.now' }));
  const worker = p.context.serviceWorkers()[0] ?? (await p.context.waitForEvent('serviceworker'));
  p.worker = worker;
  expect(await worker.evaluate(() => (globalThis as { __alive?: boolean }).__alive)).toBeUndefined();
}

test('a service worker stopped mid-push and another mid-pull resume, and every observation arrives once', async () => {
  test.setTimeout(240_000);
  const db = uniqueName('solo');
  const user = uniqueName('carol');
  await createUser(couch, user, `${user} password`);
  await createDatabase(couch, db, [user]);

  const a = await open('Laptop');
  const b = await open('Desktop');
  try {
    await captureX(a);
    await blockTheInternet(b.context);
    await captureYouTube(b);
    const before = { a: await tables(a), b: await tables(b) };
    for (const p of [a, b]) await p.context.route(`${couch.url}/**`, (route) => route.continue());

    // A's first push reaches the server, but the worker is gone before the answer arrives.
    const stoppedMidPush = await stopWorkerOnce(a, `${couch.url}/${db}/_bulk_docs`);
    expect(await connect(a, db, user, '')).toBe('Connected. The first sync starts now.');
    await expect.poll(stoppedMidPush, { timeout: 30_000 }).toBe(true);
    await wakeWorker(a);
    await syncNow(a);

    // B's first pull gets its page, but the worker is gone before it is applied.
    const stoppedMidPull = await stopWorkerOnce(b, `${couch.url}/${db}/_changes**`);
    expect(await connect(b, db, user, '')).toBe('Connected. The first sync starts now.');
    await expect.poll(stoppedMidPull, { timeout: 30_000 }).toBe(true);
    await wakeWorker(b);

    await syncUntilEqual(a, b);
    const after = await tables(a);
    expect(await tables(b)).toEqual(after);
    // Each side's observations, exactly once: the union of what the two captured, nothing doubled.
    for (const name of COMPARED) {
      expect(after[name], name).toEqual([...before.a[name]!, ...before.b[name]!].sort());
    }
    for (const p of [a, b]) await expect(p.page.getByTestId('sync-error')).toHaveCount(0);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
