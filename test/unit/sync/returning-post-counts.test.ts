/**
 * A post's counts that return to an earlier value across two devices: likes 5 on A, 6 on B, then 5
 * again on A (A's last capture repeats its counts, so it only extends A's run of 5). The truth is 5,
 * the latest capture, with the history 5, 6, 5 at the three captures, whatever the order of sync;
 * the runs (lib/db/runs.ts) keep A's last sighting, which change points alone would lose.
 * Synthetic post records (labelled: not captures), as the write-path tests use.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { observationsOf } from '../../../lib/db/history';
import type { PostSnapshot, StoredPost } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { syntheticPost } from '../db/synthetic';
import { capturePost, exchange, journaling, type LikesCapture, tables } from './helpers';

afterEach(() => setClock());

const t = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 60_000;

const story: LikesCapture[] = [
  { device: 0, at: t(1), id: '1', likes: 5, text: 'post 1' },
  { device: 1, at: t(2), id: '1', likes: 6, text: 'post 1' },
  { device: 0, at: t(3), id: '1', likes: 5, text: 'post 1' },
];

/** The post's history as every reader sees it (lib/db/history.ts). */
const history = (posts: unknown[], snapshots: unknown[]) =>
  observationsOf(posts[0] as StoredPost, snapshots as PostSnapshot[]).map((o) => [o.at, o.m.likes]);

describe('a post whose likes return to an earlier value', () => {
  for (let cut = 0; cut <= story.length; cut++)
    for (const bFirst of [false, true])
      it(`ends at the latest capture with every change on both devices (sync after ${cut} captures, ${bFirst ? 'B' : 'A'} first)`, async () => {
        const [a, b] = await Promise.all([
          journaling('dev-a', 'post-back'),
          journaling('dev-b', 'post-back'),
        ]);
        await exchange([a, b], story, cut, bFirst, capturePost);
        const [ta, tb] = await Promise.all([tables(a), tables(b)]);
        await Promise.all([a.delete(), b.delete()]);
        expect(ta).toEqual(tb);
        expect(ta.posts).toMatchObject([{ metrics: { likes: 5 }, metricsAt: t(3), lastSeenAt: t(3) }]);
        expect(history(ta.posts!, ta.postSnapshots!)).toEqual([
          [t(1), 5],
          [t(2), 6],
          [t(3), 5],
        ]);
      });

  it('a capture without counts (a quoted stub) neither extends the run nor changes the history', async () => {
    const [a, b] = await Promise.all([journaling('dev-a', 'post-stub'), journaling('dev-b', 'post-stub')]);
    await capturePost(a, story[0]!);
    await capturePost(b, story[1]!);
    setClock(t(3));
    await applyBatch(
      a,
      { batchId: 'stub', records: [syntheticPost('1', { metrics: {} })], failures: [] },
      t(3),
    );
    await exchange([a, b], [], 0, false, capturePost);
    const [ta, tb] = await Promise.all([tables(a), tables(b)]);
    await Promise.all([a.delete(), b.delete()]);
    expect(ta).toEqual(tb);
    expect(ta.posts).toMatchObject([{ metrics: { likes: 6 }, countsSeenAt: t(2), lastSeenAt: t(3) }]);
    expect(history(ta.posts!, ta.postSnapshots!)).toEqual([
      [t(1), 5],
      [t(2), 6],
    ]);
  });
});
