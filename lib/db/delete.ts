import { Dexie } from 'dexie';
import type { Platform } from '../records';
import { applyAuthorDeltas, authorDeltas } from './author-totals';
import type { CoursePulseDb } from './schema';

const snapshotRange = (platform: Platform, id: string) =>
  [
    [platform, id, Dexie.minKey],
    [platform, id, Dexie.maxKey],
  ] as const;

/** A post's history: its runs and the snapshots derived from them. */
async function deleteHistory(db: CoursePulseDb, platform: Platform, id: string): Promise<void> {
  for (const table of [db.postSnapshots, db.postRuns])
    await table
      .where('[platform+postId+at]')
      .between(...snapshotRange(platform, id))
      .delete();
}

/** A post, its history and the comments under it (X replies are posts of their own and stay). */
export async function deletePost(db: CoursePulseDb, platform: Platform, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.posts, db.postSnapshots, db.postRuns, db.authorTotals, db.comments],
    async () => {
      const post = await db.posts.get([platform, id]);
      await db.posts.delete([platform, id]);
      await deleteHistory(db, platform, id);
      await db.comments.where('[platform+postId]').equals([platform, id]).delete();
      if (post) await applyAuthorDeltas(db.authorTotals, authorDeltas([[post, undefined]]), new Map());
    },
  );
}

/**
 * "Forget this person": one account and everything captured from it, everywhere: its snapshots, its
 * posts (on X its replies are posts) with their history and the comments under them, and every
 * comment it wrote. Works for a commenter without an account row too.
 */
export async function deleteAccount(
  db: CoursePulseDb,
  platform: Platform,
  id: string,
): Promise<{ posts: number; comments: number }> {
  const tables = [
    db.accounts,
    db.accountSnapshots,
    db.posts,
    db.postSnapshots,
    db.postRuns,
    db.authorTotals,
    db.comments,
  ];
  return db.transaction('rw', tables, async () => {
    const postIds = await db.posts.where('[platform+authorId]').equals([platform, id]).primaryKeys();
    for (const [, postId] of postIds) {
      await deleteHistory(db, platform, postId);
      await db.comments.where('[platform+postId]').equals([platform, postId]).delete();
    }
    await db.posts.bulkDelete(postIds);
    const comments = await db.comments.where('[platform+authorId]').equals([platform, id]).delete();
    await db.accountSnapshots
      .where('[platform+accountId+at]')
      .between(...snapshotRange(platform, id))
      .delete();
    await db.accounts.delete([platform, id]);
    await db.authorTotals.delete([platform, id]);
    return { posts: postIds.length, comments };
  });
}

export async function deleteEverything(db: CoursePulseDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
