import type { CourseSnapshot, StoredCourse } from '../../lib/db/schema';
import { openCapturedPage, saveCourseFromTab } from './captured-page';
import { expect, readTable, test, waitFor } from './extension';
import { FIRST, openUdemySearch } from './udemy-search';

const SECOND = 'https://www.udemy.com/course/complete-python-bootcamp/';

test('Save this course on a listing page: a preview of its 31 courses, the picked ones saved and listed, a changed price adds one snapshot', async ({
  ext,
}) => {
  const { context, worker, extensionId } = ext;
  const { page, tabId, lowerFirstPrice } = await openUdemySearch(ext);
  const save = () => saveCourseFromTab(worker, tabId);

  expect(await save()).toEqual({ ok: true, detail: { listed: 31 } });
  const preview = page.locator('coursepulse-listing');
  const rows = preview.locator('li');
  await expect(rows).toHaveCount(31);
  await expect(preview.getByRole('dialog')).toContainText('Save 31 courses on this page');
  await expect(rows.first()).toContainText('100 Days of Code: The Complete Python Pro Bootcamp for 2023');
  await expect(rows.first()).toContainText('CA$21.99');
  await expect(rows.first()).toContainText('Dr. Angela Yu');
  // Keyboard first: focus starts on Save; the user unticks the second course and saves the rest.
  const saveButton = preview.getByRole('button', { name: 'Save 31 selected' });
  await expect(saveButton).toBeFocused();
  await rows.nth(1).getByRole('checkbox').press('Space');
  await expect(preview.getByRole('button', { name: 'Save 30 selected' })).toBeVisible();
  await preview.getByRole('button', { name: 'Save 30 selected' }).press('Enter');
  await expect(preview).toHaveCount(0);

  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#courses`);
  const courses = await waitFor(
    () => readTable<StoredCourse>(dbPage, 'courses'),
    (rows) => rows.length === 30,
  );
  expect(courses.map((c) => c.url)).not.toContain(SECOND);
  expect(courses.find((c) => c.url === FIRST)).toMatchObject({
    title: '100 Days of Code: The Complete Python Pro Bootcamp for 2023',
    price: 21.99,
    listPrice: 139.99,
    currency: 'CAD',
    instructor: 'Dr. Angela Yu',
    status: 'saved',
    listedOn: 'https://www.udemy.com/courses/search/',
  });
  await expect(
    dbPage
      .getByTestId('courses-table')
      .getByText('100 Days of Code: The Complete Python Pro Bootcamp for 2023'),
  ).toBeVisible();
  expect(await readTable<CourseSnapshot>(dbPage, 'courseSnapshots')).toHaveLength(30);

  // A second visit: the first course's price dropped (an in-memory edit of the served page; the
  // captured file is untouched). The preview marks what was saved before; saving all adds one
  // snapshot for the changed price and the first one for the course skipped last time.
  await lowerFirstPrice();
  expect(await save()).toEqual({ ok: true, detail: { listed: 31 } });
  await expect(rows.first()).toContainText('CA$17.99');
  await expect(rows.first()).toContainText('saved before');
  await expect(rows.first()).toContainText('price changed from CA$21.99');
  await expect(rows.nth(2)).not.toContainText('price changed');
  await expect(rows.nth(1)).not.toContainText('saved before');
  await preview.getByRole('button', { name: 'Save 31 selected' }).click();
  const history = await waitFor(
    () => readTable<CourseSnapshot>(dbPage, 'courseSnapshots'),
    (rows) => rows.length === 32,
  );
  expect(history.filter((s) => s.url === FIRST).map((s) => s.price)).toEqual([21.99, 17.99]);
  expect(history.filter((s) => s.url === SECOND).map((s) => s.price)).toEqual([19.99]);
  const badge = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  expect(badge).toBe('✓');

  // Competitors & courses: the catalogues side by side, Jose Portilla's three courses first.
  await dbPage.reload();
  const catalogues = dbPage.getByTestId('competitor-catalogues');
  await expect(catalogues.locator('summary').first()).toHaveText('Jose Portilla · 3 courses');
  await catalogues.locator('summary').first().click();
  await expect(catalogues.locator('details').first()).toContainText(
    'The Complete Python Bootcamp From Zero to Hero in Python',
  );
});

test('Save this course on a page that is neither a course nor a listing saves nothing and says so', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const { page, save } = await openCapturedPage(
    ext,
    'https://www.udemy.com/about/',
    'courses/Cinemato__codingallstars-classcentral-task/about.html',
  );
  expect(await save()).toMatchObject({
    ok: false,
    reason: expect.stringContaining('neither one course nor a list'),
  });
  await expect(page.locator('coursepulse-toast')).toBeAttached();
  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#courses`);
  expect(await readTable<StoredCourse>(dbPage, 'courses')).toEqual([]);
});

test('Save this course on the 慕课网 home page: its 69 courses in the preview, saved in yuan at their own addresses', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const { page, save } = await openCapturedPage(
    ext,
    'https://www.imooc.com/',
    'courses/newbeedaly__python_spider_basis/imooc.html',
  );
  expect(await save()).toEqual({ ok: true, detail: { listed: 69 } });
  const preview = page.locator('coursepulse-listing');
  await expect(preview.locator('li')).toHaveCount(69);
  await expect(preview.getByRole('dialog')).toContainText('Save 69 courses on this page');
  await expect(preview.locator('li').nth(1)).toContainText('前端跳槽面试必备技巧');
  await preview.getByRole('button', { name: 'Save 69 selected' }).click();
  await expect(preview).toHaveCount(0);

  const dbPage = await context.newPage();
  await dbPage.goto(`chrome-extension://${extensionId}/options.html#courses`);
  const courses = await waitFor(
    () => readTable<StoredCourse>(dbPage, 'courses'),
    (rows) => rows.length === 69,
  );
  expect(courses.find((c) => c.url === 'https://coding.imooc.com/class/129.html')).toMatchObject({
    title: '前端跳槽面试必备技巧',
    price: 266,
    currency: 'CNY',
    students: 1177,
    listedOn: 'https://www.imooc.com/',
  });
  expect(courses.find((c) => c.url === 'https://www.imooc.com/learn/717')).toMatchObject({ price: 0 });
});
