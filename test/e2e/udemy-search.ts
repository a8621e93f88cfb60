/** The real Udemy search page both course-listing specs visit, served from its capture. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { blockTheInternet, expect, fixture } from './extension';

const UDEMY_SEARCH = 'courses/soodaayush__udemy-price-tracker/index.html';
const PAGE = 'https://www.udemy.com/courses/search/?q=python';
/** The listing's first course, the one whose price the second visit lowers. */
export const FIRST = 'https://www.udemy.com/course/100-days-of-code/';

/**
 * Opens the captured search page in a tab with the internet blocked; `lowerFirstPrice` edits the
 * served page in memory (the captured file is untouched) and reloads it: a second visit.
 */
export async function openUdemySearch({
  context,
  worker,
}: {
  context: BrowserContext;
  worker: Worker;
}): Promise<{
  page: Page;
  tabId: number;
  lowerFirstPrice: () => Promise<unknown>;
}> {
  let html = fixture(UDEMY_SEARCH);
  await blockTheInternet(context);
  await context.route('https://www.udemy.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  const page = await context.newPage();
  await page.goto(PAGE);
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://www.udemy.com/*' }))[0]?.id,
  );
  expect(tabId).toBeDefined();
  const lowerFirstPrice = () => {
    html = html.replace('Current price: CA$21.99', 'Current price: CA$17.99');
    return page.reload();
  };
  return { page, tabId: tabId as number, lowerFirstPrice };
}
