/**
 * A comment's counts that return to an earlier value across two devices: likes 5 on A, 6 on B, then
 * 5 again on A (A's last capture repeats its counts). Comments keep their latest counts only, so the
 * truth is 5, the latest capture, whatever the order of sync; and with likes rising and falling over
 * many captures, the two devices end with the same comments in any order of sync.
 * Synthetic comment records (labelled: not captures), as the write-path tests use.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import type { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import type { CommentRecord } from '../../../lib/records';
import { exchange, journaling, type LikesCapture, likesCaptures, tables } from './helpers';

afterEach(() => setClock());

const t = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 60_000;

const comment = (
  id: string,
  metrics: CommentRecord['metrics'],
  text = 'how do I install it?',
): CommentRecord => ({
  kind: 'comment',
  platform: 'weibo',
  id,
  postId: 'p1',
  parentId: null,
  authorId: 'u1',
  authorHandle: 'h1',
  authorName: 'n1',
  text,
  createdAt: '2026-11-30T12:00:00.000Z',
  createdAtApprox: false,
  metrics,
  metricsExact: true,
});

async function capture(db: CoursePulseDb, c: LikesCapture) {
  setClock(c.at);
  await applyBatch(
    db,
    { batchId: `${c.device}-${c.at}`, records: [comment(c.id, { likes: c.likes }, c.text)], failures: [] },
    c.at,
  );
}

async function scenario(all: LikesCapture[], cut: number, bFirst: boolean) {
  const [a, b] = await Promise.all([journaling('dev-a', 'comments'), journaling('dev-b', 'comments')]);
  await exchange([a, b], all, cut, bFirst, capture);
  const result = await Promise.all([tables(a), tables(b)]);
  await Promise.all([a.delete(), b.delete()]);
  return result;
}

const story: LikesCapture[] = [
  { device: 0, at: t(1), id: 'c1', likes: 5, text: 'how do I install it?' },
  { device: 1, at: t(2), id: 'c1', likes: 6, text: 'how do I install it?' },
  { device: 0, at: t(3), id: 'c1', likes: 5, text: 'how do I install it?' },
];

describe('a comment whose likes return to an earlier value', () => {
  for (let cut = 0; cut <= story.length; cut++)
    for (const bFirst of [false, true])
      it(`ends at the latest capture on both devices (sync after ${cut} captures, ${bFirst ? 'B' : 'A'} first)`, async () => {
        const [ta, tb] = await scenario(story, cut, bFirst);
        expect(ta).toEqual(tb);
        expect(ta.comments).toMatchObject([{ metrics: { likes: 5 }, lastSeenAt: t(3) }]);
      });

  it('two devices agree on every comment when likes rise and fall, in any order of sync', async () => {
    await fc.assert(
      fc.asyncProperty(
        likesCaptures(['c1', 'c2'], { min: -2, max: 2 }),
        fc.integer({ min: 0, max: 13 }),
        fc.boolean(),
        async (all, cut, bFirst) => {
          const [ta, tb] = await scenario(all, cut, bFirst);
          expect(ta.comments).toEqual(tb.comments);
          // The latest capture of each comment is its truth.
          for (const id of ['c1', 'c2']) {
            const last = all.filter((c) => c.id === id).at(-1);
            const row = (ta.comments as Array<{ id: string; metrics: { likes?: number } }>).find(
              (c) => c.id === id,
            );
            expect(row?.metrics.likes).toBe(last?.likes);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);

  it('a capture without counts keeps when they were last seen, and a backup carries it', async () => {
    const db = await journaling(null, 'comments');
    await capture(db, story[0]!);
    setClock(t(2));
    await applyBatch(db, { batchId: 'no-counts', records: [comment('c1', {})], failures: [] }, t(2));
    expect(await db.comments.toArray()).toMatchObject([
      { metrics: { likes: 5 }, countsSeenAt: t(1), lastSeenAt: t(2) },
    ]);
    const parsed = parseBackup((await exportBackupParts(db, new Date(t(3)))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    const restored = await journaling(null, 'comments-restored');
    await importBackup(restored, parsed);
    expect(await restored.comments.toArray()).toEqual(await db.comments.toArray());
    await Promise.all([db.delete(), restored.delete()]);
  });
});
