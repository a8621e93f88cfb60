import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CoursePulseDb, SCHEMA_HISTORY, SCHEMA_VERSION } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { TABLE_NAMES, TABLE_SCHEMAS } from '../../../lib/io/backup-schema';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureJson } from '../fixtures';

/** Real captured data, through the real extractors: X, Weibo and YouTube. */
function realRecords() {
  const now = new Date('2026-11-27T12:00:00Z');
  const take = (site: keyof typeof ADAPTERS, path: string, url: string) =>
    ADAPTERS[site].extractJson(ADAPTERS[site].endpointOf(url)!, fixtureJson(path), { url, now }).records;
  return [
    ...take(
      'x',
      'twitter/vladkens__twscrape/raw_user_tweets.json',
      'https://x.com/i/api/graphql/a/UserTweets',
    ),
    ...take(
      'weibo',
      'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json',
      'https://m.weibo.cn/api/container/getIndex?containerid=1',
    ),
    ...take(
      'youtube',
      'youtube/iv-org__mocks/regular_mrbeast.player.json',
      'https://www.youtube.com/youtubei/v1/player',
    ),
  ];
}

/** A database frozen at `version`: only the stores (and upgrades) that existed then. */
class DbAtVersion extends Dexie {
  constructor(name: string, version: number) {
    super(name);
    for (const step of SCHEMA_HISTORY.filter((s) => s.version <= version)) {
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

describe('schema versions', () => {
  it('are numbered 1, 2, … with the current one last', () => {
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual(SCHEMA_HISTORY.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(SCHEMA_HISTORY.length);
  });

  for (const { version } of SCHEMA_HISTORY) {
    it(`upgrade real captured data from version ${version} to the current version (${SCHEMA_VERSION})`, async () => {
      const name = `migrate-from-${version}-${Math.random()}`;
      // Written by the code of that version: the write path of today stands in for version 1, the only
      // one so far; when version 2 lands, version 1's rows are kept here as a frozen fixture.
      const old = new DbAtVersion(name, version);
      await applyBatch(
        old as unknown as CoursePulseDb,
        { batchId: 'migration-seed', records: realRecords(), failures: [] },
        Date.parse('2026-11-27T12:00:00Z'),
      );
      const before = Object.fromEntries(
        await Promise.all(TABLE_NAMES.map(async (t) => [t, await old.table(t).count()])),
      );
      old.close();

      const current = new CoursePulseDb(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSION);
      for (const table of TABLE_NAMES) {
        const rows = await current.table(table).toArray();
        expect(rows.length, table).toBe(before[table]);
        for (const row of rows)
          expect(TABLE_SCHEMAS[table].safeParse(row).success, `${table} ${JSON.stringify(row)}`).toBe(true);
      }
      expect(await current.posts.count()).toBeGreaterThan(50);
      current.close();
    });
  }
});
