/**
 * Backups carry a post's runs of counts (lib/db/runs.ts), the history's source of truth: a restore
 * into another browser that holds the same post unites the two histories, including a return to an
 * earlier value; a backup made before runs existed (schema 10) makes them from its snapshots.
 * Synthetic post records (labelled: not captures).
 */
import { describe, expect, it } from 'vitest';
import { observationsOf } from '../../../lib/db/history';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { csvPagesOf, exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import { csvChunk } from '../../../lib/io/csv';
import { syntheticPost } from '../db/synthetic';

const NOW = Date.parse('2026-12-02T00:00:00Z');

async function profile(captures: Array<[number, number]>) {
  const db = new CoursePulseDb(`backup-runs-${Math.random()}`);
  for (const [at, likes] of captures)
    await applyBatch(
      db,
      { batchId: `b${at}`, records: [syntheticPost('1', { metrics: { likes } })], failures: [] },
      at,
    );
  return db;
}

async function history(db: CoursePulseDb) {
  const post = (await db.posts.get(['x', '1']))!;
  return observationsOf(post, await db.postSnapshots.toArray()).map((o) => [o.at, o.m.likes]);
}

async function backupOf(db: CoursePulseDb, withoutRuns = false) {
  const doc = JSON.parse((await exportBackupParts(db, new Date(NOW))).join(''));
  if (withoutRuns) {
    delete doc.tables.postRuns;
    doc.schemaVersion = 10;
  }
  const parsed = parseBackup(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

describe('backups of post histories as runs', () => {
  for (const withoutRuns of [false, true])
    it(`a restore unites a return to an earlier value with this browser's history (${withoutRuns ? 'a schema 10 backup, without runs' : 'runs in the backup'})`, async () => {
      // Profile A saw 5 likes at 1000 and again at 3000; profile B saw 6 at 2000.
      const [a, b] = await Promise.all([
        profile([
          [1000, 5],
          [3000, 5],
        ]),
        profile([[2000, 6]]),
      ]);
      await importBackup(b, await backupOf(a, withoutRuns));
      await importBackup(a, await backupOf(b, withoutRuns));
      for (const db of [a, b]) {
        expect(await history(db)).toEqual([
          [1000, 5],
          [2000, 6],
          [3000, 5],
        ]);
        expect(await db.posts.get(['x', '1'])).toMatchObject({ metrics: { likes: 5 }, lastSeenAt: 3000 });
      }
      // With runs in both backups, both browsers hold the same runs too (a schema 10 backup's are
      // made from its snapshots, which say less: the same history, other runs).
      if (!withoutRuns) {
        expect(await a.postRuns.toArray()).toEqual(await b.postRuns.toArray());
        expect(await a.posts.toArray()).toEqual(await b.posts.toArray());
      }
      await Promise.all([a.delete(), b.delete()]);
    });

  it('the runs CSV holds every run, the one a post holds open among them, with every sighting', async () => {
    const db = await profile([
      [Date.parse('2026-12-01T10:00:00Z'), 5],
      [Date.parse('2026-12-01T11:00:00Z'), 7],
      [Date.parse('2026-12-01T11:30:00Z'), 7],
      [Date.parse('2026-12-01T11:45:00Z'), 7],
      [Date.parse('2026-12-01T12:00:00Z'), 7],
    ]);
    const rows: unknown[] = [];
    for await (const page of csvPagesOf(db, 'postRuns')) rows.push(...page);
    const lines = csvChunk('postRuns', rows, true).trim().split('\r\n');
    expect(lines[0]).toMatch(/^platform,post_id,first_seen_at,last_seen_at,seen_between,.*likes/);
    const at = (line: string) => line.split(',').slice(2, 5);
    expect(lines.slice(1).map(at)).toEqual([
      ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z', ''],
      [
        '2026-12-01T11:00:00.000Z',
        '2026-12-01T12:00:00.000Z',
        '2026-12-01T11:30:00.000Z 2026-12-01T11:45:00.000Z',
      ],
    ]);
    // Only the closed run is a row: the open one lives on the post.
    expect(await db.postRuns.count()).toBe(1);
    await db.delete();
  });
});
