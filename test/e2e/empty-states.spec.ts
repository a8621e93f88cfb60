/**
 * Honest empty states (issue 12): a view with nothing to show says what is missing and what to do,
 * in both languages, and never draws a chart axis without data.
 */
import type { Page } from '@playwright/test';
import type { StoredPost } from '../../lib/db/schema';
import { seriousViolations } from './axe';
import { expect, readTable, test, waitFor } from './extension';
import { serveX } from './serve-x';
import { catalogue, loadSample } from './ui';

const MESSAGES = { en: catalogue('en'), zh_CN: catalogue('zh_CN') };
const msg = (locale: keyof typeof MESSAGES, key: string) =>
  MESSAGES[locale][key]!.message.replace(/\$\d/g, '');

/** No uPlot chart anywhere on the page: no canvas, no axis. */
async function expectNoChart(page: Page) {
  await expect(page.locator('.chart, .u-axis, canvas')).toHaveCount(0);
}

async function openView(page: Page, extensionId: string, view: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
  await expect(page.locator(`#panel-${view}`)).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test('overview: captured posts but no account marked as mine → no chart, says to mark accounts as Mine, links to Accounts', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await serveX(context);
  const site = await context.newPage();
  await site.goto('https://x.com/XDevelopers');
  await expect(site.locator('#react-root[data-loaded="yes"]')).toBeAttached();

  const page = await context.newPage();
  await openView(page, extensionId, 'settings');
  await page.getByTestId('language').selectOption('en');
  const posts = await waitFor(
    () => readTable<StoredPost>(page, 'posts'),
    (rows) => rows.length > 40,
  );
  expect(posts.length).toBeGreaterThan(40);

  await openView(page, extensionId, 'overview');
  // The defect: one day of captures drew a chart per platform with bare axes running to 2029.
  await expectNoChart(page);
  const empty = page.getByTestId('overview-empty');
  await expect(empty).toContainText('no account is marked as yours');
  await expect(empty).toContainText('Mark your own accounts as "Mine" in Accounts');

  // The way out, by keyboard: the link opens Accounts, where the account can be marked as mine.
  await empty.getByRole('link', { name: 'Open Accounts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('accounts-table')).toContainText('XDevelopers');
});

test('every view with nothing to show says what is missing and what to do, in en and zh_CN, with no chart', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  const found: string[] = [];
  for (const locale of ['en', 'zh_CN'] as const) {
    // The empty states pass axe too: English in the light theme, Chinese in the dark one.
    await page.emulateMedia({ colorScheme: locale === 'en' ? 'light' : 'dark' });
    const audit = async (view: string) => {
      for (const line of await seriousViolations(page)) found.push(`${view} ${locale}: ${line}`);
    };
    await openView(page, extensionId, 'settings');
    await page.getByTestId('language').selectOption(locale);
    const m = (key: string) => msg(locale, key);

    await openView(page, extensionId, 'overview');
    await expect(page.getByTestId('overview-empty')).toContainText(m('emptyOverview'));
    await expect(page.getByTestId('overview-empty').getByRole('link')).toHaveText(m('emptyOpenData'));
    await expectNoChart(page);
    await audit('overview');

    await openView(page, extensionId, 'posts');
    await expect(page.getByTestId('posts-empty')).toContainText(m('emptyPosts'));
    await expectNoChart(page);
    await audit('posts');

    await openView(page, extensionId, 'accounts');
    await expect(page.getByTestId('accounts-empty')).toContainText(m('emptyAccounts'));
    await expect(page.getByTestId('accounts-empty').getByRole('link')).toHaveText(m('emptyOpenData'));
    await audit('accounts');

    await openView(page, extensionId, 'campaigns');
    await expect(page.getByTestId('campaigns-empty')).toContainText(m('emptyCampaigns'));
    await expect(page.getByTestId('sales-empty')).toContainText(m('salesEmpty'));
    await audit('campaigns');

    await openView(page, extensionId, 'suggestions');
    await expect(page.locator('#panel-suggestions .empty')).toContainText(m('suggestNoOwn'));
    await expect(page.locator('#panel-suggestions .empty').getByRole('link')).toHaveText(
      m('emptyOpenAccounts'),
    );
    await audit('suggestions');

    await openView(page, extensionId, 'courses');
    await expect(page.locator('#panel-courses')).toContainText(m('emptyCourses'));
    await expect(page.locator('#panel-courses')).toContainText(m('emptyCompetitors'));
    await expectNoChart(page);
    await audit('courses');

    await openView(page, extensionId, 'health');
    await expect(page.locator('#panel-health .empty')).toContainText(m('emptyHealth'));
    await audit('health');
  }
  if (found.length) console.log(found.join('\n'));
  expect(found).toEqual([]);
});

test('posts: a filter that hides every post says so and offers to clear it, not "nothing captured"', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await openView(page, extensionId, 'settings');
  await page.getByTestId('language').selectOption('en');
  expect(await loadSample(page)).toEqual({ ok: true });
  await openView(page, extensionId, 'posts');
  await expect(page.getByTestId('posts-table')).toBeVisible();
  await page.getByRole('searchbox').fill('no post says this 9f3c1e');
  const empty = page.getByTestId('posts-empty');
  await expect(empty).toContainText(msg('en', 'emptyPostsFiltered'));
  await empty.getByRole('button', { name: msg('en', 'emptyClearFilters') }).press('Enter');
  await expect(page.getByTestId('posts-table')).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveValue('');
});
