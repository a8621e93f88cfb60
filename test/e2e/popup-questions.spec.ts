/**
 * Issue 13, "on a post page the popup shows that post's top questions": a real X conversation
 * (twscrape's TweetDetail capture, served at its real path to a synthetic post page) is captured, and
 * the popup opened on that tab lists the question among the post's replies, in English and Chinese.
 */
import type { StoredPost } from '../../lib/db/schema';
import { blockTheInternet, expect, fixture, openPopupBeside, readTable, test, waitFor } from './extension';

const TWEET_DETAIL = 'twitter/vladkens__twscrape/raw_tweet_details@1e49e9fa.json';
const ROOT = '1649191520250245121';
const QUESTION = 'What happened to Twitter search from web browser? It stopped working today.';

test('popup on an X post page: the post’s top questions, with how many are not answered yet, in en and zh_CN', async ({
  ext,
}) => {
  const { context, worker, extensionId } = ext;
  await blockTheInternet(context);
  await context.route('https://x.com/**', (route) =>
    route.request().url().includes('/TweetDetail')
      ? route.fulfill({ contentType: 'application/json', body: fixture(TWEET_DETAIL) })
      : route.fulfill({ contentType: 'text/html', body: fixture('synthetic/x/status-shell.html') }),
  );
  // The dashboard first: the post page, opened last, is the tab the popup reads as "this page".
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#settings`);
  const page = await context.newPage();
  await page.goto(`https://x.com/XDevelopers/status/${ROOT}`);
  await expect(page.locator('#react-root[data-loaded="yes"]')).toBeAttached();

  const posts = await waitFor(
    () => readTable<StoredPost>(options, 'posts'),
    (rows) => rows.filter((p) => p.conversationId === ROOT).length >= 11,
  );
  expect(posts.filter((p) => p.replyTo).length).toBe(10);

  const popup = await openPopupBeside(context, worker, 'https://x.com/*');
  const questions = popup.getByTestId('popup-questions');
  await expect(questions.getByRole('heading')).toHaveText('Top questions on this page');
  await expect(questions).toContainText('Questions: 1 among 10 comments read, 1 not answered yet');
  await expect(questions.locator('li[data-comment-id="1649431954981306369"]')).toContainText(QUESTION);
  await expect(questions.locator('li')).toHaveCount(1);

  await options.getByTestId('language').selectOption('zh_CN');
  await popup.reload();
  await expect(questions.getByRole('heading')).toHaveText('本页的热门提问');
  await expect(questions).toContainText('已读 10 条评论，其中提问 1 条，1 条尚未回复');
  await expect(questions.locator('li')).toContainText(QUESTION);
});
