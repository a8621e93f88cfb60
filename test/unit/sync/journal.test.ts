import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { deletePost } from '../../../lib/db/delete';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { syntheticPost } from '../db/synthetic';

let db: CoursePulseDb;
beforeEach(async () => {
  db = new CoursePulseDb(`journal-${Math.random()}`);
  await db.open();
  setClock(Date.parse('2026-12-01T10:00:00Z'));
});
afterEach(() => setClock());

const capture = (id: string, likes: number, at: number) =>
  applyBatch(
    db,
    { batchId: `${id}-${at}`, records: [syntheticPost(id, { metrics: { likes } })], failures: [] },
    at,
  );

/** A campaign row as the Campaigns view adds it. */
const campaign = (name: string) => ({
  name,
  platforms: [],
  start: '2026-12-01',
  end: '2026-12-02',
  cost: null,
  counts: {},
  postIds: [],
  createdAt: 1,
});

describe('the sync journal', () => {
  it('records nothing while sync is off', async () => {
    await capture('1', 5, 1000);
    expect(await db.syncJournal.count()).toBe(0);
  });

  it('keeps the user items’ versions while sync is off, so a later Connect offers them as edited', async () => {
    const id = await db.campaigns.add(campaign('c'));
    await db.settings.put({ key: 'theme', value: 'dark' });
    setClock(Date.parse('2026-12-01T11:00:00Z'));
    await db.campaigns.delete(id);
    await capture('1', 5, 1000);
    expect(await db.syncJournal.count()).toBe(0);
    expect(await db.syncTombstones.count()).toBe(0);
    expect(await db.syncVersions.toArray()).toEqual([
      { id: `campaigns|${id}`, at: Date.parse('2026-12-01T11:00:00Z'), device: '', deleted: true },
      { id: 'settings|"theme"', at: Date.parse('2026-12-01T10:00:00Z'), device: '' },
    ]);
  });

  it('records each write of a synced table in its transaction, and nothing of derived tables', async () => {
    db.journal.device = 'dev-a';
    await capture('1', 5, 1000);
    await capture('1', 7, 2000);
    const entries = await db.syncJournal.toArray();
    // Each capture's post, which holds its open run of counts, and the run the changed counts closed
    // (lib/db/runs.ts); not the snapshots derived from them.
    expect(entries.map((e) => `${e.op} ${e.t}`)).toEqual(['put posts', 'put posts', 'put postRuns']);
    expect(entries[0]).toMatchObject({ op: 'put', row: { id: '1', metricsAt: 1000, metrics: { likes: 5 } } });
    expect(entries[1]).toMatchObject({ op: 'put', row: { id: '1', metricsAt: 2000, metrics: { likes: 7 } } });
    expect(entries[2]).toMatchObject({ op: 'put', row: { postId: '1', at: 1000, m: { likes: 5 } } });
    expect(await db.postSnapshots.count()).toBe(1);
    expect(entries.every((e) => e.at === Date.parse('2026-12-01T10:00:00Z'))).toBe(true);
  });

  it('records a user edit of an observed row as an edit with its version', async () => {
    await applyBatch(
      db,
      {
        batchId: 'acc',
        records: [
          { kind: 'account', platform: 'x', id: '42', handle: 'dev', name: 'Dev', followersExact: false },
        ],
        failures: [],
      },
      1000,
    );
    db.journal.device = 'dev-a';
    await db.accounts.update(['x', '42'], { role: 'mine' });
    const edits = (await db.syncJournal.toArray()).filter((e) => e.op === 'edit');
    expect(edits).toEqual([
      expect.objectContaining({ t: 'accounts', key: ['x', '42'], fields: { role: 'mine' } }),
    ]);
    expect(await db.syncVersions.get('accounts|["x","42"]|role')).toMatchObject({
      device: 'dev-a',
      value: 'mine',
    });
  });

  it('records a deletion with a tombstone, and an item deletion as a version', async () => {
    await capture('1', 5, 1000);
    const id = await db.campaigns.add(campaign('c'));
    db.journal.device = 'dev-a';
    await deletePost(db, 'x', '1');
    await db.campaigns.delete(id);
    const entries = await db.syncJournal.toArray();
    expect(entries.map((e) => `${e.op} ${e.t}`)).toEqual(['del posts', 'del campaigns']);
    expect(await db.syncTombstones.get('posts|["x","1"]')).toMatchObject({
      at: Date.parse('2026-12-01T10:00:00Z'),
    });
    expect(await db.syncVersions.get(`campaigns|${id}`)).toMatchObject({ deleted: true, device: 'dev-a' });
  });

  it('keeps sample data and device settings on the device', async () => {
    db.journal.device = 'dev-a';
    await db.settings.put({ key: 'sync.server', value: 'https://couch.example' });
    await db.settings.put({ key: 'theme', value: 'dark' });
    await db.campaigns.add({ ...campaign('s'), sample: true });
    const entries = await db.syncJournal.toArray();
    expect(entries).toEqual([
      expect.objectContaining({ op: 'put', t: 'settings', row: { key: 'theme', value: 'dark' } }),
    ]);
  });
});
