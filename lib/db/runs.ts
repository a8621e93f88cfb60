/**
 * A post's history as RUNS, the form in which devices can merge it in any order (issue 15): one row
 * per run of equal counts, {first seen (`at`), last seen (`last`), counts}. Only a capture extends a
 * run; two devices' runs may overlap; merging is a union by `at` keeping the later `last`. Nothing is
 * ever dropped as redundant, so every grouping of merges ends with the same set.
 *
 * A post's open run (the one its next sighting of the same counts extends) is not a row: the post
 * row holds it (openRunOf: runAt or metricsAt to the counts' last sighting), so a capture writes the
 * post row alone unless its counts changed, when the run it closes becomes a row. Whatever replaces
 * a post row's counts (sync, a late capture, a restore) unites its open run with the others first.
 *
 * What readers see (postSnapshots and the post's own latest counts, lib/db/history.ts) is derived
 * from that set: every run's first and last sighting in time order, keeping each whose counts
 * differ from the one before. Pure: no Dexie.
 *
 * The one inexactness: a run keeps its first and last sighting only, so when another device's
 * different counts fall strictly between two sightings of one run and the devices did not sync in
 * between, the return to the run's counts is placed at the run's last sighting, not the first after
 * the other counts.
 */
import type { MetricKey, Metrics } from '../records';
import { canonicalJson } from '../sync/merge-rows';
import { sameMetrics } from './merge';
import type { Millis, PostRun, PostSnapshot, StoredPost } from './schema';

/** A post seen without any count (a quoted stub) has no observation of counts to keep. */
export const hasCounts = (m: Metrics): boolean => Object.keys(m).length > 0;

export const lastOf = (run: PostRun): Millis => run.last ?? run.at;

/** A run row in its one stored form: `last` only where it differs from `at`, `approx` only when some. */
export function runRow(
  platform: PostRun['platform'],
  postId: string,
  at: Millis,
  last: Millis,
  m: Metrics,
  approx: readonly MetricKey[] | undefined,
): PostRun {
  return {
    platform,
    postId,
    at,
    ...(last !== at ? { last } : {}),
    m,
    ...(approx?.length ? { approx: [...approx] } : {}),
  };
}

const contentOf = (r: PostRun) => canonicalJson([r.m, r.approx ?? []]);

/**
 * Two devices' rows of one run (same post, same `at`): the same counts keep the later last sighting;
 * different counts (two devices starting a run in the same millisecond) keep the greater content,
 * the same on every device. Commutative, associative, idempotent.
 */
export function mergeRuns(a: PostRun, b: PostRun): PostRun {
  if (!sameMetrics(a.m, b.m)) return contentOf(a) >= contentOf(b) ? a : b;
  const base = contentOf(a) >= contentOf(b) ? a : b;
  return runRow(base.platform, base.postId, base.at, Math.max(lastOf(a), lastOf(b)), base.m, base.approx);
}

/** Rows of runs united by `at` (mergeRuns), in `at` order. */
export function unionRuns(runs: Iterable<PostRun>): PostRun[] {
  const byAt = new Map<Millis, PostRun>();
  for (const r of runs) {
    const seen = byAt.get(r.at);
    byAt.set(r.at, seen ? mergeRuns(seen, r) : r);
  }
  return [...byAt.values()].sort((x, y) => x.at - y.at);
}

interface Endpoint {
  at: Millis;
  run: PostRun;
  content: string;
}

/** Every run's first and last sighting, by time, equal times by content (alike on every device). */
function endpointsOf(runs: readonly PostRun[]): Endpoint[] {
  const out: Endpoint[] = [];
  for (const run of runs) {
    const content = contentOf(run);
    out.push({ at: run.at, run, content });
    if (lastOf(run) !== run.at) out.push({ at: lastOf(run), run, content });
  }
  return out.sort((x, y) => x.at - y.at || (x.content < y.content ? -1 : x.content > y.content ? 1 : 0));
}

export interface SettledHistory {
  /** The observations readers see, oldest first; the last is the post's latest counts. */
  points: PostSnapshot[];
  /** When the counts were last seen: the latest sighting of any run. */
  countsSeen: Millis;
  /**
   * The run the next sighting of the latest counts extends, which the post row holds (openRunOf):
   * the run of the latest sighting, when it has the latest counts and no other counts were seen
   * since it began. null when there is none: the next sighting then starts a run of its own.
   */
  openRunAt: Millis | null;
}

