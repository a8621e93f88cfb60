import { beforeEach, describe, expect, it } from 'vitest';
import { loadSample } from '../../../lib/db/sample-data';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import { TABLE_NAMES } from '../../../lib/io/backup-schema';
import { generateSample } from '../../../lib/sample';

const NOW = Date.UTC(2026, 10, 27, 12);
let source: CoursePulseDb;
let target: CoursePulseDb;

async function dump(db: CoursePulseDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

beforeEach(async () => {
  source = new CoursePulseDb(`backup-src-${Math.random()}`);
  target = new CoursePulseDb(`backup-dst-${Math.random()}`);
  await loadSample(source, generateSample({ now: NOW, postsPerAccount: 30, snapshotsPerPost: 3 }));
  // Rows the sample does not make: health, rollups, applied batches, an approximate count.
  await applyBatch(
    source,
    {
      batchId: 'batch-backup-1',
      source: 'weibo.m/container/getIndex',
      failures: [{ extractor: 'weibo.dom', reason: 'login wall' }],
      records: [
        {
          kind: 'post',
          platform: 'weibo',
          id: '4645748019299849',
          url: 'https://m.weibo.cn/detail/4645748019299849',
          authorId: '6279793937',
          authorHandle: '明日方舟Arknights',
          authorName: '明日方舟Arknights',
          text: '长文本 #话题#',
          createdAt: '2021-06-08T01:35:04.000Z',
          createdAtApprox: false,
          format: 'image',
          repostOf: null,
          metrics: { reposts: 1_000_000, likes: 12_000 },
          metricsExact: false,
          lowerBounds: ['reposts'],
          links: [],
          hashtags: ['话题'],
        },
      ],
    },
    NOW,
  );
});

describe('backup', () => {
  it('export then import into an empty database reproduces every table exactly', async () => {
    const text = (await exportBackupParts(source, new Date(NOW))).join('');
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await importBackup(target, parsed);
    expect(await dump(target)).toEqual(await dump(source));
    expect((await target.postSnapshots.count()) > 100).toBe(true);
  });

  it('importing the same backup twice changes nothing', async () => {
    const parsed = parseBackup((await exportBackupParts(source, new Date(NOW))).join(''));
    if (!parsed.ok) throw new Error(parsed.reason);
    await importBackup(target, parsed);
    const once = await dump(target);
    await importBackup(target, parsed);
    expect(await dump(target)).toEqual(once);
  });

  const refusals: Array<[string, (text: string) => string, RegExp]> = [
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), /truncated/],
    ['from a newer schema', (t) => t.replace('"schemaVersion":1', '"schemaVersion":99'), /newer/],
    ['not a backup', () => '{"hello":1}', /not a CoursePulse backup/],
    [
      'hand-edited with a negative count',
      (t) => t.replace(/"likes":\d+/, '"likes":-5'),
      /posts row \d+: metrics\.likes/,
    ],
    [
      'hand-edited with an unknown table',
      (t) => t.replace('"tables":{', '"tables":{"evil":[],'),
      /unknown table/,
    ],
    [
      'hand-edited with a script URL',
      (t) => t.replace(/"url":"https:\/\/x\.com/, '"url":"javascript:alert(1)//'),
      /url/,
    ],
  ];
  for (const [name, damage, reason] of refusals) {
    it(`refuses a backup ${name} with a clear message and changes nothing`, async () => {
      const text = damage((await exportBackupParts(source, new Date(NOW))).join(''));
      const before = await dump(target);
      const parsed = parseBackup(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
      expect(await dump(target)).toEqual(before);
    });
  }
});

describe('sample data', () => {
  it('adds its share to the daily rollups and takes exactly that back when cleared', async () => {
    const { clearSample } = await import('../../../lib/db/sample-data');
    const rollups = await source.dailyRollups.toArray();
    expect(rollups.reduce((n, r) => n + r.snapshots, 0)).toBeGreaterThan(100);
    await clearSample(source);
    // Only the captured Weibo post's rollup (written by applyBatch in beforeEach) is left.
    const left = await source.dailyRollups.toArray();
    expect(left.reduce((n, r) => n + r.snapshots, 0)).toBe(1);
    expect(await source.posts.count()).toBe(1);
    expect(await source.settings.get('sample.rollups')).toBeUndefined();
  });
});
