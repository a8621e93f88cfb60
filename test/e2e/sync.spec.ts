/**
 * Sync's Settings section against a CouchDB-compatible server on 127.0.0.1 (test/couch.ts): off by
 * default with no request at all, Connect saying plainly what is wrong, Disconnect.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { allDocIds, createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../couch';
import { expect, launchWithExtension, recordOwnRequests, test } from './extension';

let couch: TestCouch;
test.beforeAll(async () => {
  couch = await startTestCouch();
});
test.afterAll(() => couch?.stop());

async function openSettings(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await expect(page.getByTestId('sync-setting')).toBeVisible();
}

/**
 * The host grants the extension's pages give back (`permissions.remove`), recorded as they are made.
 * Headless Chromium's permission prompt cannot be answered, so the e2e build holds the test server's
 * origin from install (wxt.config.ts), where Chrome refuses to remove it: the test checks that the
 * page gives back exactly the server's origin, not Chrome's bookkeeping of it.
 */
async function recordGrantRemovals(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const permissions = (
      globalThis as { chrome?: { permissions?: { remove(p: unknown): Promise<boolean> } } }
    ).chrome?.permissions;
    if (!permissions) return;
    const remove = permissions.remove.bind(permissions);
    const removed: unknown[] = [];
    Object.assign(globalThis, { removedGrants: removed });
    permissions.remove = (p: unknown) => {
      removed.push(p);
      return remove(p);
    };
  });
}
const removedGrants = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { removedGrants: unknown[] }).removedGrants);

async function fillConnect(page: Page, fields: { url: string; db: string; user: string; password: string }) {
  await page.getByTestId('sync-url').fill(fields.url);
  await page.getByTestId('sync-db').fill(fields.db);
  await page.getByTestId('sync-user').fill(fields.user);
  await page.getByTestId('sync-password').fill(fields.password);
  await page.getByTestId('sync-connect').click();
}

test('sync is off by default: Settings offers Connect, the popup says nothing of it, and no request is made', async ({
  ext,
}) => {
  const page = await ext.context.newPage();
  await openSettings(page, ext.extensionId);
  await expect(page.getByTestId('sync-connect')).toBeVisible();
  await expect(page.getByTestId('sync-connected')).toHaveCount(0);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(popup.getByTestId('sync-status')).toHaveCount(0);
  // The `ext` fixture asserts, on closing, that the extension made no request of its own.
});

test('Connect says plainly what is wrong, connects, shows the status in the popup, and Disconnect forgets it', async () => {
  const db = uniqueName('cp');
  const user = uniqueName('alice');
  await createUser(couch, user, 'right horse');
  await createDatabase(couch, db, [user]);

  const { context, extensionId } = await launchWithExtension();
  const own = recordOwnRequests(context);
  await recordGrantRemovals(context);
  try {
    const page = await context.newPage();
    await openSettings(page, extensionId);
    const message = page.getByTestId('sync-message');

    await fillConnect(page, { url: 'couch.example.org', db, user, password: 'x' });
    await expect(message).toHaveText(/starting with https:\/\//);

    await fillConnect(page, { url: couch.url, db, user, password: 'wrong' });
    await expect(message).toHaveText(/^Wrong user name or password\./);
    await expect(page.getByTestId('sync-connected')).toHaveCount(0);

    await fillConnect(page, { url: couch.url, db: 'no-such-db', user, password: 'right horse' });
    await expect(message).toHaveText(/^That server has no such database/);

    await fillConnect(page, { url: 'http://127.0.0.1:9', db, user, password: 'right horse' });
    await expect(message).toHaveText(/^The server did not answer/);

    // The browser's first name comes from its user agent; the user may rename it.
    await expect(page.getByTestId('sync-device')).toHaveValue('Chrome · Linux');
    await page.getByTestId('sync-device').fill('Laptop 课脉');
    await fillConnect(page, { url: `${couch.url}/`, db, user, password: 'right horse' });
    await expect(message).toHaveText('Connected. The first sync starts now.');
    await expect(page.getByTestId('sync-connected')).toHaveText(
      `Laptop 课脉 syncs as ${user} with database ${db} on ${couch.url}`,
    );
    // The password never shows again: the form is gone.
    await expect(page.getByTestId('sync-password')).toHaveCount(0);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('sync-status')).toBeVisible();

    // A failed Connect gives its grant back too: Disconnect's is the one after these.
    const givenBack = (await removedGrants(page)).length;
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(message).toHaveText(/^Disconnected/);
    await expect(page.getByTestId('sync-connect')).toBeVisible();
    await expect(popup.getByTestId('sync-status')).toHaveCount(0);
    const stored = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((key) => key.startsWith('sync.'))).toEqual([]);
    // Disconnect gives the access to that server back, and nothing goes to it afterwards: not when
    // the dashboard opens, not on "sync now" (both start a step while connected).
    expect((await removedGrants(page)).slice(givenBack)).toEqual([{ origins: [`${couch.url}/*`] }]);
    const sent = own.length;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#overview`);
    await popup.reload();
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync.now' }));
    await page.waitForTimeout(1_500);
    expect(own.slice(sent)).toEqual([]);
  } finally {
    await context.close();
  }
  // While connecting, requests went to that server alone (and the unreachable port of the same host).
  expect(own.length).toBeGreaterThan(0);
  expect(own.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
});