/**
 * What readers see of a set of runs (see the module's comment); undefined when it holds no sighting.
 * A deletion of the post at `deletedAt` (a sync tombstone) hides every sighting up to then: a run
 * seen before and after it keeps its sightings after it (its last), whichever device learnt of the
 * deletion first.
 */
export function settleRuns(runs: readonly PostRun[], deletedAt = -1): SettledHistory | undefined {
  const ends = endpointsOf(runs).filter((e) => e.at > deletedAt);
  if (ends.length === 0) return undefined;
  const points: PostSnapshot[] = [];
  for (const e of ends) {
    const previous = points[points.length - 1];
    if (previous && sameMetrics(previous.m, e.run.m)) continue;
    const { platform, postId, m, approx } = e.run;
    points.push({ platform, postId, at: e.at, m, ...(approx?.length ? { approx } : {}) });
  }
  const latest = points[points.length - 1]!;
  const countsSeen = ends[ends.length - 1]!.at;
  // The run a post row holds as open must be one run exactly as it is (lib/db/runs.ts openRunOf):
  // the one holding the latest sighting, with the latest counts and nothing else seen since it began.
  // Lengthening another run to that sighting would invent sightings, which other devices lack.
  const content = contentOf(latest);
  const open = runs
    .filter(
      (r) =>
        lastOf(r) === countsSeen &&
        contentOf(r) === content &&
        !ends.some((e) => e.at >= r.at && e.content !== content),
    )
    .sort((x, y) => x.at - y.at)[0];
  return { points, countsSeen, openRunAt: open ? open.at : null };
}

/**
 * The post as its runs say: latest counts (at when first seen as they now are), when last seen,
 * and which run the next sighting extends (`runAt`, stored only where it is not metricsAt). A floor
 * (lowerBounds) is kept only with the counts it qualified.
 */
export function settledPost(post: StoredPost, settled: SettledHistory): StoredPost {
  const latest = settled.points[settled.points.length - 1]!;
  const same =
    sameMetrics(post.metrics, latest.m) && canonicalJson(post.approx) === canonicalJson(latest.approx ?? []);
  const next: StoredPost = {
    ...post,
    metrics: latest.m,
    approx: latest.approx ?? [],
    metricsExact: !latest.approx?.length,
    metricsAt: latest.at,
    lastSeenAt: Math.max(post.lastSeenAt, settled.countsSeen),
  };
  if (!same) delete next.lowerBounds;
  if (settled.countsSeen === next.lastSeenAt) delete next.countsSeenAt;
  else next.countsSeenAt = settled.countsSeen;
  if (settled.openRunAt === latest.at) delete next.runAt;
  else next.runAt = settled.openRunAt;
  return next;
}

/**
 * The run a post row holds (see the module's comment): its latest counts, from `runAt` (or metricsAt)
 * to their last sighting. None when the row names none open (runAt null: the next sighting starts
 * one) or has no counts.
 */
export function openRunOf(post: StoredPost): PostRun | undefined {
  const at = post.runAt === null ? undefined : (post.runAt ?? post.metricsAt);
  if (at === undefined || !hasCounts(post.metrics)) return undefined;
  const last = Math.max(at, post.countsSeenAt ?? post.lastSeenAt);
  return runRow(post.platform, post.id, at, last, post.metrics, post.approx);
}

/**
 * The run rows standing for a history kept before runs (schema 10 and older, or a backup of then):
 * each earlier observation a run seen once; the latest, on the post, is its open run already.
 */
export function runsOfHistory(post: StoredPost, earlier: readonly PostSnapshot[]): PostRun[] {
  const open = openRunOf(post)?.at;
  return unionRuns(
    earlier.filter((s) => s.at !== open).map((s) => runRow(s.platform, s.postId, s.at, s.at, s.m, s.approx)),
  );
}

/** Rows of posts' histories (runs, snapshots) by post, under `postKey`. */
export function byPost<T extends { platform: string; postId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = postKey(row.platform, row.postId);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export const postKey = (platform: string, id: string): string => JSON.stringify([platform, id]);

/** runsOfHistory of many posts, with their snapshots in any order. */
export function runsOfHistories(posts: readonly StoredPost[], snapshots: readonly PostSnapshot[]): PostRun[] {
  const earlier = byPost(snapshots);
  return posts.flatMap((p) => runsOfHistory(p, earlier.get(postKey(p.platform, p.id)) ?? []));
}
