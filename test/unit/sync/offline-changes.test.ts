/**
 * Changes made while sync is off reach the other devices on reconnect: a deleted post (with its
 * comments), deleted items (a campaign, a tracked link) and a user field set then (an account marked
 * `mine`). Deleted rows are absent from the tables, so seeding alone would not send them, and the
 * server's older copies would come back with the next pull.
 * Real X captures through the real extractor; the comments under the post are synthetic (labelled).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { deletePost } from '../../../lib/db/delete';
import type { CoursePulseDb } from '../../../lib/db/schema';
import type { CommentRecord, PostRecord } from '../../../lib/records';
import { disconnectSync } from '../../../lib/sync/engine';
import {
  CAMPAIGN,
  campaignNamed,
  capture,
  connect,
  device,
  HOUR,
  idle,
  T0,
  tables,
  xTweets,
} from './helpers';
import { MemoryRemote } from './memory-remote';

afterEach(() => setClock());

const records = xTweets(T0);
const post = records.find((r): r is PostRecord => r.kind === 'post')!;
const author: [PostRecord['platform'], string] = [post.platform, post.authorId];

/** Synthetic replies under the post (labelled: not captures). */
const comments = (['c1', 'c2'] as const).map(
  (id): CommentRecord => ({
    kind: 'comment',
    platform: post.platform,
    id,
    postId: post.id,
    parentId: null,
    authorId: 'u1',
    authorHandle: 'h1',
    authorName: 'n1',
    text: `reply ${id}`,
    createdAt: '2026-11-30T12:00:00.000Z',
    createdAtApprox: false,
    metrics: { likes: 1 },
    metricsExact: true,
  }),
);

const campaign = campaignNamed('Launch');
const link = {
  code: 'xp-7f3k',
  courseUrl: 'https://courses.example/rust',
  platform: 'x' as const,
  campaign: 'launch',
  createdAt: T0,
};

/**
 * A and B connected at T0 with A's captures, items and B's marking of the author as a competitor
 * synced to both; then A disconnects at T0 + 1 h and `change` runs at T0 + 2 h (or, `unpushed`, on
 * A just before the Disconnect, left unpushed); A reconnects at T0 + 3 h and both sync, A first or B
 * first.
 */
async function reconnected(
  change: (a: CoursePulseDb, b: CoursePulseDb) => Promise<void>,
  aFirst: boolean,
  unpushed = false,
) {
  const remote = new MemoryRemote();
  const [a, b] = await Promise.all([device('a'), device('b')]);
  setClock(T0);
  await connect(a, remote);
  await connect(b, remote, { deviceName: 'Desktop' });
  await capture(a, [...records, ...comments], T0);
  await a.campaigns.put(campaign);
  await a.trackedLinks.put(link);
  await idle(a, remote);
  await idle(b, remote);
  setClock(T0 + HOUR / 2);
  await b.accounts.update(author, { role: 'competitor' });
  await idle(b, remote);
  await idle(a, remote);
  setClock(T0 + HOUR);
  if (unpushed) await change(a, b);
  await disconnectSync(a);
  setClock(T0 + 2 * HOUR);
  if (!unpushed) await change(a, b);
  setClock(T0 + 3 * HOUR);
  await connect(a, remote);
  const order = aFirst ? [a, b, a, b] : [b, a, b, a];
  for (const db of order) await idle(db, remote);
  return { a, b };
}

