import { Dexie, type Table, type Transaction } from 'dexie';
import type { Platform } from '../records';
import { runsOfHistories } from './runs';
import type { Millis, PostRun, PostSnapshot, StoredPost } from './schema';

const PAGE = 2000;

type Key = [Platform, string];

/**
 * Schema 11's upgrade, and an older backup's import: every stored post's history as runs
 * (lib/db/runs.ts runsOfHistory), a page of posts and their snapshots at a time, so a million
 * snapshots never sit in memory at once.
 */
export async function runsFromStoredHistory(tx: Transaction): Promise<void> {
  const posts = tx.table('posts') as Table<StoredPost, Key>;
  const snapshots = tx.table('postSnapshots') as Table<PostSnapshot, [Platform, string, Millis]>;
  const runs = tx.table('postRuns') as Table<PostRun, [Platform, string, Millis]>;
  let after: Key | undefined;
  for (;;) {
    const page = await (after ? posts.where(':id').above(after) : posts.orderBy(':id')).limit(PAGE).toArray();
    if (page.length === 0) return;
    const first = page[0]!;
    const last = page[page.length - 1]!;
    const earlier = await snapshots
      .where('[platform+postId+at]')
      .between([first.platform, first.id, Dexie.minKey], [last.platform, last.id, Dexie.maxKey])
      .toArray();
    await runs.bulkPut(runsOfHistories(page, earlier));
    if (page.length < PAGE) return;
    after = [last.platform, last.id];
  }
}
