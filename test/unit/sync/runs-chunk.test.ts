/**
 * A post's runs of counts (lib/db/runs.ts) arriving from the server pass the same checks as every
 * synced row: a well-formed run is taken, a malformed or hostile one refuses its chunk; and a
 * browser not yet updated, which syncs snapshots, is still understood (each snapshot a run seen once).
 * Synthetic rows (labelled: not captures).
 */
import { describe, expect, it } from 'vitest';
import { buildChunk, checkChunk } from '../../../lib/sync/chunk';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const device = { id: 'runs0000device', name: 'Laptop', user: 'ana' };
const run = { platform: 'x', postId: '1790000000000000001', at: T0, last: T0 + 60_000, m: { likes: 5 } };

const check = async (entries: unknown[]) =>
  checkChunk({ ...(await buildChunk(device, 1, entries as never, T0, null)) }, null, T0 + 120_000);

describe('runs in sync chunks', () => {
  it('takes a well-formed run', async () => {
    const checked = await check([{ t: 'postRuns', op: 'put', at: T0, row: run }]);
    expect(checked).toMatchObject({ ok: true, entries: [{ t: 'postRuns', row: run }] });
  });

  for (const [what, row] of [
    ['last seen before first seen', { ...run, last: T0 - 1 }],
    ['an unknown field', { ...run, device: 'x' }],
    ['a negative count', { ...run, m: { likes: -1 } }],
    ['no counts object', { ...run, m: undefined }],
    ['seen in the future (a wrong clock)', { ...run, last: T0 + 400 * 24 * 3_600_000 }],
  ] as const)
    it(`refuses a run with ${what}`, async () => {
      const checked = await check([
        { t: 'postRuns', op: 'put', at: T0, row: { ...run, postId: '1790000000000000002' } },
        { t: 'postRuns', op: 'put', at: T0, row },
      ]);
      expect(checked.ok).toBe(false);
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