describe('changes made while sync is off, sent on reconnect', () => {
  it.each([true, false])(
    'a post deleted with its comments stays deleted on both (A first: %s)',
    async (aFirst) => {
      const { a, b } = await reconnected((a) => deletePost(a, post.platform, post.id), aFirst);
      for (const db of [a, b]) {
        expect(await db.posts.get([post.platform, post.id])).toBeUndefined();
        expect(await db.comments.where('[platform+postId]').equals([post.platform, post.id]).count()).toBe(0);
        expect(await db.posts.count()).toBe(records.filter((r) => r.kind === 'post').length - 1);
      }
      expect(await tables(a)).toEqual(await tables(b));
    },
    60_000,
  );

  it.each([true, false])(
    'a campaign and a tracked link deleted stay deleted on both (A first: %s)',
    async (aFirst) => {
      const { a, b } = await reconnected(async (a) => {
        await a.campaigns.delete(CAMPAIGN);
        await a.trackedLinks.delete(link.code);
      }, aFirst);
      for (const db of [a, b]) {
        expect(await db.campaigns.get(CAMPAIGN)).toBeUndefined();
        expect(await db.trackedLinks.get(link.code)).toBeUndefined();
      }
      expect(await tables(a)).toEqual(await tables(b));
    },
    60_000,
  );

  it.each([true, false])(
    'an account marked mine keeps its role on both (A first: %s)',
    async (aFirst) => {
      const { a, b } = await reconnected(async (a) => {
        await a.accounts.update(author, { role: 'mine', ownerAnswer: 'mine' });
      }, aFirst);
      for (const db of [a, b]) {
        expect((await db.accounts.get(author))?.role).toBe('mine');
        expect((await db.accounts.get(author))?.ownerAnswer).toBe('mine');
      }
      expect(await tables(a)).toEqual(await tables(b));
    },
    60_000,
  );

  it.each([true, false])(
    'a newer edit of another field on the other device wins that field only (A first: %s)',
    async (aFirst) => {
      const { a, b } = await reconnected(async (a, b) => {
        await a.accounts.update(author, { role: 'mine', ownerAnswer: 'mine' });
        setClock(T0 + 2.5 * HOUR);
        await b.accounts.update(author, { ownerAnswer: 'not-mine' });
      }, aFirst);
      for (const db of [a, b]) {
        expect((await db.accounts.get(author))?.role).toBe('mine');
        expect((await db.accounts.get(author))?.ownerAnswer).toBe('not-mine');
      }
      expect(await tables(a)).toEqual(await tables(b));
    },
    60_000,
  );

  it.each([true, false])(
    'changes made while connected but not pushed before Disconnect are sent on reconnect (A first: %s)',
    async (aFirst) => {
      const { a, b } = await reconnected(
        async (a) => {
          await deletePost(a, post.platform, post.id);
          await a.campaigns.delete(CAMPAIGN);
          await a.accounts.update(author, { role: 'mine' });
        },
        aFirst,
        true,
      );
      for (const db of [a, b]) {
        expect(await db.posts.get([post.platform, post.id])).toBeUndefined();
        expect(await db.comments.where('[platform+postId]').equals([post.platform, post.id]).count()).toBe(0);
        expect(await db.campaigns.get(CAMPAIGN)).toBeUndefined();
        expect((await db.accounts.get(author))?.role).toBe('mine');
      }
      expect(await tables(a)).toEqual(await tables(b));
    },
    60_000,
  );

  it('keeps deletions and field edits made while off without journaling, and nothing for captures', async () => {
    const [a] = await Promise.all([device('off')]);
    await capture(a, [...records, ...comments], T0);
    expect(await a.syncTombstones.count()).toBe(0);
    expect(await a.syncVersions.count()).toBe(0);
    setClock(T0 + HOUR);
    await a.accounts.update(author, { role: 'mine' });
    await deletePost(a, post.platform, post.id);
    expect(await a.syncJournal.count()).toBe(0);
    expect((await a.syncTombstones.toArray()).map((t) => t.id).sort()).toEqual(
      [
        `posts|${JSON.stringify([post.platform, post.id])}`,
        ...comments.map((c) => `comments|${JSON.stringify([c.platform, c.id])}`),
      ].sort(),
    );
    expect(await a.syncVersions.toArray()).toEqual([
      { id: `accounts|${JSON.stringify(author)}|role`, at: T0 + HOUR, device: '', value: 'mine' },
    ]);
  });
});
