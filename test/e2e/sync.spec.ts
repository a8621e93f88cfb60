/**
 * Sync's Settings section against a CouchDB-compatible server on 127.0.0.1 (test/couch.ts): off by
 * default with no request at all, Connect saying plainly what is wrong, Disconnect.
 */
import type { Page } from '@playwright/test';
import { createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../couch';
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

    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(message).toHaveText(/^Disconnected/);
    await expect(page.getByTestId('sync-connect')).toBeVisible();
    await expect(popup.getByTestId('sync-status')).toHaveCount(0);
    const stored = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((key) => key.startsWith('sync.'))).toEqual([]);
  } finally {
    await context.close();
  }
  // While connecting, requests went to that server alone (and the unreachable port of the same host).
  expect(own.length).toBeGreaterThan(0);
  expect(own.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
});
