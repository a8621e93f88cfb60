import type { CourseSnapshot, StoredCourse } from '../../lib/db/schema';
import { saveCourseFromTab } from './captured-page';
import { expect, readTable, test, waitFor } from './extension';
import { FIRST, openUdemySearch } from './udemy-search';

const TITLE = '100 Days of Code: The Complete Python Pro Bootcamp for 2023';
/** A page of the course other than its landing page: one of its lectures, with a fragment. */
const LECTURE = 'https://www.udemy.com/course/100-days-of-code/learn/lecture/19583566#overview';

test('a saved course whose price a later save changed is flagged on the badge of the tab that visits one of its pages; the popup shows the change and clears the flag', async ({
  ext,
}) => {
  const { context, worker, extensionId } = ext;
  const { page, tabId, lowerFirstPrice } = await openUdemySearch(ext);
  const preview = page.locator('coursepulse-listing');
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#courses`);
  const saveListing = async (snapshots: number) => {
    await saveCourseFromTab(worker, tabId);
    await preview.getByRole('button', { name: 'Save 31 selected' }).click();
    await waitFor(
      () => readTable<CourseSnapshot>(dashboard, 'courseSnapshots'),
      (rows) => rows.length === snapshots,
    );
  };

  // Saved from the listing at CA$21.99; saved again after the price dropped (an in-memory edit of
  // the served page; the captured file is untouched). The user has not looked at the course since.
  await saveListing(31);
  await lowerFirstPrice();
  await saveListing(32);
  const saved = (await readTable<StoredCourse>(dashboard, 'courses')).find((c) => c.url === FIRST);
  expect(saved).toMatchObject({ price: 17.99, priceSeen: { price: 21.99, currency: 'CAD' } });

  // A visit to a lecture of the course, in a new tab: its badge says the price went down, and its
  // title what changed. (The e2e build holds udemy.com, so the browser shows the tab's address to
  // the extension, as it does on hosts a release build holds.)
  const lecture = await context.newPage();
  await lecture.goto(LECTURE);
  const lectureTab = await worker.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://www.udemy.com/course/*' }))[0]?.id,
  );
  expect(lectureTab).toBeDefined();
  const badgeOf = (id: number) => worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
  expect(
    await waitFor(
      () => badgeOf(lectureTab!),
      (text) => text === '↓',
    ),
  ).toBe('↓');
  expect(await worker.evaluate((tab) => chrome.action.getTitle({ tabId: tab }), lectureTab!)).toMatch(
    new RegExp(
      `^${TITLE}: price CA\\$21\\.99 → CA\\$17\\.99 since you last saw it \\(.+\\)\\. Open CoursePulse`,
    ),
  );
  // The listing's tab keeps its save's badge.
  expect(await badgeOf(tabId)).toBe('✓');

  // The popup over the lecture's tab (opened as a tab beside it: the test cannot click the toolbar)
  // shows the change; seeing it records the price as seen and clears the flag.
  const opened = context.waitForEvent('page', (p) => p.url().includes('popup.html'));
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://www.udemy.com/course/*' });
    await chrome.tabs.create({
      url: chrome.runtime.getURL('/popup.html'),
      windowId: tab!.windowId,
      active: false,
    });
  });
  const popup = await opened;
  await expect(popup.getByTestId('popup-price-changed')).toContainText(`${TITLE}: CA$21.99 → CA$17.99`);
  expect(
    await waitFor(
      () => badgeOf(lectureTab!),
      (text) => text === '',
    ),
  ).toBe('');
  const seen = await waitFor(
    async () => (await readTable<StoredCourse>(dashboard, 'courses')).find((c) => c.url === FIRST),
    (course) => course?.priceSeen?.price === 17.99,
  );
  expect(seen?.priceSeen).toMatchObject({ price: 17.99, currency: 'CAD' });
  // Seen: visiting it again flags nothing (the flag, when due, came within moments above).
  await lecture.reload();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await badgeOf(lectureTab!)).toBe('');
});
