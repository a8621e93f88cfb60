/**
 * Keyboard access (issue 12): the tabs follow the WAI-ARIA tabs pattern, every control of every view
 * is reached with Tab and shows a visible focus outline, and real actions work with the keyboard alone.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './extension';

const VIEWS = [
  'overview',
  'posts',
  'accounts',
  'campaigns',
  'suggestions',
  'courses',
  'data',
  'health',
  'settings',
] as const;

/** The focused element draws an outline of at least 2 px (the :focus-visible rule), in either theme. */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      what: el.outerHTML.slice(0, 80),
      style: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
      visible: el.matches(':focus-visible'),
    };
  });
  expect(focus, 'something has the focus').not.toBeNull();
  expect(focus?.visible, `${focus?.what} matches :focus-visible`).toBe(true);
  expect(focus?.style, `${focus?.what} outline`).not.toBe('none');
  expect(focus?.width, `${focus?.what} outline width`).toBeGreaterThanOrEqual(2);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector` (and has `text`). */
async function tabTo(page: Page, selector: string, options: { back?: boolean; text?: string } = {}) {
  for (let i = 0; i < 200; i++) {
    const found = await page.evaluate(
      ([s, text]) =>
        !!document.activeElement?.matches(s) &&
        (!text || document.activeElement.textContent?.trim() === text),
      [selector, options.text ?? ''] as const,
    );
    if (found) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector} ${options.text ?? ''}`);
}

async function loadSampleByKeyboard(page: Page) {
  await tabTo(page, 'button', { text: 'Load sample data' });
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('data-status')).toContainText('Sample data loaded');
}

/** Every visible, enabled control gets a mark; Tab must visit each one, each with a visible focus. */
async function expectEveryControlReached(page: Page, name: string) {
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button, input, select, textarea, summary, [tabindex="0"], [role="tab"][aria-selected="true"]';
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        el.checkVisibility() &&
        !el.matches(':disabled') &&
        !el.closest('fieldset:disabled') &&
        el.getAttribute('tabindex') !== '-1',
    );
    all.forEach((el, i) => {
      el.dataset.kb = String(i);
    });
    return all.map((el) => el.outerHTML.slice(0, 100));
  });
  expect(controls.length, `${name} has controls`).toBeGreaterThan(0);
  const unvisited = new Set(controls.map((_, i) => String(i)));
  for (let i = 0; i < 400 && unvisited.size > 0; i++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
    if (mark === undefined) continue;
    if (unvisited.delete(mark)) await expectVisibleFocus(page);
  }
  expect(
    [...unvisited].map((i) => controls[Number(i)]),
    `${name}: controls Tab never reached`,
  ).toEqual([]);
}

test('keyboard only: load the sample, switch views with the arrow keys, filter posts, open a post and its numbers', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  await page.goto(`chrome-extension://${extensionId}/options.html#data`);

  // The first Tab lands on the selected tab.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Data' })).toBeFocused();
  await expectVisibleFocus(page);
  await loadSampleByKeyboard(page);

  // Back to the tab list; arrow keys, Home and End move the selection and the focus together.
  await tabTo(page, '[role="tab"][aria-selected="true"]', { back: true });
  await page.keyboard.press('Home');
  const overview = page.getByRole('tab', { name: 'Overview' });
  await expect(overview).toBeFocused();
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-platform="x"] [data-kpi="ownPosts"]')).toHaveText('60');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const posts = page.getByRole('tab', { name: 'Posts' });
  await expect(posts).toBeFocused();
  await expect(posts).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe('#posts');
  await expectVisibleFocus(page);

  // A filter, changed from the keyboard.
  await expect(page.getByTestId('posts-table')).toBeVisible();
  const shownBefore = await page.getByTestId('posts-shown').textContent();
  await tabTo(page, '[data-testid="filter-ownership"]');
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('filter-ownership')).toHaveValue('mine');
  await expect(page.getByTestId('posts-shown')).not.toHaveText(shownBefore ?? '');

  // Open a post's history, then the chart's numbers as a table.
  await tabTo(page, 'button[aria-label^="History"]');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  // The history opens below a long table: the focus moves into it.
  const history = page.getByTestId('post-history');
  await expect(history).toBeFocused();
  await expect(history.locator('.chart canvas')).toBeVisible();
  await tabTo(page, '[data-testid="post-history"] summary');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const table = history.locator('details.chart-numbers table');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toHaveText('History');
  await expect(table.locator('thead th[scope="col"]')).toHaveText(['Date', 'Views', 'Engagements']);
  expect(await table.locator('tbody th[scope="row"]').count()).toBeGreaterThan(1);
});

test('every control of every view and the popup is reached with Tab and shows its focus, light theme', async ({
  ext,
}) => {
  test.setTimeout(240_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  await page.goto(`chrome-extension://${extensionId}/options.html#data`);
  await page.keyboard.press('Tab');
  await loadSampleByKeyboard(page);

  for (const view of VIEWS) {
    await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await expect(page.locator(`#panel-${view}`)).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectEveryControlReached(page, view);
  }

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectEveryControlReached(popup, 'popup');
});

test('keyboard only: closing a detail panel returns the focus to the row button that opened it', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  await page.goto(`chrome-extension://${extensionId}/options.html#data`);
  await page.keyboard.press('Tab');
  await loadSampleByKeyboard(page);

  const panels = [
    { view: 'posts', opener: 'button[aria-label^="History: "]', panel: 'post-history' },
    { view: 'accounts', opener: 'button[aria-label^="Growth path"]', panel: 'growth-path' },
    { view: 'courses', opener: 'button[aria-label^="Price history: "]', panel: 'price-history' },
  ];
  for (const { view, opener, panel } of panels) {
    await page.goto(`chrome-extension://${extensionId}/options.html#${view}`);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The second row's button, so a focus that falls back to the first one would not pass.
    const button = page.locator(opener).nth(1);
    const label = await button.getAttribute('aria-label');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(panel), view).toBeFocused();
    await tabTo(page, `[data-testid="${panel}"] button`, { text: 'Close' });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(panel), view).toHaveCount(0);
    await expect(page.locator(`button[aria-label="${label}"]`), view).toBeFocused();
    await expectVisibleFocus(page);
  }
});

test('keyboard only: the popup asking for own accounts opens the dashboard at Accounts', async ({ ext }) => {
  const { context, extensionId } = ext;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(popup.locator('#popup-next ~ .empty')).toContainText('Mark your own accounts as "Mine"');
  await tabTo(popup, 'button', { text: 'Open Accounts' });
  await expectVisibleFocus(popup);
  const opened = context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const dashboard = await opened;
  await dashboard.waitForLoadState();
  expect(dashboard.url()).toBe(`chrome-extension://${extensionId}/options.html#accounts`);
  await expect(dashboard.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
});
