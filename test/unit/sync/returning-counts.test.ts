/**
 * Counts that return to an earlier value across two devices: an account's followers 5 on A, 6 on B,
 * then 5 again on A (A's last capture repeats its counts, so it adds no point). The truth is 5, the
 * latest capture, and the return is a change at that capture, whatever the order of sync.
 * Synthetic account records (labelled: not captures), as the write-path tests use.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { accountPoints } from '../../../lib/db/runs';
import { type AccountSnapshot, CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import type { AccountRecord } from '../../../lib/records';
import { journaling, send, tables } from './helpers';

afterEach(() => setClock());

const t = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 60_000;

const account = (followers: number): AccountRecord => ({
  kind: 'account',
  platform: 'x',
  id: '42',
  handle: 'dev',
  name: 'Dev',
  followers,
  followersExact: true,
});

const story = [
  { device: 0, at: t(1), followers: 5 },
  { device: 1, at: t(2), followers: 6 },
  { device: 0, at: t(3), followers: 5 },
];

async function capture(db: CoursePulseDb, c: (typeof story)[number]) {
  setClock(c.at);
  await applyBatch(
    db,
    { batchId: `${c.device}-${c.at}`, records: [account(c.followers)], failures: [] },
    c.at,
  );
}

describe('an account whose followers return to an earlier value', () => {
  for (let cut = 0; cut <= story.length; cut++)
    for (const bFirst of [false, true])
      it(`ends at the latest capture on both devices (sync after ${cut} captures, ${bFirst ? 'B' : 'A'} first)`, async () => {
        const devices = await Promise.all([journaling('dev-a', 'back'), journaling('dev-b', 'back')]);
        const [a, b] = devices;
        for (const c of story.slice(0, cut)) await capture(devices[c.device]!, c);
        const sentA = bFirst ? 0 : await send(a, b);
        const sentB = bFirst ? await send(b, a) : 0;
        for (const c of story.slice(cut)) await capture(devices[c.device]!, c);
        await send(b, a, sentB);
        await send(a, b, sentA);
        const [ta, tb] = await Promise.all([tables(a), tables(b)]);
        expect(ta).toEqual(tb);
        expect(ta.accounts).toMatchObject([{ followers: 5, lastSeenAt: t(3) }]);
        expect(
          accountPoints(ta.accountSnapshots as AccountSnapshot[]).map((p) => [p.at, p.followers]),
        ).toEqual([
          [t(1), 5],
          [t(2), 6],
          [t(3), 5],
        ]);
        await Promise.all([a.delete(), b.delete()]);
      });

  it('a capture without counts keeps when they were last seen, and a backup carries it', async () => {
    const db = await journaling(null, 'back');
    await capture(db, story[0]!);
    const { followers: _f, ...profileOnly } = account(5);
    setClock(t(2));
    await applyBatch(db, { batchId: 'profile', records: [profileOnly], failures: [] }, t(2));
    expect(await db.accounts.toArray()).toMatchObject([
      { followers: 5, countsSeenAt: t(1), lastSeenAt: t(2) },
    ]);
    const parsed = parseBackup((await exportBackupParts(db, new Date(t(3)))).join(''));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const restored = new CoursePulseDb(`back-restored-${Math.random()}`);
    await restored.open();
    await importBackup(restored, parsed);
    expect(await restored.accounts.toArray()).toEqual(await db.accounts.toArray());
    await Promise.all([db.delete(), restored.delete()]);
  });

  it('an account stored before runs keeps its counts’ last sighting in its history, captured again or synced', async () => {
    // As a browser before runs stored it: a change point at t(1), counts last seen at t(3), no runAt.
    const legacy = async (name: string) => {
      const db = await journaling(name, 'legacy');
      await db.accounts.put({
        platform: 'x',
        id: '42',
        handle: 'dev',
        name: 'Dev',
        followers: 5,
        followersExact: true,
        firstSeenAt: t(1),
        lastSeenAt: t(3),
      });
      await db.accountSnapshots.put({ platform: 'x', accountId: '42', at: t(1), followers: 5, exact: true });
      return db;
    };
    const [a, b] = await Promise.all([legacy('dev-a'), legacy('dev-b')]);
    // B saw 6 at t(2), between A's two sightings of 5: the return to 5 is A's sighting at t(3).
    await capture(b, { device: 1, at: t(2), followers: 6 });
    await capture(a, { device: 0, at: t(4), followers: 5 });
    await send(b, a);
    await send(a, b);
    const [ta, tb] = await Promise.all([tables(a), tables(b)]);
    expect(ta).toEqual(tb);
    expect(accountPoints(ta.accountSnapshots as AccountSnapshot[]).map((p) => [p.at, p.followers])).toEqual([
      [t(1), 5],
      [t(2), 6],
      [t(3), 5],
    ]);
    expect(ta.accounts).toMatchObject([{ followers: 5, lastSeenAt: t(4) }]);
    await Promise.all([a.delete(), b.delete()]);
  });
});
