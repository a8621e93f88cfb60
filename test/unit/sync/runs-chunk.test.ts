/**
 * A post's runs of counts (lib/db/runs.ts) arriving from the server pass the same checks as every
 * synced row: a well-formed run is taken, a malformed or hostile one refuses its chunk; and a
 * browser not yet updated, which syncs snapshots, is still understood (each snapshot a run seen once).
 * Synthetic rows (labelled: not captures).
 */
import { describe, expect, it } from 'vitest';
import { MAX_RUN_SEEN } from '../../../lib/db/runs';
import { buildChunk, checkChunk } from '../../../lib/sync/chunk';
import { syntheticPost } from '../db/synthetic';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const device = { id: 'runs0000device', name: 'Laptop', user: 'ana' };
const run = { platform: 'x', postId: '1790000000000000001', at: T0, last: T0 + 60_000, m: { likes: 5 } };

/** A stored post row holding its open run's sightings between. */
function storedPost(runSeen: number[]) {
  const { kind: _kind, ...record } = syntheticPost('1790000000000000003');
  return { ...record, approx: [], metricsAt: T0 - 30_000, firstSeenAt: T0 - 30_000, lastSeenAt: T0, runSeen };
}

const check = async (entries: unknown[]) =>
  checkChunk({ ...(await buildChunk(device, 1, entries as never, T0, null)) }, null, T0 + 120_000);

describe('runs in sync chunks', () => {
  it('takes a well-formed run', async () => {
    const checked = await check([{ t: 'postRuns', op: 'put', at: T0, row: run }]);
    expect(checked).toMatchObject({ ok: true, entries: [{ t: 'postRuns', row: run }] });
  });

  it('takes a run with its sightings between, and a post holding them', async () => {
    const seen = { ...run, seen: [T0 + 10_000, T0 + 20_000] };
    const post = {
      t: 'posts',
      op: 'put',
      at: T0,
      row: storedPost([T0 - 20_000, T0 - 10_000]),
    };
    const checked = await check([{ t: 'postRuns', op: 'put', at: T0, row: seen }, post]);
    expect(checked).toMatchObject({ ok: true, entries: [{ row: seen }, { row: post.row }] });
  });

  for (const [what, row] of [
    ['last seen before first seen', { ...run, last: T0 - 1 }],
    ['an unknown field', { ...run, device: 'x' }],
    ['a negative count', { ...run, m: { likes: -1 } }],
    ['no counts object', { ...run, m: undefined }],
    ['seen in the future (a wrong clock)', { ...run, last: T0 + 400 * 24 * 3_600_000 }],
    ['sightings between out of order', { ...run, seen: [T0 + 20_000, T0 + 10_000] }],
    ['a sighting between after its last', { ...run, seen: [T0 + 10_000, T0 + 60_000] }],
    ['a sighting between before its first', { ...run, seen: [T0] }],
    ['sightings between but no last', { ...run, last: undefined, seen: [T0 + 1] }],
    ['an empty list of sightings between', { ...run, seen: [] }],
    [
      'more sightings between than devices add',
      {
        ...run,
        last: T0 + 10_000_000,
        seen: Array.from({ length: 64 * MAX_RUN_SEEN + 1 }, (_, i) => T0 + i + 1),
      },
    ],
  ] as const)
    it(`refuses a run with ${what}`, async () => {
      const checked = await check([
        { t: 'postRuns', op: 'put', at: T0, row: { ...run, postId: '1790000000000000002' } },
        { t: 'postRuns', op: 'put', at: T0, row },
      ]);
      expect(checked.ok).toBe(false);
    });

  it('refuses a post holding a sighting in the future', async () => {
    const post = storedPost([T0 + 400 * 24 * 3_600_000]);
    expect((await check([{ t: 'posts', op: 'put', at: T0, row: post }])).ok).toBe(false);
  });

  it('reads an older browser’s snapshot as a run seen once', async () => {
    const snapshot = { platform: 'x', postId: '1790000000000000001', at: T0, m: { likes: 5 } };
    const checked = await check([{ t: 'postSnapshots', op: 'put', at: T0, row: snapshot }]);
    expect(checked).toMatchObject({
      ok: true,
      entries: [{ t: 'postRuns', op: 'put', at: T0, row: snapshot }],
    });
    const future = { ...snapshot, at: T0 + 400 * 24 * 3_600_000 };
    expect((await check([{ t: 'postSnapshots', op: 'put', at: T0, row: future }])).ok).toBe(false);
  });
});
