import { Dexie } from 'dexie';
import { now } from '../clock';
import { PLATFORMS, type Platform } from '../record-keys';
import { generateSample, SAMPLE_PREFIX, type SampleData } from '../sample';
import { applyAuthorDeltas, authorDeltas, recountAuthors } from './author-totals';
import { runsOfHistories } from './runs';
import { combine, rollupsOf } from './sample-rollups';
import type { CoursePulseDb, DailyRollup } from './schema';
import { settleAccounts, settleCourses } from './settle';

/** Writes generated sample data (replacing an earlier sample), in one transaction. */
export async function loadSample(
  db: CoursePulseDb,
  data: SampleData = generateSample({ now: now() }),
): Promise<void> {
  await clearSample(db);
  await db.transaction('rw', sampleTables(db), async () => {
    await db.accounts.bulkPut(data.accounts);
    await db.accountSnapshots.bulkPut(data.accountSnapshots);
    // Each account's and course's counts as a run of its history, as a capture keeps them (lib/db/runs.ts).
    await settleAccounts(
      (name) => db.table(name),
      data.accounts.map((a) => [a.platform, a.id]),
      [],
    );
    await db.posts.bulkPut(data.posts);
    // All new: clearSample has just taken the earlier sample's posts out.
    await applyAuthorDeltas(
      db.authorTotals,
      authorDeltas(data.posts.map((p) => [undefined, p] as const)),
      new Map(),
    );
    await db.postSnapshots.bulkPut(data.postSnapshots);
    await db.postRuns.bulkPut(runsOfHistories(data.posts, data.postSnapshots));
    await db.comments.bulkPut(data.comments);
    await db.courses.bulkPut(data.courses);
    await db.courseSnapshots.bulkPut(data.courseSnapshots);
    await settleCourses(
      (name) => db.table(name),
      data.courses.map((c) => c.url),
      [],
    );
    await db.campaigns.bulkAdd(data.campaigns);
    // The sample's share of the daily rollups is remembered so clearing it takes exactly that back.
    const rollups = rollupsOf(data.posts, data.postSnapshots);
    await applyRollups(db, rollups, 1);
    await db.settings.put({ key: SAMPLE_ROLLUPS_KEY, value: rollups });
  });
}

const SAMPLE_ROLLUPS_KEY = 'sample.rollups';

/** Every table sample data touches. */
const sampleTables = (db: CoursePulseDb) => [
  db.accounts,
  db.accountSnapshots,
  db.posts,
  db.postSnapshots,
  db.postRuns,
  db.comments,
  db.courses,
  db.courseSnapshots,
  db.campaigns,
  db.dailyRollups,
  db.authorTotals,
  db.settings,
  db.syncTombstones,
];

async function applyRollups(db: CoursePulseDb, rollups: DailyRollup[], sign: 1 | -1): Promise<void> {
  const stored = await db.dailyRollups.bulkGet(rollups.map((r) => [r.platform, r.day] as [Platform, string]));
  await db.dailyRollups.bulkPut(rollups.map((r, i) => combine(stored[i], r, sign)));
}

/** Removes every sample row and nothing else: sample ids all start with SAMPLE_PREFIX. */
export async function clearSample(db: CoursePulseDb): Promise<void> {
  const end = `${SAMPLE_PREFIX}\uffff`;
  await db.transaction('rw', sampleTables(db), async () => {
    const remembered = (await db.settings.get(SAMPLE_ROLLUPS_KEY))?.value as DailyRollup[] | undefined;
    if (remembered) await applyRollups(db, remembered, -1);
    await db.settings.delete(SAMPLE_ROLLUPS_KEY);
    for (const platform of PLATFORMS as readonly Platform[]) {
      await db.posts.where('[platform+id]').between([platform, SAMPLE_PREFIX], [platform, end]).delete();
      // Sample posts are written by the sample accounts alone, whose ids carry the prefix too.
      const sampleAuthors = await db.authorTotals
        .where('[platform+authorId]')
        .between([platform, SAMPLE_PREFIX], [platform, end])
        .primaryKeys();
      await recountAuthors(db.posts, db.authorTotals, sampleAuthors);
      await db.accounts.where('[platform+id]').between([platform, SAMPLE_PREFIX], [platform, end]).delete();
      await db.comments.where('[platform+id]').between([platform, SAMPLE_PREFIX], [platform, end]).delete();
      for (const history of [db.postSnapshots, db.postRuns])
        await history
          .where('[platform+postId+at]')
          .between([platform, SAMPLE_PREFIX, Dexie.minKey], [platform, end, Dexie.maxKey])
          .delete();
      await db.accountSnapshots
        .where('[platform+accountId+at]')
        .between([platform, SAMPLE_PREFIX, Dexie.minKey], [platform, end, Dexie.maxKey])
        .delete();
    }
    const sampleCourses = (await db.courses.toCollection().primaryKeys()).filter((url) =>
      url.includes(`/${SAMPLE_PREFIX}`),
    );
    await db.courses.bulkDelete(sampleCourses);
    for (const url of sampleCourses) {
      await db.courseSnapshots.where('[url+at]').between([url, Dexie.minKey], [url, Dexie.maxKey]).delete();
    }
    await db.campaigns.filter((c) => c.sample === true).delete();
  });
}
