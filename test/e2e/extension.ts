import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';

/** The e2e build (`npm run build:e2e`): the production extension plus a test hook in the background. */
export const EXTENSION_DIR =
  process.env.CP_EXTENSION_DIR ?? fileURLToPath(new URL('../../.output/e2e/chrome-mv3-e2e', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const fixture = (path: string): string => readFileSync(FIXTURES + path, 'utf8');

export async function launchWithExtension(): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** The http(s) requests the extension itself (its service worker and its pages) makes, as they happen. */
export function recordOwnRequests(context: BrowserContext): string[] {
  const own: string[] = [];
  context.on('request', (request) => {
    if (!/^https?:/.test(request.url())) return;
    const origin = request.serviceWorker()?.url() ?? request.frame()?.url() ?? '';
    if (origin.startsWith('chrome-extension://')) own.push(request.url());
  });
  return own;
}

/**
 * Every test also checks the privacy promise: the extension itself (its service worker and its
 * pages) makes no http(s) request; only the sites' pages do.
 */
export const test = base.extend<{ ext: { context: BrowserContext; worker: Worker; extensionId: string } }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  ext: async ({}, use) => {
    const launched = await launchWithExtension();
    const ownRequests = recordOwnRequests(launched.context);
    await use(launched);
    await launched.context.close();
    expect(ownRequests, 'requests made by the extension itself').toEqual([]);
  },
});
export { expect };

/** An extension page of either driver: Playwright's (Chromium) or puppeteer's (Firefox). */
export interface TablePage {
  evaluate(fn: (table: string) => Promise<unknown[]>, table: string): Promise<unknown[]>;
}

/** Reads a whole table from the extension's IndexedDB through an extension page. */
export async function readTable<T>(page: TablePage, table: string): Promise<T[]> {
  const rows = await page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('coursepulse');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          try {
            const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
            req.onsuccess = () => {
              resolve(req.result);
              open.result.close();
            };
            req.onerror = () => reject(req.error);
          } catch (error) {
            // A missing store must fail the test, not hang it.
            open.result.close();
            reject(error);
          }
        };
      }),
    table,
  );
  return rows as T[];
}

/** Polls until `probe` returns a truthy value (captures are batched and written asynchronously). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
  }
  return value;
}

/**
 * Every http(s) request fails unless a later route serves it from a fixture: tests never reach a
 * real site, and a request nobody routed shows up as a failure. Extension pages are not affected.
 */
export async function blockTheInternet(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
}

/**
 * The popup's page opened behind the first tab at `tabUrl` (a match pattern), in the same window:
 * that tab stays the window's active tab, which the popup reads as "this page". The test cannot
 * click the toolbar, and the page action.openPopup opens is out of its reach.
 */
export async function openPopupBeside(
  context: BrowserContext,
  worker: Worker,
  tabUrl: string,
): Promise<Page> {
  const opened = context.waitForEvent('page', (p) => p.url().includes('popup.html'));
  await worker.evaluate(async (pattern) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: { url: string }): Promise<Array<{ windowId: number }>>;
            create(p: { url: string; windowId: number; active: boolean }): Promise<unknown>;
          };
          runtime: { getURL(path: string): string };
        };
      }
    ).chrome;
    const [tab] = await api.tabs.query({ url: pattern });
    await api.tabs.create({ url: api.runtime.getURL('/popup.html'), windowId: tab!.windowId, active: false });
  }, tabUrl);
  return opened;
}
