import type { CourseSnapshot, StoredCourse } from '../../lib/db/schema';
import { expect, readTable, test, waitFor } from './extension';
import { FIRST, openUdemySearch } from './udemy-search';

const TITLE = '100 Days of Code: The Complete Python Pro Bootcamp for 2023';

type Hook = {
  __test: {
    saveCourseFromTab(id: number): Promise<unknown>;
    checkSavedCoursesInTab(id: number): Promise<unknown>;
  };
};

test('two visits with a changed price: the popup on the second shows the change and marks it seen, and the competitor overview shows the change in its timeline, in en and zh_CN', async ({
  ext,
}) => {
  const { context, worker, extensionId } = ext;
  const { page, tabId, lowerFirstPrice } = await openUdemySearch(ext);

  // First visit: the listing saved from its preview (the context menu's handler, through the hook).
  await worker.evaluate((id) => (globalThis as unknown as Hook).__test.saveCourseFromTab(id), tabId);
  const preview = page.locator('coursepulse-listing');
  await preview.getByRole('button', { name: 'Save 31 selected' }).click();
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#courses`);
  await waitFor(
    () => readTable<CourseSnapshot>(dashboard, 'courseSnapshots'),
    (rows) => rows.length === 31,
  );
  const overview = dashboard.getByTestId('competitor-overview');
  await overview.getByTestId('competitor-pick').selectOption('Dr. Angela Yu');
  await expect(overview.getByTestId('competitor-courses')).toContainText(TITLE);
  await expect(overview.getByTestId('competitor-timeline-empty')).toContainText('No price change seen yet');

  // Second visit, the price lowered (an in-memory edit of the served page; the capture is untouched).
  // The user opens the popup on the tab (here by action.openPopup, which the test cannot click): the
  // popup asks the background to check the page, which records the change and marks it seen.
  await lowerFirstPrice();
  await page.bringToFront();
  await worker.evaluate(() => chrome.action.openPopup());
  const history = await waitFor(
    () => readTable<CourseSnapshot>(dashboard, 'courseSnapshots'),
    (rows) => rows.length === 32,
  );
  expect(history.filter((s) => s.url === FIRST).map((s) => s.price)).toEqual([21.99, 17.99]);
  const first = await waitFor(
    async () => (await readTable<StoredCourse>(dashboard, 'courses')).find((c) => c.url === FIRST),
    (course) => course?.priceSeen?.price === 17.99,
  );
  expect(first?.priceSeen).toMatchObject({ price: 17.99, currency: 'CAD' });
  // Seen now: checking again flags nothing.
  expect(
    await worker.evaluate((id) => (globalThis as unknown as Hook).__test.checkSavedCoursesInTab(id), tabId),
  ).toMatchObject({ ok: true, detail: { checked: 31, changes: [] } });

  // The overview, live: the change in the timeline and in the course's row, in both languages.
  const timeline = overview.getByTestId('competitor-timeline');
  await expect(timeline.locator('li')).toHaveCount(1);
  await expect(timeline).toContainText(`${TITLE}: CA$21.99 → CA$17.99 (-18%)`);
  await expect(overview.getByTestId('competitor-courses')).toContainText('CA$21.99 → CA$17.99 on');
  await expect(overview.getByTestId('competitor-kpis')).toContainText('Price changes seen1 down, 0 up');
  await overview.locator('details.course-charts summary', { hasText: TITLE }).click();
  await expect(overview.getByRole('img', { name: `Price history: ${TITLE}` })).toBeVisible();

  await dashboard.evaluate(() => chrome.storage.local.set({ 'ui.locale': 'zh_CN' }));
  await dashboard.reload();
  await expect(dashboard.getByRole('heading', { name: '竞品总览' })).toBeVisible();
  await overview.getByTestId('competitor-pick').selectOption('Dr. Angela Yu');
  await expect(overview.getByRole('heading', { name: '其全部课程的价格变动' })).toBeVisible();
  await expect(overview.getByTestId('competitor-timeline')).toContainText(
    `${TITLE}：CA$21.99 → CA$17.99（-18%）`,
  );
  await expect(overview.getByTestId('competitor-courses')).toContainText('CA$21.99 → CA$17.99');
  await expect(overview.getByTestId('competitor-kpis')).toContainText('降价 1 次，涨价 0 次');
});
