/**
 * "Copy tracked link" on the seller's own course (the labelled sample data's course 0): the link
 * carries the UTM convention and a fresh [a-z0-9-] code and is written to the clipboard (the
 * "Copied" status appears only once the clipboard took it), in both languages; the toolbar popup's
 * copy of the same form remembers its code too.
 */
import { expect, test } from './extension';

test('courses: copy a tracked link for an own course, with the site, campaign slug and a code', async ({
  ext,
}) => {
  test.setTimeout(90_000);
  const { context, extensionId } = ext;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await page.getByTestId('language').selectOption('en');
  const loaded = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'sample.load' }),
  );
  expect(loaded).toEqual({ ok: true });

  await page.getByRole('tab', { name: /courses/ }).click();
  // Only the seller's own course offers the link.
  await expect(page.getByTestId('tracked-link-open')).toHaveCount(1);
  await page.getByTestId('tracked-link-open').click();
  const form = page.getByTestId('tracked-link');
  await form.locator('select[name="tracked-site"]').selectOption('weibo');
  await form.locator('input[name="tracked-campaign"]').fill('Spring Launch 2026!');
  await form.getByTestId('tracked-link-copy').click();
  const url = await form.getByTestId('tracked-link-url').inputValue();
  expect(url).toMatch(
    /^https:\/\/example\.com\/.*course-0\?utm_source=weibo&utm_medium=social&utm_campaign=spring-launch-2026&utm_content=wb-[a-z2-9]{4}$/,
  );
  const code = /utm_content=(wb-[a-z0-9]{4})/.exec(url)![1]!;
  await expect(form.getByRole('status')).toHaveText(
    `Copied. Post it as it is: its code ${code} ties the post to the orders that carry it.`,
  );

  // A second link is a new code: one code per post.
  await form.getByTestId('tracked-link-copy').click();
  await expect(form.getByTestId('tracked-link-url')).not.toHaveValue(url);

  await page.getByRole('tab', { name: /Settings/ }).click();
  await page.getByTestId('language').selectOption('zh_CN');
  await page.getByRole('tab', { name: /竞品与课程/ }).click();
  await page.getByTestId('tracked-link-open').click();
  await page.getByTestId('tracked-link').getByTestId('tracked-link-copy').click();
  await expect(page.getByTestId('tracked-link').getByRole('status')).toContainText(
    '已复制。请原样发布：其中的代码 xp-',
  );

  // The popup offers the same form for the own course; its code is remembered like the view's.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const section = popup.getByTestId('popup-tracked-link');
  await section.locator('summary').click();
  await section.locator('select[name="tracked-site"]').selectOption('youtube');
  await section.getByTestId('tracked-link-copy').click();
  await expect(section.getByRole('status')).toContainText('已复制。请原样发布：其中的代码 yt-');
  const fromPopup = /utm_content=(yt-[a-z0-9]{4})/.exec(
    await section.getByTestId('tracked-link-url').inputValue(),
  )![1]!;
  await popup.close();
  await page.getByRole('tab', { name: /推广/ }).click();
  await expect(
    page
      .getByTestId('tracked-links')
      .locator(`tr[data-code="${fromPopup}"]`)
      .getByTestId('tracked-link-post'),
  ).toContainText('尚未见到发布');
  await expect(page.getByTestId('tracked-links').locator('tbody tr')).toHaveCount(4);
});
