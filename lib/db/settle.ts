/**
 * Rebuilds what readers see of posts (their latest counts and postSnapshots) from their runs, after
 * runs arrived out of order: a late capture, sync, a backup merged into an existing database.
 */
import { Dexie, type Table } from 'dexie';
import type { Platform } from '../records';
import { canonicalJson } from '../sync/merge-rows';
import type { Tombstone } from '../sync/state';
import { keyId } from '../sync/tables';
import { byPost, postKey, settledPost, settleRuns, unionRuns } from './runs';
import type { Millis, PostRun, PostSnapshot, StoredPost } from './schema';

type PostKey = [Platform, string];
type Tables = (name: 'posts' | 'postRuns' | 'postSnapshots' | 'syncTombstones') => Table;

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
 * Unites `incoming` runs with the stored ones of their posts (and of `keys`), and stores each
 * post's row and snapshots as the united runs say, less what a deletion of the post (its sync
 * tombstone) hides. Every read is issued at once, then every write.
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
  const snapshotPuts: PostSnapshot[] = [];
  const snapshotDeletes: Array<[Platform, string, Millis]> = [];
  all.forEach((key, i) => {
    const stored = runs[i]!;
    const united = unionRuns([...stored, ...(arriving.get(postKey(...key)) ?? [])]);
    const storedAt = new Map(stored.map((r) => [r.at, r]));
    runPuts.push(...united.filter((r) => !same(storedAt.get(r.at), r)));
    const settled = settleRuns(united, tombstones[i]?.at);
    if (!settled) {
      // Deleted with its runs: nothing of its history stays.
      if (!posts[i]) for (const s of snapshots[i]!) snapshotDeletes.push([s.platform, s.postId, s.at]);
      return;
    }
    const post = posts[i];
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
    snapshotPuts.length ? table('postSnapshots').bulkPut(snapshotPuts) : null,
    snapshotDeletes.length ? table('postSnapshots').bulkDelete(snapshotDeletes) : null,
  ]);
}
