/**
 * Rebuilds what readers see of posts (their latest counts and postSnapshots), accounts and courses
 * (their latest counts) from their runs (lib/db/runs.ts), after runs arrived out of order: a late
 * capture, sync, a backup merged into an existing database.
 */
import { Dexie, type Table } from 'dexie';
import type { Platform } from '../records';
import { canonicalJson } from '../sync/merge-rows';
import type { Tombstone } from '../sync/state';
import { keyId } from '../sync/tables';
import {
  ACCOUNT_RUNS,
  byPost,
  COURSE_RUNS,
  groupBy,
  heldAccountRun,
  heldCourseRun,
  lastOf,
  openRunOf,
  POST_RUNS,
  postKey,
  type Run,
  type RunKind,
  settledAccount,
  settledCourse,
  settledPost,
  settleRuns,
  unionRuns,
} from './runs';
import type {
  AccountSnapshot,
  CourseSnapshot,
  Millis,
  PostRun,
  PostSnapshot,
  StoredAccount,
  StoredCourse,
  StoredPost,
} from './schema';

type PostKey = [Platform, string];
type Tables = (
  name:
    | 'posts'
    | 'postRuns'
    | 'postSnapshots'
    | 'accounts'
    | 'accountSnapshots'
    | 'courses'
    | 'courseSnapshots'
    | 'syncTombstones',
) => Table;

const rangeOf = ([platform, id]: PostKey) =>
  [
    [platform, id, Dexie.minKey],
    [platform, id, Dexie.maxKey],
  ] as const;

const historyOf = (table: Table, key: PostKey) =>
  table
    .where('[platform+postId+at]')
    .between(...rangeOf(key))
    .toArray();

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Unites `incoming` runs with the stored ones of their posts (and of `keys`): their rows and the
 * open run each post row holds (lib/db/runs.ts openRunOf). Stores each post's row and snapshots as
 * the united runs say, less what a deletion of the post (its sync tombstone) hides, and every run
 * as a row but the one the post row now holds open. Every read is issued at once, then every write.
 */
export async function settlePosts(table: Tables, keys: readonly PostKey[], incoming: readonly PostRun[]) {
  const ids = new Map<string, PostKey>(keys.map((k) => [postKey(...k), k]));
  for (const r of incoming) ids.set(postKey(r.platform, r.postId), [r.platform, r.postId]);
  const all = [...ids.values()];
  const [posts, tombstones, runs, snapshots] = await Promise.all([
    table('posts').bulkGet(all) as Promise<Array<StoredPost | undefined>>,
    table('syncTombstones').bulkGet(all.map((k) => keyId('posts', k))) as Promise<
      Array<Tombstone | undefined>
    >,
    Promise.all(all.map((k) => historyOf(table('postRuns'), k) as Promise<PostRun[]>)),
    Promise.all(all.map((k) => historyOf(table('postSnapshots'), k) as Promise<PostSnapshot[]>)),
  ]);
  const arriving = byPost(incoming);
  const postPuts: StoredPost[] = [];
  const runPuts: PostRun[] = [];
  const runDeletes: Array<[Platform, string, Millis]> = [];
  const snapshotPuts: PostSnapshot[] = [];
  const snapshotDeletes: Array<[Platform, string, Millis]> = [];
  all.forEach((key, i) => {
    const stored = runs[i]!;
    const post = posts[i];
    const held = post && openRunOf(post);
    const united = unionRuns(POST_RUNS, [
      ...stored,
      ...(held ? [held] : []),
      ...(arriving.get(postKey(...key)) ?? []),
    ]);
    const deletedAt = tombstones[i]?.at ?? -1;
    const settled = settleRuns(POST_RUNS, united, deletedAt);
    // The run the post row holds open is not also a row (lib/db/runs.ts openRunOf).
    const open = post && settled ? (settled.open?.at ?? null) : null;
    const storedAt = new Map(stored.map((r) => [r.at, r]));
    runPuts.push(
      ...united.filter((r) => r.at !== open && lastOf(r) > deletedAt && !same(storedAt.get(r.at), r)),
    );
    if (open !== null && storedAt.has(open)) runDeletes.push([key[0], key[1], open]);
    if (!settled) {
      // Deleted with its runs: nothing of its history stays.
      if (!posts[i]) for (const s of snapshots[i]!) snapshotDeletes.push([s.platform, s.postId, s.at]);
      return;
    }
    const points = post ? settled.points.slice(0, -1) : settled.points;
    if (post) {
      const next = settledPost(post, settled);
      if (!same(next, post)) postPuts.push(next);
    }
    const kept = new Map(snapshots[i]!.map((s) => [s.at, s]));
    for (const p of points) {
      if (!same(kept.get(p.at), p)) snapshotPuts.push(p);
      kept.delete(p.at);
    }
    for (const s of kept.values()) snapshotDeletes.push([s.platform, s.postId, s.at]);
  });
  await Promise.all([
    postPuts.length ? table('posts').bulkPut(postPuts) : null,
    runPuts.length ? table('postRuns').bulkPut(runPuts) : null,
    runDeletes.length ? table('postRuns').bulkDelete(runDeletes) : null,
    snapshotPuts.length ? table('postSnapshots').bulkPut(snapshotPuts) : null,
    snapshotDeletes.length ? table('postSnapshots').bulkDelete(snapshotDeletes) : null,
  ]);
}

