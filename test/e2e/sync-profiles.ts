/**
 * Browser profiles that capture real fixtures and sync through the tests' CouchDB-compatible server
 * (test/couch.ts): Chromium ones here, a Firefox one in firefox.spec.ts, compared the same way.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  expect,
  fixture,
  launchWithExtension,
  readTable,
  recordOwnRequests,
  type TablePage,
  waitFor,
} from './extension';
import { serveX } from './serve-x';

const WATCH = 'youtube/pytube__pytube/yt-video-2lAe1cqCOXo.watch.html';
/** The tables sync carries (lib/sync/tables.ts) that these captures fill. */
export const COMPARED = ['posts', 'postSnapshots', 'accounts', 'accountSnapshots', 'campaigns'] as const;
export const PASSPHRASE = 'correct horse battery staple';

export interface Profile {
  name: string;
  context: BrowserContext;
  /** Replaced when the worker is stopped and woken again. */
  worker: Worker;
  extensionId: string;
  page: Page;
  own: string[];
}

/** A Chromium profile with the extension, its dashboard open on Settings. */
export async function open(name: string): Promise<Profile> {
  const { context, worker, extensionId } = await launchWithExtension();
  const own = recordOwnRequests(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  return { name, context, worker, extensionId, page, own };
}

export async function captureX(p: Profile): Promise<void> {
  await serveX(p.context);
  const tab = await p.context.newPage();
  await tab.goto('https://x.com/XDevelopers');
  await expect(tab.locator('#react-root[data-loaded="yes"]')).toBeAttached();
  await waitFor(
    () => readTable(p.page, 'posts'),
    (rows) => rows.length > 40,
  );
  await tab.close();
}

export async function captureYouTube(p: Profile): Promise<void> {
  await p.context.route('https://www.youtube.com/**', (route) =>
    route.request().url().includes('/watch?v=2lAe1cqCOXo')
      ? route.fulfill({ contentType: 'text/html', body: fixture(WATCH) })
      : route.abort('blockedbyclient'),
  );
  const tab = await p.context.newPage();
  await tab.goto('https://www.youtube.com/watch?v=2lAe1cqCOXo');
  await waitFor(
    () => readTable<{ platform: string }>(p.page, 'posts'),
    (rows) => rows.some((r) => r.platform === 'youtube'),
  );
  await tab.close();
}

/** Fills Settings → Sync and connects; returns what the form then says. */
export async function connect(
  p: Profile,
  server: string,
  db: string,
  user: string,
  passphrase: string,
): Promise<string> {
  const { page } = p;
  await page.getByTestId('sync-url').fill(server);
  await page.getByTestId('sync-db').fill(db);
  await page.getByTestId('sync-user').fill(user);
  await page.getByTestId('sync-password').fill(`${user} password`);
  await page.getByTestId('sync-passphrase').fill(passphrase);
  await page.getByTestId('sync-device').fill(p.name);
  await page.getByTestId('sync-connect').click();
  const message = page.getByTestId('sync-message');
  await expect(message).not.toHaveText('Connecting…', { timeout: 30_000 });
  return (await message.textContent()) ?? '';
}

export const syncNow = (p: Profile) =>
  p.worker.evaluate(() =>
    (globalThis as unknown as { __test: { syncNow(): Promise<void> } }).__test.syncNow(),
  );

/** A row as JSON with its fields in name order: the field order of a stored row says nothing. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );

/** Every compared table, rows in key order, as JSON (what "identical" means), read through `page`. */
export async function tablesOf(page: TablePage): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of COMPARED) {
    out[name] = (await readTable<unknown>(page, name)).map(canonical).sort();
  }
  return out;
}

export const tables = (p: Profile) => tablesOf(p.page);

/** One synced browser as the comparison sees it: a sync step, and its tables. */
export interface Side {
  syncNow(): Promise<unknown>;
  tables(): Promise<Record<string, string[]>>;
}

export const side = (p: Profile): Side => ({ syncNow: () => syncNow(p), tables: () => tables(p) });

/** Steps on both sides, in turn, until both hold the same tables (or the time is up). */
export async function syncUntilEqual(a: Side, b: Side): Promise<void> {
  for (let round = 0; round < 12; round++) {
    await a.syncNow();
    await b.syncNow();
    if (JSON.stringify(await a.tables()) === JSON.stringify(await b.tables())) return;
  }
}
