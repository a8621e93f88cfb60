import { Dexie } from 'dexie';
import { PLATFORMS, type Platform } from '../records';
import { generateSample, SAMPLE_PREFIX, type SampleData } from '../sample';
import type { CoursePulseDb } from './schema';

/** Writes generated sample data (replacing an earlier sample), in one transaction. */
export async function loadSample(
  db: CoursePulseDb,
  data: SampleData = generateSample({ now: Date.now() }),
): Promise<void> {
  await clearSample(db);
  await db.transaction(
    'rw',
    [
      db.accounts,
      db.accountSnapshots,
      db.posts,
      db.postSnapshots,
      db.courses,
      db.courseSnapshots,
      db.campaigns,
    ],
    async () => {
      await db.accounts.bulkPut(data.accounts);
      await db.accountSnapshots.bulkPut(data.accountSnapshots);
      await db.posts.bulkPut(data.posts);
      await db.postSnapshots.bulkPut(data.postSnapshots);
      await db.courses.bulkPut(data.courses);
      await db.courseSnapshots.bulkPut(data.courseSnapshots);
      await db.campaigns.bulkAdd(data.campaigns);
    },
  );
}

/** Removes every sample row and nothing else: sample ids all start with SAMPLE_PREFIX. */
export async function clearSample(db: CoursePulseDb): Promise<void> {
  const end = `${SAMPLE_PREFIX}\uffff`;
  await db.transaction(
    'rw',
    [
      db.accounts,
      db.accountSnapshots,
      db.posts,
      db.postSnapshots,
      db.courses,
      db.courseSnapshots,
      db.campaigns,
    ],
    async () => {
      for (const platform of PLATFORMS as readonly Platform[]) {
        await db.posts.where('[platform+id]').between([platform, SAMPLE_PREFIX], [platform, end]).delete();
        await db.accounts.where('[platform+id]').between([platform, SAMPLE_PREFIX], [platform, end]).delete();
        await db.postSnapshots
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
    },
  );
}
