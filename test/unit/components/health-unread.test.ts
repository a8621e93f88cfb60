// @vitest-environment happy-dom
/**
 * The Health view's "answered with data it could not read" state and its keyboard-accessible
 * "Copy diagnostic" button, rendered in happy-dom from a health summary written by the real path
 * (a batch holding the unread failure of the REAL UserTweets response with renamed keys).
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HealthView } from '../../../components/HealthView';
import { db } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { unreadResponse } from '../../../lib/diagnostic';
import type { UiLocale } from '../../../lib/i18n';
import { xAdapter } from '../../../lib/sites/x';
import { REAL_USER_TWEETS, renamedUserTweets, USER_TWEETS_URL } from '../renamed-response';
import { translator } from './translator';

const SINCE = Date.UTC(2026, 11, 6, 15, 0);
let container: HTMLElement;

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  const text = renamedUserTweets();
  const failure = unreadResponse('x.UserTweets', USER_TWEETS_URL, JSON.parse(text), text.length);
  await applyBatch(
    db(),
    { batchId: 'unread-batch-1', records: [], failures: [failure!], source: 'x.UserTweets' },
    SINCE,
  );
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'CoursePulse',
    version: '1.4.2',
  });
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

async function shown(locale: UiLocale): Promise<HTMLElement> {
  render(h(HealthView, { tr: translator(locale) }), container);
  await vi.waitFor(() => expect(container.querySelector('[data-testid="health-unread"]')).not.toBeNull());
  return container.querySelector('[data-testid="health-unread"]') as HTMLElement;
}

describe('Health: an extractor whose endpoint answers with data it cannot read', () => {
  it('says so since when, in both languages', async () => {
    expect((await shown('en')).textContent).toContain('Answered with data it could not read since');
    render(null, container);
    expect((await shown('zh_CN')).textContent).toContain('接口返回的数据无法读取');
  });

  it('"Copy diagnostic" is a button that writes the endpoint, the version and the skeleton, no values', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const unread = await shown('en');
    const button = unread.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Copy diagnostic');
    button.focus();
    expect(document.activeElement).toBe(button);
    button.click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const copied = JSON.parse(writeText.mock.calls[0]![0]);
    expect(copied).toMatchObject({
      extractor: 'x.UserTweets',
      endpoint: '/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets',
      extensionVersion: '1.4.2',
      since: '2026-12-06T15:00:00.000Z',
    });
    const tweet =
      copied.skeleton.data.user.result.timeline.timeline.instructions[0].entries[0].content.itemContent
        .tweet_results.result;
    expect(tweet.restId).toBe('string');
    for (const value of ['2244994945', 'XDevelopers', 'Developers', 'https://t.co/']) {
      expect(REAL_USER_TWEETS).toContain(value);
      expect(writeText.mock.calls[0]![0]).not.toContain(value);
    }
    await vi.waitFor(() => expect(unread.querySelector('[role="status"]')?.textContent).toMatch(/^Copied/));
    vi.unstubAllGlobals();
  });

  it('when the clipboard is refused, the diagnostic is shown selected in a read-only textarea', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) },
    });
    const unread = await shown('en');
    (unread.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(unread.querySelector('textarea')).not.toBeNull());
    const area = unread.querySelector('textarea') as HTMLTextAreaElement;
    expect(area.readOnly).toBe(true);
    expect(area.getAttribute('aria-label')).toBe('Diagnostic for x.UserTweets');
    expect(JSON.parse(area.value).endpoint).toBe('/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets');
    await vi.waitFor(() => expect(area.selectionEnd - area.selectionStart).toBe(area.value.length));
    vi.unstubAllGlobals();
  });

  it('a later answer that yields records clears the state, live', async () => {
    await shown('en');
    const at = SINCE + 60_000;
    const extraction = xAdapter.extractJson('UserTweets', JSON.parse(REAL_USER_TWEETS), {
      url: USER_TWEETS_URL,
      now: new Date(at),
    });
    const records = extraction.records.slice(0, 5);
    expect(records).toHaveLength(5);
    await applyBatch(db(), { batchId: 'ok-batch-1', records, failures: [], source: 'x.UserTweets' }, at);
    await vi.waitFor(() => expect(container.querySelector('[data-testid="health-unread"]')).toBeNull());
    expect(container.querySelector('[data-testid="health-table"]')?.textContent).toContain('x.UserTweets');
  });
});
