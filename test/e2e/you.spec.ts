/**
 * "Your accounts, recognised" (issue 14), end to end on a real capture: an x.com page saved while
 * signed in as steve830915 (test/fixtures/twitter/gym0915__LineLens), served at its real URL. The
 * page's own state names the signed-in account, so the popup and the dashboard ask "This is you";
 * Yes marks the account Mine (Accounts shows it), and the question is gone from both. In en (light,
 * answered with the mouse in the popup) and zh_CN (dark, answered with the keyboard in the
 * dashboard); axe finds no serious violation in either surface while it asks.
 */
import type { StoredAccount } from '../../lib/db/schema';
import { seriousViolations } from './axe';
import { blockTheInternet, expect, fixture, readTable, test, waitFor } from './extension';
import { catalogue } from './ui';

const PAGE_URL = 'https://x.com/ring_hyacinth/status/2022543578803962302';
const PAGE = 'twitter/gym0915__LineLens/火山引擎即将上线 API！Seedance 2.0 除了打斗还可以做什么？.html';
const ME = '1791811076000223233';

for (const locale of ['en', 'zh_CN'] as const) {
  test(`X: signed in as steve830915, "This is you" is asked in the popup and the dashboard; Yes makes it Mine (${locale})`, async ({
    ext,
  }) => {
    test.setTimeout(120_000);
    const { context, extensionId } = ext;
    const text = (key: string) => catalogue(locale)[key]!.message;
    await blockTheInternet(context);
    await context.route(PAGE_URL, (route) =>
      route.fulfill({ contentType: 'text/html', body: fixture(PAGE) }),
    );

    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/options.html#accounts`);
    await dashboard.evaluate((value) => chrome.storage.local.set({ 'ui.locale': value }), locale);

    const site = await context.newPage();
    await site.goto(PAGE_URL);
    const seen = await waitFor(
      async () => (await readTable<StoredAccount>(dashboard, 'accounts')).find((a) => a.id === ME),
      (a) => a?.ownerSeenAt !== undefined,
    );
    expect(seen).toMatchObject({ platform: 'x', handle: 'steve830915', name: 'steve' });
    expect(seen?.role).toBeUndefined();

    await dashboard.reload();
    const asked = dashboard.getByTestId('you-ask');
    await expect(asked.getByRole('heading')).toHaveText(text('youAskTitle'));
    await expect(asked.locator(`li[data-account="x:${ME}"]`)).toContainText('steve');
    await expect(asked.locator(`li[data-account="x:${ME}"]`)).toContainText('@steve830915');

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const popupAsk = popup.getByTestId('you-ask');
    await expect(popupAsk.getByRole('heading')).toHaveText(text('youAskTitle'));

    const scheme = locale === 'en' ? 'light' : 'dark';
    for (const surface of [dashboard, popup]) {
      await surface.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(surface), `${surface.url()} ${scheme}`).toEqual([]);
    }

    if (locale === 'en') await popupAsk.getByRole('button', { name: text('youYes') }).click();
    else {
      await asked.getByRole('button', { name: text('youYes') }).focus();
      await dashboard.keyboard.press('Enter');
    }

    const mine = await waitFor(
      async () => (await readTable<StoredAccount>(dashboard, 'accounts')).find((a) => a.id === ME),
      (a) => a?.role === 'mine',
    );
    expect(mine?.role).toBe('mine');
    // Asked once: gone from both, live.
    await expect(dashboard.getByTestId('you-ask')).toHaveCount(0);
    await expect(popup.getByTestId('you-ask')).toHaveCount(0);
    await expect(dashboard.locator(`tr[data-account-id="${ME}"] select`)).toHaveValue('mine');
    await expect(dashboard.locator(`tr[data-account-id="${ME}"] select option:checked`)).toHaveText(
      text('roleMine'),
    );
  });
}

test('YouTube (SYNTHETIC own channel page): asked in the popup; No is remembered and not asked again', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const { context, extensionId } = ext;
  const text = (key: string) => catalogue('en')[key]!.message;
  const channelUrl = 'https://www.youtube.com/@coursepulse-test';
  const channelId = 'UCcoursePulseTestChan001';
  // The synthetic browse body (test/fixtures/synthetic/youtube/README.md) as the page's ytInitialData.
  const data = fixture('synthetic/youtube/own-channel-browse.json');
  await blockTheInternet(context);
  await context.route(channelUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>CoursePulse Test Channel - YouTube</title></head><body><script>var ytInitialData = ${data};</script></body></html>`,
    }),
  );

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#accounts`);
  await dashboard.evaluate(() => chrome.storage.local.set({ 'ui.locale': 'en' }));
  const site = await context.newPage();
  await site.goto(channelUrl);
  const account = () =>
    readTable<StoredAccount>(dashboard, 'accounts').then((rows) => rows.find((a) => a.id === channelId));
  expect(await waitFor(account, (a) => a?.ownerSeenAt !== undefined)).toMatchObject({
    platform: 'youtube',
    handle: '@coursepulse-test',
    name: 'CoursePulse Test Channel',
  });

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const asked = popup.getByTestId('you-ask').locator(`li[data-account="youtube:${channelId}"]`);
  await expect(asked).toContainText('You are signed in as CoursePulse Test Channel on YouTube.');
  await asked.getByRole('button', { name: text('youNo') }).click();
  expect(await waitFor(account, (a) => a?.ownerAnswer === 'not-mine')).toMatchObject({
    ownerAnswer: 'not-mine',
  });
  expect((await account())?.role).toBeUndefined();
  await expect(popup.getByTestId('you-ask')).toHaveCount(0);

  // Seen again: the page still says so, and nothing asks.
  const before = (await account())!.ownerSeenAt!;
  await site.reload();
  await waitFor(account, (a) => (a?.ownerSeenAt ?? 0) > before);
  await popup.reload();
  await expect(popup.getByRole('heading', { name: text('popupToday') })).toBeVisible();
  await expect(popup.getByTestId('you-ask')).toHaveCount(0);
  await dashboard.reload();
  await expect(dashboard.locator(`tr[data-account-id="${channelId}"]`)).toBeVisible();
  await expect(dashboard.getByTestId('you-ask')).toHaveCount(0);
});
