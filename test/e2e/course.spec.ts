import type { CourseSnapshot, StoredCourse } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';

const LEARN_NODE = 'courses/microlinkhq__metascraper/learnnode__input.html';

test('Save this course: a real course page is saved, listed, and a price change adds one price snapshot', async ({
  ext,
}) => {
  const { context, worker, extensionId } = ext;
  let html = fixture(LEARN_NODE);
  await blockTheInternet(context);
  await context.route('https://learnnode.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );

  const page = await context.newPage();
  await page.goto('https://learnnode.com/?utm_source=newsletter');
  const tabId = await worker.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://learnnode.com/*' }))[0]?.id,
  );
  expect(tabId).toBeDefined();
  // The context menu's handler, called through the e2e build's test hook (a menu click cannot be simulated).
  const save = () =>
    worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { __test: { saveCourseFromTab(id: number): Promise<{ ok: boolean }> } }
        ).__test.saveCourseFromTab(id),
      tabId!,
    );
  expect(await save()).toMatchObject({ ok: true });
  await expect(page.locator('coursepulse-toast')).toBeAttached();

  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#courses`);
  const courses = await readTable<StoredCourse>(dbPage, 'courses');
  expect(courses).toHaveLength(1);
  expect(courses[0]).toMatchObject({
    url: 'https://learnnode.com/',
    title: 'Learn Node',
    price: 82,
    listPrice: 89,
    currency: 'USD',
    students: 15744,
    status: 'saved',
  });

  // Saved again unchanged: no new snapshot. Then the price drops (an in-memory edit of the served
  // page; the captured file is untouched) and saving adds exactly one snapshot.
  expect(await save()).toMatchObject({ ok: true });
  expect(await readTable<CourseSnapshot>(dbPage, 'courseSnapshots')).toHaveLength(1);
  html = html.replace('<span>$82</span>', '<span>$69</span>');
  await page.reload();
  expect(await save()).toMatchObject({ ok: true });
  const history = await waitFor(
    () => readTable<CourseSnapshot>(dbPage, 'courseSnapshots'),
    (rows) => rows.length === 2,
  );
  expect(history.map((s) => s.price)).toEqual([82, 69]);

  const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!);
  expect(badge).toBe('✓');

  await dbPage.reload();
  await expect(dbPage.getByText('Learn Node').first()).toBeVisible();
});
