import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthSummary } from '../../lib/db/schema';
import { renamedUserTweets } from '../unit/renamed-response';
import { blockTheInternet, EXTENSION_DIR, expect, fixture, readTable, test, waitFor } from './extension';

const USER_BY_LOGIN = 'twitter/vladkens__twscrape/raw_user_by_login.json';

test('X changed its shape: a real UserTweets response with renamed keys shows in Health with a diagnostic that holds no values', async ({
  ext,
}) => {
  const { context, extensionId } = ext;
  await blockTheInternet(context);
  const changed = renamedUserTweets();
  await context.route('https://x.com/**', (route) => {
    const url = route.request().url();
    if (url.includes('/UserTweets')) return route.fulfill({ contentType: 'application/json', body: changed });
    if (url.includes('/UserByScreenName'))
      return route.fulfill({ contentType: 'application/json', body: fixture(USER_BY_LOGIN) });
    return route.fulfill({ contentType: 'text/html', body: fixture('synthetic/x/profile-shell.html') });
  });

  const page = await context.newPage();
  await page.goto('https://x.com/XDevelopers');
  await expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#health`);
  const summaries = await waitFor(
    () => readTable<HealthSummary>(options, 'healthSummary'),
    (rows) => rows.some((r) => r.extractor === 'x.UserTweets' && r.unreadSince !== undefined),
  );
  const row = summaries.find((r) => r.extractor === 'x.UserTweets');
  expect(row?.unreadEndpoint).toBe('/i/api/graphql/Y9WM4Id6UcGFE8Z-hbnixw/UserTweets');
  // The account endpoint still works: it is not flagged.
  expect(summaries.find((r) => r.extractor === 'x.UserByScreenName')?.unreadSince).toBeUndefined();

  await options.reload();
  const unread = options.locator('[data-testid="health-unread"]');
  await expect(unread).toHaveCount(1);
  await expect(unread).toContainText('Answered with data it could not read since');

  // Keyboard only: Tab to the button, Enter.
  await options.evaluate(() => {
    // Headless Chromium has no system clipboard to read back: record what the button writes.
    const w = window as unknown as { copied?: string };
    navigator.clipboard.writeText = async (text: string) => {
      w.copied = text;
    };
  });
  const button = unread.getByRole('button', { name: 'Copy diagnostic' });
  await button.focus();
  await options.keyboard.press('Enter');
  await expect(unread.locator('[role="status"]')).toContainText('Copied');
  const copied = await options.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
  const report = JSON.parse(copied);
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  expect(report).toMatchObject({
    extractor: 'x.UserTweets',
    endpoint: '/i/api/graphql/Y9WM4Id6UcGFE8Z-hbnixw/UserTweets',
    extensionVersion: manifest.version,
  });
  const tweet =
    report.skeleton.data.user.result.timeline.timeline.instructions[0].entries[0].content.itemContent
      .tweet_results.result;
  expect(tweet.restId).toBe('string');
  for (const value of ['2244994945', 'XDevelopers', '2019881223666233717', 'variables']) {
    expect(copied).not.toContain(value);
  }
});
