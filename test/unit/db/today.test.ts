import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setClock } from '../../../lib/clock';
import { CoursePulseDb } from '../../../lib/db/schema';
import { publishedToday, readToday, todayPublisher, todayTotals } from '../../../lib/db/today';
import { applyBatch } from '../../../lib/db/write';
import { localDay } from '../../../lib/metrics/time';
import type { PostRecord } from '../../../lib/records';
import { syntheticPost } from './synthetic';

// Synthetic records: only the rollups they feed matter here.
const post = (platform: PostRecord['platform'], id: string, likes: number): PostRecord =>
  syntheticPost(id, { platform, text: '', createdAt: null, metrics: { likes } });

const NOW = new Date(2026, 10, 27, 12).getTime();
let db: CoursePulseDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new CoursePulseDb(`today-${Math.random()}`);
  await db.open();
  // The publisher reads the time of day from the clock: pin it to NOW's day.
  setClock(NOW);
});
afterEach(() => setClock());

describe("today's totals", () => {
  it('sum every platform of the day and nothing of another day', () => {
    const day = '2026-11-27';
    const rollup = (platform: 'x' | 'weibo', d: string, n: number) => ({
      platform,
      day: d,
      newPosts: n,
      snapshots: 2 * n,
      engagementGain: 3 * n,
      viewGain: 0,
    });
    expect(
      todayTotals(day, [
        rollup('x', day, 1),
        undefined,
        rollup('weibo', day, 10),
        rollup('x', '2026-11-26', 100),
      ]),
    ).toEqual({ day, newPosts: 11, snapshots: 22, engagementGain: 33 });
    expect(todayTotals(day, [])).toEqual({ day, newPosts: 0, snapshots: 0, engagementGain: 0 });
  });

  it('are published as the rollups hold them, and only for their own day', async () => {
    await applyBatch(
      db,
      { batchId: 'batch-0001', records: [post('x', '1', 5), post('weibo', '2', 1)], failures: [] },
      NOW,
    );
    await applyBatch(db, { batchId: 'batch-0002', records: [post('x', '1', 7)], failures: [] }, NOW + 1000);
    const publish = todayPublisher(db);
    // Publications overlap here as a burst of batches would make them; the last read wins.
    const burst = [publish(), publish()];
    await applyBatch(db, { batchId: 'batch-0003', records: [post('x', '3', 1)], failures: [] }, NOW + 2000);
    await Promise.all([...burst, publish()]);
    const live = await readToday(db, NOW);
    expect(live).toEqual({ day: localDay(NOW), newPosts: 3, snapshots: 4, engagementGain: 2 });
    expect(await publishedToday(NOW)).toEqual(live);
    expect(await publishedToday(NOW + 24 * 3600_000)).toBeUndefined();
  });

  it('are published once for a burst of writes that arrives while a publication waits', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const publish = todayPublisher(db);
    await Promise.all(Array.from({ length: 20 }, () => publish()));
    expect(set).toHaveBeenCalledTimes(1);
    await applyBatch(db, { batchId: 'batch-0001', records: [post('x', '1', 5)], failures: [] }, NOW);
    await publish();
    expect(set).toHaveBeenCalledTimes(2);
    expect((await publishedToday(NOW))?.newPosts).toBe(1);
  });

  it('are not published before anything is (a fresh browser session)', async () => {
    expect(await publishedToday(NOW)).toBeUndefined();
  });
});