test('Delete everything while connected says it disconnects first, and leaves the server’s copy as it was', async () => {
  const db = uniqueName('cp');
  const user = uniqueName('bea');
  await createUser(couch, user, 'pw');
  await createDatabase(couch, db, [user]);
  const { context, extensionId } = await launchWithExtension();
  const own = recordOwnRequests(context);
  await recordGrantRemovals(context);
  try {
    const page = await context.newPage();
    await openSettings(page, extensionId);
    // Something of the user's to upload: a campaign.
    const campaign = {
      name: 'Launch',
      platforms: ['x'],
      start: '2026-03-01',
      end: '2026-03-31',
      cost: { minor: 100_000, currency: 'CNY' },
      counts: { clicks: 1000 },
      postIds: [],
    };
    expect(
      await page.evaluate((c) => chrome.runtime.sendMessage({ type: 'campaign.put', campaign: c }), campaign),
    ).toMatchObject({ ok: true });
    await page.getByTestId('sync-device').fill('Laptop');
    await fillConnect(page, { url: couch.url, db, user, password: 'pw' });
    await expect(page.getByTestId('sync-message')).toHaveText('Connected. The first sync starts now.');
    await expect
      .poll(async () => (await allDocIds(couch, db)).some((id) => id.startsWith('obs:')))
      .toBe(true);
    const uploaded = await allDocIds(couch, db);

    await page.goto(`chrome-extension://${extensionId}/options.html#data`);
    const note = `Sync is on: deleting disconnects this browser from ${couch.url} first. Nothing is deleted on that server and nothing deleted here is sent to it; connect again to download its copy.`;
    await expect(page.getByTestId('sync-delete-note')).toHaveText(note);
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect(page.getByTestId('data-status')).toHaveText(
      `Everything was deleted. Sync is disconnected on this browser; the copy on ${couch.url} is untouched.`,
    );
    expect(asked).toContain(note);
    await expect(page.getByTestId('sync-delete-note')).toHaveCount(0);
    expect(await removedGrants(page)).toEqual([{ origins: [`${couch.url}/*`] }]);
    const sent = own.length;
    await openSettings(page, extensionId);
    await expect(page.getByTestId('sync-connect')).toBeVisible();
    await page.waitForTimeout(1_500);
    expect(own.slice(sent)).toEqual([]);
    expect(await allDocIds(couch, db)).toEqual(uploaded);
  } finally {
    await context.close();
  }
});
