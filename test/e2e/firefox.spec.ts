/**
 * Firefox: the extension's Firefox build in Debian's Firefox ESR captures a real X profile, the
 * dashboard lists it, and it syncs encrypted with a Chromium profile through one database until both
 * hold identical tables.
 *
 * Playwright drives only its own patched Firefox, which cannot be downloaded here; puppeteer-core
 * drives the system's Firefox over WebDriver BiDi instead. BiDi does not navigate to extension pages,
 * so the e2e build opens the dashboard in a tab of its own in Firefox (entrypoints/background.ts),
 * and the test finds that tab by its address.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../couch';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';
import { USER_BY_LOGIN, USER_TWEETS } from './serve-x';
import {
  captureYouTube,
  connect,
  open,
  PASSPHRASE,
  type Side,
  side,
  syncUntilEqual,
  tablesOf,
} from './sync-profiles';
import { tweetsIn } from './x-expected';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = fileURLToPath(new URL('../../.output/e2e/firefox-mv3-e2e', import.meta.url));
const ADDON_ID: string = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'))
  .browser_specific_settings.gecko.id;

let couch: TestCouch;
test.beforeAll(async () => {
  couch = await startTestCouch();
});
test.afterAll(() => couch?.stop());

interface FirefoxProfile {
  browser: Browser;
  /** The dashboard tab the e2e build opens. */
  dashboard: Page;
}

/** Firefox with the extension installed, its moz-extension address fixed so the test knows it. */
async function openFirefox(): Promise<FirefoxProfile> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // Firefox, unlike Chromium, asks for a server origin with a port (Connect's request) even when
      // the e2e build holds the host: nobody can answer that prompt here, so it is granted unasked.
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  const address = `moz-extension://${uuid}/options.html`;
  // BiDi reports an extension tab's address as about:blank: the page itself says where it is.
  const dashboard = await waitFor(
    async () => {
      for (const page of await browser.pages())
        if ((await page.evaluate(() => location.href).catch(() => '')).startsWith(address)) return page;
      return undefined;
    },
    (page) => page !== undefined,
  );
  if (!dashboard) throw new Error(`the e2e build opened no dashboard at ${address}`);
  return { browser, dashboard };
}

/** x.com from the same real captures as serve-x.ts; every other request fails. */
async function captureXInFirefox({ browser, dashboard }: FirefoxProfile): Promise<void> {
  const tab = await browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('https://x.com/')) return void request.abort();
    const body = url.includes('/UserTweets')
      ? fixture(USER_TWEETS)
      : url.includes('/UserByScreenName')
        ? fixture(USER_BY_LOGIN)
        : undefined;
    void request.respond(
      body === undefined
        ? { contentType: 'text/html', body: fixture('synthetic/x/profile-shell.html') }
        : { contentType: 'application/json', body },
    );
  });
  await tab.goto('https://x.com/XDevelopers');
  await tab.waitForSelector('#react-root[data-loaded="yes"]');
  await waitFor(
    () => readTable(dashboard, 'posts'),
    (rows) => rows.length > 40,
  );
  await tab.close();
}

/** Settings → Sync in Firefox's dashboard, as a user fills it; returns what the form then says. */
async function connectFirefox(dashboard: Page, db: string, user: string, passphrase: string) {
  await dashboard.evaluate(() => {
    location.hash = 'settings';
  });
  const fields = {
    'sync-url': couch.url,
    'sync-db': db,
    'sync-user': user,
    'sync-password': `${user} password`,
    'sync-passphrase': passphrase,
    'sync-device': 'Firefox',
  };
  for (const [id, value] of Object.entries(fields))
    await dashboard.locator(`[data-testid="${id}"]`).fill(value);
  await dashboard.locator('[data-testid="sync-connect"]').click();
  await dashboard.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="sync-message"]')?.textContent ?? '';
      return text !== '' && text !== 'Connecting…';
    },
    { timeout: 30_000 },
  );
  return dashboard.$eval('[data-testid="sync-message"]', (el) => el.textContent ?? '');
}

/** Firefox's side of a sync: a step through the e2e hook of its background page. */
const firefoxSide = ({ dashboard }: FirefoxProfile): Side => ({
  syncNow: () =>
    dashboard.evaluate(async () => {
      const page = (await browser.runtime.getBackgroundPage()) as unknown as {
        __test: { syncNow(): Promise<void> };
      };
      await page.__test.syncNow();
    }),
  tables: () => tablesOf(dashboard),
});

test('Firefox captures a real X profile, lists it, and syncs encrypted with Chromium to identical tables', async () => {
  test.setTimeout(240_000);
  const expected = tweetsIn(JSON.parse(fixture(USER_TWEETS)));
  const db = uniqueName('browsers');
  const user = uniqueName('dana');
  await createUser(couch, user, `${user} password`);
  await createDatabase(couch, db, [user]);

  const firefox = await openFirefox();
  const chromium = await open('Chromium');
  try {
    // Firefox: every tweet of the real response, with its exact counts, and the account.
    await captureXInFirefox(firefox);
    const posts = await readTable<{ id: string; metrics: Record<string, number>; metricsExact: boolean }>(
      firefox.dashboard,
      'posts',
    );
    const byId = new Map(posts.map((p) => [p.id, p]));
    for (const [id, counts] of expected) {
      const stored = byId.get(id);
      expect(stored, `tweet ${id}`).toBeDefined();
      expect(stored?.metrics.likes).toBe(counts.likes);
      expect(stored?.metrics.views).toBe(counts.views);
      expect(stored?.metricsExact).toBe(true);
    }
    const accounts = await readTable<{ handle: string; followers?: number }>(firefox.dashboard, 'accounts');
    expect(accounts.find((a) => a.handle === 'XDevelopers')?.followers).toBe(695695);
    // The dashboard lists them, formatted as in Chromium.
    await firefox.dashboard.evaluate(() => {
      location.hash = 'posts';
    });
    const views = await firefox.dashboard.waitForSelector(
      'tr[data-post-id="2019881223666233717"] td[data-metric="views"]',
    );
    expect(await views?.evaluate((el) => el.textContent)).toBe('2,525,462');

    // Chromium captures a YouTube video; both connect to one encrypted database and sync.
    await blockTheInternet(chromium.context);
    await captureYouTube(chromium);
    await chromium.context.route(`${couch.url}/**`, (route) => route.continue());
    expect(await connect(chromium, couch.url, db, user, PASSPHRASE)).toBe(
      'Connected. The first sync starts now.',
    );
    expect(await connectFirefox(firefox.dashboard, db, user, 'a wrong guess')).toMatch(
      /^Wrong encryption passphrase/,
    );
    expect(await connectFirefox(firefox.dashboard, db, user, PASSPHRASE)).toBe(
      'Connected. The first sync starts now.',
    );

    const ff = firefoxSide(firefox);
    const cr = side(chromium);
    await syncUntilEqual(ff, cr);
    const synced = await ff.tables();
    expect(await cr.tables()).toEqual(synced);
    const ids = (await readTable<{ platform: string; id: string }>(firefox.dashboard, 'posts')).map(
      (p) => `${p.platform}:${p.id}`,
    );
    expect(ids).toContain('youtube:2lAe1cqCOXo');
    expect(ids).toContain('x:2019881223666233717');
    expect(new Set(ids).size).toBe(ids.length);
  } finally {
    await firefox.browser.close();
    await chromium.context.close();
  }
});
