/**
 * Rebuilds what readers see of posts (their latest counts and postSnapshots) from their runs, after
 * runs arrived out of order: a late capture, sync, a backup merged into an existing database.
 */
import { Dexie, type Table } from 'dexie';
import type { Platform } from '../records';
import { canonicalJson } from '../sync/merge-rows';
import type { Tombstone } from '../sync/state';
import { keyId } from '../sync/tables';
import {
  ACCOUNT_RUNS,
  byPost,
  heldAccountRun,
  lastOf,
  openRunOf,
  POST_RUNS,
  postKey,
  settledAccount,
  settledPost,
  settleRuns,
  unionRuns,
} from './runs';
import type { AccountSnapshot, Millis, PostRun, PostSnapshot, StoredAccount, StoredPost } from './schema';

type PostKey = [Platform, string];
type Tables = (
  name: 'posts' | 'postRuns' | 'postSnapshots' | 'accounts' | 'accountSnapshots' | 'syncTombstones',
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
    // The run the post row holds open is not also a row; a post row arriving later will hold none
    // (lib/sync/replay.ts) until settled here.
    const open = post && settled ? settled.openRunAt : null;
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

type AccountKey = [Platform, string];

/**
 * Unites `incoming` runs of accounts' counts (accountSnapshots, lib/db/runs.ts) with the stored ones
 * of their accounts (and of `keys`) and the run each account row holds (heldAccountRun), and stores each account's counts, when last seen and its open
 * run as the united runs say. Runs are never dropped; what a deletion of the account hides is not
 * written. Every read is issued at once, then every write.
 */
export async function settleAccounts(
  table: Tables,
  keys: readonly AccountKey[],
  incoming: readonly AccountSnapshot[],
) {
  const ids = new Map<string, AccountKey>(keys.map((k) => [JSON.stringify(k), k]));
  for (const r of incoming) ids.set(JSON.stringify([r.platform, r.accountId]), [r.platform, r.accountId]);
  const all = [...ids.values()];
  const [accounts, tombstones, runs] = await Promise.all([
    table('accounts').bulkGet(all) as Promise<Array<StoredAccount | undefined>>,
    table('syncTombstones').bulkGet(all.map((k) => keyId('accounts', k))) as Promise<
      Array<Tombstone | undefined>
    >,
    Promise.all(
      all.map(
        ([platform, id]) =>
          table('accountSnapshots')
            .where('[platform+accountId+at]')
            .between([platform, id, Dexie.minKey], [platform, id, Dexie.maxKey])
            .toArray() as Promise<AccountSnapshot[]>,
      ),
    ),
  ]);
  const arriving = new Map<string, AccountSnapshot[]>();
  for (const r of incoming) {
    const key = JSON.stringify([r.platform, r.accountId]);
    arriving.set(key, [...(arriving.get(key) ?? []), r]);
  }
  const accountPuts: StoredAccount[] = [];
  const runPuts: AccountSnapshot[] = [];
  all.forEach(([platform, id], i) => {
    const stored = runs[i]!;
    const account = accounts[i];
    const held = account && heldAccountRun(account);
    const united = unionRuns(ACCOUNT_RUNS, [
      ...stored,
      ...(held ? [held] : []),
      ...(arriving.get(JSON.stringify([platform, id])) ?? []),
    ]);
    const deletedAt = tombstones[i]?.at ?? -1;
    const storedAt = new Map(stored.map((r) => [r.at, r]));
    runPuts.push(...united.filter((r) => lastOf(r) > deletedAt && !same(storedAt.get(r.at), r)));
    const settled = settleRuns(ACCOUNT_RUNS, united, deletedAt);
    if (!account || !settled) return;
    const next = settledAccount(account, settled);
    if (!same(next, account)) accountPuts.push(next);
  });
  await Promise.all([
    accountPuts.length ? table('accounts').bulkPut(accountPuts) : null,
    runPuts.length ? table('accountSnapshots').bulkPut(runPuts) : null,
  ]);
}
