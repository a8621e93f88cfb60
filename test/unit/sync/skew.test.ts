/**
 * Clock skew between devices (within the 5 minutes sync accepts): a row pulled from a device whose
 * clock runs fast carries a last observation ahead of this device's clock, and a capture made here
 * meanwhile must still be kept, in its place in the history, as one browser seeing both would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { accountPoints } from '../../../lib/db/runs';
import type { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { AccountRecord, PostRecord } from '../../../lib/records';
import { syntheticPost } from '../db/synthetic';
import { journaling, send } from './helpers';

afterEach(() => setClock());

const T0 = Date.parse('2026-12-01T10:00:00Z');
const MIN = 60_000;
/** The desktop's clock runs 3 minutes fast. */
const FAST = 3 * MIN;

const post = (likes: number): PostRecord => syntheticPost('1', { metrics: { likes } });
const account = (followers: number): AccountRecord => ({
  kind: 'account',
  platform: 'x',
  id: '42',
  handle: 'dev',
  name: 'Dev',
  followers,
  followersExact: true,
});

let n = 0;
async function capture(db: CoursePulseDb, at: number, likes: number, followers: number) {
  setClock(at);
  await applyBatch(db, { batchId: `b${n++}`, records: [post(likes), account(followers)], failures: [] }, at);
}

async function history(db: CoursePulseDb) {
  return {
    posts: await db.posts.toArray(),
    postSnapshots: await db.postSnapshots.toArray(),
    accounts: await db.accounts.toArray(),
    // As readers see them: the changes the account's runs say (lib/db/runs.ts).
    accountSnapshots: accountPoints(await db.accountSnapshots.toArray()),
  };
}

describe('clock skew between devices', () => {
  it('a capture made while a pulled row is ahead of this clock is kept, in its place in the history', async () => {
    const [laptop, desktop, one] = await Promise.all([
      journaling('laptop', 'skew'),
      journaling('desktop', 'skew'),
      journaling(null, 'skew'),
    ]);
    await capture(laptop, T0, 5, 100);
    const sentLaptop = await send(laptop, desktop);
    // One minute later the desktop sees 7 likes and 120 followers, stamped 3 minutes ahead.
    await capture(desktop, T0 + MIN + FAST, 7, 120);
    await send(desktop, laptop);
    // Two minutes in, the laptop (clock right) sees 6 likes and 110 followers.
    await capture(laptop, T0 + 2 * MIN, 6, 110);
    const mine = await history(laptop);
    expect(mine.postSnapshots.map((s) => [s.at, s.m.likes])).toEqual([
      [T0, 5],
      [T0 + 2 * MIN, 6],
    ]);
    expect(mine.posts[0]).toMatchObject({ metrics: { likes: 7 }, metricsAt: T0 + MIN + FAST });
    expect(mine.accountSnapshots.map((s) => [s.at, s.followers])).toEqual([
      [T0, 100],
      [T0 + 2 * MIN, 110],
      [T0 + MIN + FAST, 120],
    ]);
    expect(mine.accounts[0]).toMatchObject({ followers: 120 });

    // One browser that saw every capture, in the order of their times.
    await capture(one, T0, 5, 100);
    await capture(one, T0 + 2 * MIN, 6, 110);
    await capture(one, T0 + MIN + FAST, 7, 120);
    expect(mine).toEqual(await history(one));

    // And the desktop ends the same once it has the laptop's capture.
    await send(laptop, desktop, sentLaptop);
    expect(await history(desktop)).toEqual(mine);
  });

  it('a late capture with the counts already known adds no snapshot', async () => {
    const [laptop, desktop] = await Promise.all([
      journaling('laptop', 'skew'),
      journaling('desktop', 'skew'),
    ]);
    await capture(laptop, T0, 5, 100);
    await capture(desktop, T0 + MIN + FAST, 7, 120);
    await send(desktop, laptop);
    // The laptop sees the desktop's counts again, at a time its clock puts before the desktop's.
    await capture(laptop, T0 + 2 * MIN, 7, 120);
    const mine = await history(laptop);
    expect(mine.postSnapshots.map((s) => [s.at, s.m.likes])).toEqual([[T0, 5]]);
    expect(mine.posts[0]).toMatchObject({ metrics: { likes: 7 }, metricsAt: T0 + 2 * MIN });
    expect(mine.accountSnapshots.map((s) => [s.at, s.followers])).toEqual([
      [T0, 100],
      [T0 + 2 * MIN, 120],
    ]);
  });
});
