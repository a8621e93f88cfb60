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
import { journaling, send, tables } from './helpers';

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

interface Capture {
  device: 0 | 1;
  at: number;
  id: string;
  likes: number;
  text: string;
}

async function capture(db: CoursePulseDb, c: Capture) {
  setClock(c.at);
  await applyBatch(
    db,
    { batchId: `${c.device}-${c.at}`, records: [comment(c.id, { likes: c.likes }, c.text)], failures: [] },
    c.at,
  );
}

/** Part of the captures, a partial sync in one direction, the rest, then a full exchange. */
async function scenario(all: Capture[], cut: number, bFirst: boolean) {
  const devices = await Promise.all([journaling('dev-a', 'comments'), journaling('dev-b', 'comments')]);
  const [a, b] = devices;
  for (const c of all.slice(0, cut)) await capture(devices[c.device]!, c);
  const sentA = bFirst ? 0 : await send(a, b);
  const sentB = bFirst ? await send(b, a) : 0;
  for (const c of all.slice(cut)) await capture(devices[c.device]!, c);
  if (bFirst) {
    await send(a, b, sentA);
    await send(b, a, sentB);
  } else {
    await send(b, a, sentB);
    await send(a, b, sentA);
  }
  const result = await Promise.all([tables(a), tables(b)]);
  await Promise.all([a.delete(), b.delete()]);
  return result;
}

const story: Capture[] = [
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
    const captures = fc
      .array(
        fc.record({
          device: fc.constantFrom(0 as const, 1 as const),
          id: fc.constantFrom('c1', 'c2'),
          step: fc.integer({ min: 1, max: 3_600_000 }),
          gain: fc.integer({ min: -2, max: 2 }),
          partial: fc.boolean(),
        }),
        { minLength: 1, maxLength: 14 },
      )
      .map((raw) => {
        let at = t(0);
        const likes = new Map<string, number>();
        return raw.map((r): Capture => {
          at += r.step;
          likes.set(r.id, Math.max(0, (likes.get(r.id) ?? 2) + r.gain));
          return {
            device: r.device,
            at,
            id: r.id,
            likes: likes.get(r.id)!,
            text: r.partial ? '' : `text ${r.id}`,
          };
        });
      });
    await fc.assert(
      fc.asyncProperty(captures, fc.integer({ min: 0, max: 13 }), fc.boolean(), async (all, cut, bFirst) => {
        const [ta, tb] = await scenario(all, Math.min(cut, all.length), bFirst);
        expect(ta.comments).toEqual(tb.comments);
        // The latest capture of each comment is its truth.
        for (const id of ['c1', 'c2']) {
          const last = all.filter((c) => c.id === id).at(-1);
          const row = (ta.comments as Array<{ id: string; metrics: { likes?: number } }>).find(
            (c) => c.id === id,
          );
          expect(row?.metrics.likes).toBe(last?.likes);
        }
      }),
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
