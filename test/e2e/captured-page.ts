/** A captured page served at its real URL with the internet blocked, and "Save this course" on its tab. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { blockTheInternet, expect, fixture } from './extension';

/** The context menu's handler, through the e2e build's test hook (a menu click cannot be simulated). */
export function saveCourseFromTab(worker: Worker, tabId: number): Promise<unknown> {
  return worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { __test: { saveCourseFromTab(id: number): Promise<unknown> } }
      ).__test.saveCourseFromTab(id),
    tabId,
  );
}

/** Opens `url` in a new tab, every page of its origin answered with the capture at `path`. */
export async function openCapturedPage(
  { context, worker }: { context: BrowserContext; worker: Worker },
  url: string,
  path: string,
): Promise<{ page: Page; save: () => Promise<unknown> }> {
  const { origin } = new URL(url);
  await blockTheInternet(context);
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(path) }),
  );
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(
    async (pattern) => (await chrome.tabs.query({ url: pattern }))[0]?.id,
    `${origin}/*`,
  );
  expect(tabId).toBeDefined();
  return { page, save: () => saveCourseFromTab(worker, tabId as number) };
}
