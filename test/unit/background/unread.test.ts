/**
 * "Endpoint answered but yielded no records" through the batch → background → health path: validated
 * and capped by zod, kept on the extractor's health summary until the next success.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, RateLimiter } from '../../../lib/background/ingest';
import { CoursePulseDb } from '../../../lib/db/schema';
import { UNREAD_REASON, unreadResponse } from '../../../lib/diagnostic';
import { MAX_SKELETON_CHARS } from '../../../lib/record-keys';
import { xAdapter } from '../../../lib/sites/x';
import { ctx } from '../fixtures';
import { REAL_USER_TWEETS, renamedUserTweets, USER_TWEETS_URL } from '../renamed-response';

const OWN_ID = 'own-extension-id';
const fromX = { id: OWN_ID, tabId: 1, tabUrl: 'https://x.com/XDevelopers' };

let db: CoursePulseDb;
beforeEach(async () => {
  db = new CoursePulseDb(`unread-${Math.random()}`);
  await db.open();
});

/** What the content script sends for one hooked response of the UserTweets endpoint. */
function batchFor(text: string) {
  const body = JSON.parse(text);
  const extraction = xAdapter.extractJson('UserTweets', body, ctx(USER_TWEETS_URL));
  const unread = extraction.records.length
    ? null
    : unreadResponse('x.UserTweets', USER_TWEETS_URL, body, text.length);
  return {
    type: 'capture',
    batchId: crypto.randomUUID(),
    site: 'x',
    pageUrl: 'https://x.com/XDevelopers',
    source: 'x.UserTweets',
    records: extraction.records.slice(0, 200),
    failures: [...extraction.failures, ...(unread ? [unread] : [])],
  };
}

const ingest = (message: unknown, now: number) =>
  ingestMessage(db, message, fromX, OWN_ID, new RateLimiter(100, 1), now);

describe('an endpoint that answers with data it could not read', () => {
  it('is kept on the health summary with its endpoint and skeleton, since the first such answer', async () => {
    expect(await ingest(batchFor(renamedUserTweets()), 1000)).toMatchObject({ ok: true, written: 0 });
    expect(await ingest(batchFor(renamedUserTweets()), 2000)).toMatchObject({ ok: true });
    const summary = await db.healthSummary.get('x.UserTweets');
    expect(summary).toMatchObject({
      failures: 2,
      successes: 0,
      lastFailure: UNREAD_REASON,
      unreadSince: 1000,
      unreadEndpoint: '/i/api/graphql/V7H0Ap3_Hh2FyS75OCDO3Q/UserTweets',
    });
    expect(JSON.parse(summary?.unreadSkeleton ?? '').data.user.result.__typename).toBe('string');
    // The log keeps the reason; the skeleton lives on the summary only.
    const events = await db.health.toArray();
    expect(events.map((e) => [e.extractor, e.ok, e.reason])).toEqual([
      ['x.UserTweets', false, UNREAD_REASON],
      ['x.UserTweets', false, UNREAD_REASON],
    ]);
  });

  it('a later answer that yields records clears the state', async () => {
    await ingest(batchFor(renamedUserTweets()), 1000);
    await ingest(batchFor(REAL_USER_TWEETS), 3000);
    const summary = await db.healthSummary.get('x.UserTweets');
    expect(summary).toMatchObject({ successes: 1, failures: 1, lastSuccessAt: 3000 });
    expect(summary?.unreadSince).toBeUndefined();
    expect(summary?.unreadSkeleton).toBeUndefined();
  });

  it('zod refuses an oversized skeleton or an endpoint that is not a path, and stores nothing of it', async () => {
    const big = batchFor(renamedUserTweets());
    big.failures[0] = { ...big.failures[0]!, skeleton: 'x'.repeat(MAX_SKELETON_CHARS + 1) };
    expect(await ingest(big, 1000)).toMatchObject({ ok: false });
    const query = batchFor(renamedUserTweets());
    query.failures[0] = { ...query.failures[0]!, endpoint: '/i/api/graphql/h/UserTweets?userId=2244994945' };
    expect(await ingest(query, 1000)).toMatchObject({ ok: false });
    expect((await db.healthSummary.get('x.UserTweets'))?.unreadSince).toBeUndefined();
  });
});