/**
 * How an account's or a course's history is kept (lib/db/runs.ts): its runs' table and index, the
 * key of its row and of a run's, the run its row holds, and its row as the runs say.
 */
interface History<O, R extends Run> {
  owner: 'accounts' | 'courses';
  runs: 'accountSnapshots' | 'courseSnapshots';
  index: string;
  kind: RunKind<R>;
  ownerKey(run: R): RowKey[];
  held(row: O): R | undefined;
  settled(row: O, runs: readonly R[], deletedAt: Millis): O | undefined;
}

const ACCOUNTS: History<StoredAccount, AccountSnapshot> = {
  owner: 'accounts',
  runs: 'accountSnapshots',
  index: '[platform+accountId+at]',
  kind: ACCOUNT_RUNS,
  ownerKey: (r) => [r.platform, r.accountId],
  held: heldAccountRun,
  settled: (account, runs, deletedAt) => {
    const settled = settleRuns(ACCOUNT_RUNS, runs, deletedAt);
    return settled && settledAccount(account, settled);
  },
};

const COURSES: History<StoredCourse, CourseSnapshot> = {
  owner: 'courses',
  runs: 'courseSnapshots',
  index: '[url+at]',
  kind: COURSE_RUNS,
  ownerKey: (r) => [r.url],
  held: heldCourseRun,
  settled: settledCourse,
};

type RowKey = string | number;

/**
 * Unites `incoming` runs of accounts' or courses' counts with the stored ones of their owners (and
 * of `keys`) and the run each owner's row holds, and stores each row's counts, when last seen and
 * its open run as the united runs say. Runs are never dropped; what a deletion of the owner hides is
 * not written. Every read is issued at once, then every write.
 */
async function settleHistories<O, R extends Run>(
  history: History<O, R>,
  table: Tables,
  keys: readonly RowKey[][],
  incoming: readonly R[],
) {
  const ids = new Map<string, RowKey[]>(keys.map((k) => [JSON.stringify(k), k]));
  for (const r of incoming) ids.set(JSON.stringify(history.ownerKey(r)), history.ownerKey(r));
  const arriving = groupBy(incoming, (r) => JSON.stringify(history.ownerKey(r)));
  const all = [...ids.values()];
  const rowKey = (k: RowKey[]) => (k.length === 1 ? k[0]! : k);
  const [rows, tombstones, runs] = await Promise.all([
    table(history.owner).bulkGet(all.map(rowKey)) as Promise<Array<O | undefined>>,
    table('syncTombstones').bulkGet(all.map((k) => keyId(history.owner, rowKey(k)))) as Promise<
      Array<Tombstone | undefined>
    >,
    Promise.all(
      all.map(
        (k) =>
          table(history.runs)
            .where(history.index)
            .between([...k, Dexie.minKey], [...k, Dexie.maxKey])
            .toArray() as Promise<R[]>,
      ),
    ),
  ]);
  const rowPuts: O[] = [];
  const runPuts: R[] = [];
  all.forEach((key, i) => {
    const stored = runs[i]!;
    const row = rows[i];
    const held = row && history.held(row);
    const united = unionRuns(history.kind, [
      ...stored,
      ...(held ? [held] : []),
      ...(arriving.get(JSON.stringify(key)) ?? []),
    ]);
    const deletedAt = tombstones[i]?.at ?? -1;
    const storedAt = new Map(stored.map((r) => [r.at, r]));
    runPuts.push(...united.filter((r) => lastOf(r) > deletedAt && !same(storedAt.get(r.at), r)));
    const next = row && history.settled(row, united, deletedAt);
    if (next && !same(next, row)) rowPuts.push(next);
  });
  await Promise.all([
    rowPuts.length ? table(history.owner).bulkPut(rowPuts) : null,
    runPuts.length ? table(history.runs).bulkPut(runPuts) : null,
  ]);
}

/** settleHistories of accounts (accountSnapshots), by [platform, id]. */
export const settleAccounts = (
  table: Tables,
  keys: ReadonlyArray<[Platform, string]>,
  incoming: readonly AccountSnapshot[],
) =>
  settleHistories(
    ACCOUNTS,
    table,
    keys.map((k) => [...k]),
    incoming,
  );

/** settleHistories of courses (courseSnapshots), by url. */
export const settleCourses = (table: Tables, urls: readonly string[], incoming: readonly CourseSnapshot[]) =>
  settleHistories(
    COURSES,
    table,
    urls.map((url) => [url]),
    incoming,
  );
