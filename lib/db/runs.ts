/**
 * Histories of counts as RUNS, the form in which devices can merge them in any order (issue 15): a
 * post's (postRuns), an account's (accountSnapshots) and a course's (courseSnapshots), one row
 * per run of equal counts, {first seen (`at`), last seen (`last`), seen in between (`seen`), counts}.
 * Only a capture extends a run; two devices' runs may overlap; merging is a union by `at` of their
 * sightings. Nothing is ever dropped as redundant, so every grouping of merges ends with the same set.
 *
 * Every sighting is kept because any of them may be the one a history needs: when another device's
 * different counts turn out to fall between two sightings of a run, the return to the run's counts
 * is dated at the first sighting after them, as one browser that saw everything would date it. A run
 * holds at most MAX_RUN_SEEN sightings in between: its next sighting starts a run of the same counts,
 * so a row stays small and a row that travels again (a post's, at each push) carries a bounded list.
 *
 * A post's open run (the one its next sighting of the same counts extends) is not a row: the post
 * row holds it (openRunOf: runAt or metricsAt, runSeen, to the counts' last sighting), so a capture
 * writes the post row alone unless its counts changed or its run is full, when the run it closes
 * becomes a row. Whatever replaces a post row's counts (sync, a late capture, a restore) unites its
 * open run with the others first.
 *
 * An account's or course's runs are all rows, open one included (they are few), and its row names
 * the open one (runAt); a row written before runs holds its counts' last sighting (heldAccountRun).
 *
 * What readers see (postSnapshots and the post's own latest counts, lib/db/history.ts; accountPoints,
 * coursePoints) is derived from that set: every sighting of every run in time order, keeping each
 * whose counts differ from the one before. Pure: no Dexie.
 */
import type { MetricKey, Metrics } from '../records';
import { canonicalJson, countsPoint, countsSeen } from '../sync/merge-rows';
import { sameMetrics } from './merge';
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

/** A post seen without any count (a quoted stub) has no observation of counts to keep. */
export const hasCounts = (m: Metrics): boolean => Object.keys(m).length > 0;

/** A run of equal counts: first seen at `at`, last seen at `last` (absent when the same), and between. */
export interface Run {
  at: Millis;
  last?: Millis;
  /** Sightings strictly between `at` and `last`, in order; absent when none. */
  seen?: Millis[];
}

/** Sightings a run holds between its first and last before its next one starts a run of its own. */
export const MAX_RUN_SEEN = 16;

/** What a history's runs hold: posts', accounts' and courses' counts differ, their runs do not. */
export interface RunKind<T extends Run> {
  /** The counts and what qualifies them, as one string: equal times are ordered by it, alike everywhere. */
  content(run: T): string;
  /** Whether two runs hold the same counts, as the history sees them (one change or none). */
  same(a: T, b: T): boolean;
}

export const lastOf = (run: Run): Millis => run.last ?? run.at;

/** Every sighting of a run, in time order. */
export const sightingsOf = (run: Run): Millis[] =>
  lastOf(run) === run.at ? [run.at] : [run.at, ...(run.seen ?? []), lastOf(run)];

/**
 * A run with these sightings after its first (`at`, kept), in its one stored form: the latest as
 * `last`, the others as `seen`, each field only where it holds something.
 */
export function withSightings<T extends Run>(run: T, times: Iterable<Millis>): T {
  const { last: _last, seen: _seen, ...rest } = run;
  const after = [...new Set(times)].filter((t) => t > run.at).sort((x, y) => x - y);
  const last = after.pop();
  return {
    ...rest,
    ...(last === undefined ? {} : { last }),
    ...(after.length ? { seen: after } : {}),
  } as T;
}

/** A run last seen at `last` (on a row that holds no sighting between). */
export const withLast = <T extends Run>(run: T, last: Millis): T => withSightings(run, [last]);

/** A run seen once more, at `at`. */
export const seenAgain = <T extends Run>(run: T, at: Millis): T =>
  withSightings(run, [...sightingsOf(run), at]);

/** Whether a run holds all the sightings between it may: its next sighting starts a run. */
export const isFull = (run: Run): boolean => (run.seen?.length ?? 0) >= MAX_RUN_SEEN;

/**
 * Two devices' rows of one run (same entity, same `at`): the same counts keep every sighting of
 * both; different counts (two devices starting a run in the same millisecond) keep the greater
 * content, the same on every device. Commutative, associative, idempotent.
 */
export function mergeRuns<T extends Run>(kind: RunKind<T>, a: T, b: T): T {
  const base = kind.content(a) >= kind.content(b) ? a : b;
  if (!kind.same(a, b)) return base;
  return withSightings(base, [...sightingsOf(a), ...sightingsOf(b)]);
}

/** Rows of runs united by `at` (mergeRuns), in `at` order. */
export function unionRuns<T extends Run>(kind: RunKind<T>, runs: Iterable<T>): T[] {
  const byAt = new Map<Millis, T>();
  for (const r of runs) {
    const seen = byAt.get(r.at);
    byAt.set(r.at, seen ? mergeRuns(kind, seen, r) : r);
  }
  return [...byAt.values()].sort((x, y) => x.at - y.at);
}

interface Sighting<T> {
  at: Millis;
  run: T;
  content: string;
}

/** Every run's every sighting, by time, equal times by content (alike on every device). */
function sightingsByTime<T extends Run>(kind: RunKind<T>, runs: readonly T[]): Array<Sighting<T>> {
  const out: Array<Sighting<T>> = [];
  for (const run of runs) {
    const content = kind.content(run);
    for (const at of sightingsOf(run)) out.push({ at, run, content });
  }
  return out.sort((x, y) => x.at - y.at || (x.content < y.content ? -1 : x.content > y.content ? 1 : 0));
}

export interface SettledHistory<P, T extends Run = Run> {
  /** The observations readers see, oldest first; the last is the latest counts. */
  points: P[];
  /** When the counts were last seen: the latest sighting of any run. */
  countsSeen: Millis;
  /**
   * The run the next sighting of the latest counts extends (a post row holds it: openRunOf): the run
   * of the latest sighting, when it has the latest counts and no other counts were seen since it
   * began. null when there is none: the next sighting then starts a run of its own.
   */
  open: T | null;
}

/**
 * What readers see of a set of runs (see the module's comment): every sighting in time order, kept
 * where its counts differ from the one before, as a run's row at that time (Point); undefined
 * when it holds no sighting. A deletion of the entity at `deletedAt` (a sync tombstone) hides every
 * sighting up to then: a run seen before and after it keeps its sightings after it,
 * whichever device learnt of the deletion first.
 */
export function settleRuns<T extends Run>(
  kind: RunKind<T>,
  runs: readonly T[],
  deletedAt = -1,
): SettledHistory<Point<T>, T> | undefined {
  const ends = sightingsByTime(kind, runs).filter((e) => e.at > deletedAt);
  if (ends.length === 0) return undefined;
  const points: Array<Point<T>> = [];
  let previous: T | undefined;
  for (const e of ends) {
    if (previous && kind.same(previous, e.run)) continue;
    previous = e.run;
    const { last: _last, seen: _seen, ...point } = e.run;
    points.push({ ...point, at: e.at });
  }
  const latest = previous!;
  const countsSeen = ends[ends.length - 1]!.at;
  // The open run must be one run exactly as it is: lengthening another run to the latest sighting
  // would invent sightings, which other devices lack.
  const content = kind.content(latest);
  const open = runs
    .filter(
      (r) =>
        lastOf(r) === countsSeen &&
        kind.content(r) === content &&
        !ends.some((e) => e.at >= r.at && e.content !== content),
    )
    .sort((x, y) => x.at - y.at)[0];
  return { points, countsSeen, open: open ?? null };
}

/** An observation as readers see it: a run's row at one of its sightings. */
export type Point<T extends Run> = Omit<T, 'last' | 'seen'>;

/**
 * The run rows a sighting `seen` of an account's or a course's counts writes: the same counts as the
 * row holds (`before`) extend its open run (`open`: the row's runAt; `held`: the run the row holds,
 * united with `stored`, that run's stored row, which has its sightings between), or, when it is
 * full, start a run of the same counts; other counts start a run, and a row written before runs
 * (`open` undefined) first keeps the run it held. Returns the row's runAt after it, and whether the
 * counts changed.
 */
export function sightingRuns<T extends Run>(
  kind: RunKind<T>,
  open: Millis | null | undefined,
  held: T | undefined,
  stored: T | undefined,
  before: T | undefined,
  seen: T,
): { runs: T[]; runAt: Millis; started: boolean } {
  const same = before !== undefined && kind.content(before) === kind.content(seen);
  const run = held && stored?.at === held.at ? mergeRuns(kind, stored, held) : held;
  if (typeof open === 'number' && same && run?.at === open && !isFull(run))
    return { runs: [seenAgain(run, seen.at)], runAt: open, started: false };
  const kept = open === undefined && run && run.at !== seen.at ? [run] : [];
  return { runs: [...kept, seen], runAt: seen.at, started: !(typeof open === 'number' && same) };
}

/** An account's runs: its counts, and whether the followers were exact. */
export const ACCOUNT_RUNS: RunKind<AccountSnapshot> = {
  content: (r) => canonicalJson([r.followers ?? null, r.following ?? null, r.posts ?? null, r.exact]),
  same: (a, b) => ACCOUNT_RUNS.content(a) === ACCOUNT_RUNS.content(b),
};

/**
 * The account as its runs say: its counts as last seen, when, and the run its next sighting of the
 * same counts extends (`runAt`, absent when none may be).
 */
export function settledAccount(
  account: StoredAccount,
  settled: SettledHistory<Point<AccountSnapshot>, AccountSnapshot>,
): StoredAccount {
  const latest = settled.points[settled.points.length - 1]!;
  const next: StoredAccount = {
    ...account,
    followersExact: latest.exact,
    lastSeenAt: Math.max(account.lastSeenAt, settled.countsSeen),
  };
  for (const k of ['followers', 'following', 'posts'] as const) {
    if (latest[k] === undefined) delete next[k];
    else next[k] = latest[k];
  }
  if (settled.countsSeen === next.lastSeenAt) delete next.countsSeenAt;
  else next.countsSeenAt = settled.countsSeen;
  next.runAt = settled.open?.at ?? null;
  return next;
}

/**
 * The run of counts an account row holds: its open run (runAt) to their last sighting; none when
 * runAt is null (its runs are all rows); on a row written before runs, that sighting alone. Uniting
 * it with the account's runs loses nothing whichever row a merge keeps.
 */
export function heldAccountRun(account: StoredAccount): AccountSnapshot | undefined {
  if (account.runAt === null) return undefined;
  const seen = countsSeen(account as unknown as Record<string, unknown>);
  const point = countsPoint('accounts', account as unknown as Record<string, unknown>, seen) as unknown as
    | AccountSnapshot
    | undefined;
  if (!point) return undefined;
  return typeof account.runAt === 'number' && account.runAt <= seen
    ? withLast({ ...point, at: account.runAt }, seen)
    : point;
}

/** A course's runs: its price and counts, and whether a post said them rather than its own page. */
export const COURSE_RUNS: RunKind<CourseSnapshot> = {
  content: (r) => canonicalJson([courseValue(r), r.post ?? false]),
  same: (a, b) => courseValue(a) === courseValue(b),
};

/** A course's price and counts as one string: the same whether a post or its page said them. */
function courseValue(r: CourseSnapshot): string {
  return canonicalJson([r.price, r.currency, r.listPrice ?? null, r.students ?? null, r.rating ?? null]);
}

/** The run of counts a course row holds, as an account's (heldAccountRun), marked when a post said them. */
export function heldCourseRun(course: StoredCourse): CourseSnapshot | undefined {
  if (course.runAt === null) return undefined;
  const seen = countsSeen(course as unknown as Record<string, unknown>);
  const point = coursePoint(course, seen);
  if (!point) return undefined;
  return typeof course.runAt === 'number' && course.runAt <= seen
    ? withLast({ ...point, at: course.runAt }, seen)
    : point;
}

/** A course's counts as a run seen once at `at`, marked when a post said them. */
export function coursePoint(course: StoredCourse, at: Millis): CourseSnapshot | undefined {
  const point = countsPoint('courses', course as unknown as Record<string, unknown>, at) as unknown as
    | CourseSnapshot
    | undefined;
  return point && (course.source === 'post' ? { ...point, post: true } : point);
}

/**
 * The course as its runs say: its price and counts as last seen, when, and its open run. Its own
 * page's data beats a post's, so a course saved from its page is settled from its page's runs only;
 * a course known from posts alone, from all.
 */
export function settledCourse(
  course: StoredCourse,
  runs: readonly CourseSnapshot[],
  deletedAt: Millis,
): StoredCourse | undefined {
  const own = course.source === 'post' ? runs : runs.filter((r) => !r.post);
  const settled = settleRuns(COURSE_RUNS, own, deletedAt);
  if (!settled) return undefined;
  const latest = settled.points[settled.points.length - 1]!;
  const next: StoredCourse = {
    ...course,
    price: latest.price,
    currency: latest.currency,
    lastSeenAt: Math.max(course.lastSeenAt, settled.countsSeen),
    runAt: settled.open?.at ?? null,
  };
  for (const k of ['listPrice', 'students', 'rating'] as const) {
    if (latest[k] === undefined) delete next[k];
    else next[k] = latest[k];
  }
  if (settled.countsSeen === next.lastSeenAt) delete next.countsSeenAt;
  else next.countsSeenAt = settled.countsSeen;
  return next;
}

/** What readers see of courses' runs (stored as courseSnapshots): each course's changes. */
export function coursePoints(runs: readonly CourseSnapshot[]): CourseSnapshot[] {
  return [...groupBy(runs, (r) => r.url).values()].flatMap(
    (own) =>
      settleRuns(COURSE_RUNS, unionRuns(COURSE_RUNS, own))?.points.map(({ post: _post, ...p }) => p) ?? [],
  );
}

/** What readers see of accounts' runs (stored as accountSnapshots): each account's changes of counts. */
export function accountPoints(runs: readonly AccountSnapshot[]): AccountSnapshot[] {
  return [...groupBy(runs, (r) => JSON.stringify([r.platform, r.accountId])).values()].flatMap(
    (own) => settleRuns(ACCOUNT_RUNS, unionRuns(ACCOUNT_RUNS, own))?.points ?? [],
  );
}

/**
 * A post's run row in its one stored form: `last` and `seen` only where they hold a sighting,
 * `approx` only when some.
 */
export function runRow(
  platform: PostRun['platform'],
  postId: string,
  at: Millis,
  last: Millis,
  m: Metrics,
  approx: readonly MetricKey[] | undefined,
  seen: readonly Millis[] = [],
): PostRun {
  const run: PostRun = { platform, postId, at, m, ...(approx?.length ? { approx: [...approx] } : {}) };
  return withSightings(run, [...seen, last]);
}

/** A post's runs: its metrics, with which of them were approximate. */
export const POST_RUNS: RunKind<PostRun> = {
  content: (r) => canonicalJson([r.m, r.approx ?? []]),
  same: (a, b) => sameMetrics(a.m, b.m),
};

/** The kind of each synced table of runs. */
export const RUN_KINDS = {
  postRuns: POST_RUNS,
  accountSnapshots: ACCOUNT_RUNS,
  courseSnapshots: COURSE_RUNS,
} as const;

/**
 * The post as its runs say: latest counts (at when first seen as they now are), when last seen,
 * and which run the next sighting extends (`runAt`, stored only where it is not metricsAt, and its
 * sightings between, `runSeen`). A floor
 * (lowerBounds) is kept only with the counts it qualified.
 */
export function settledPost(post: StoredPost, settled: SettledHistory<PostSnapshot, PostRun>): StoredPost {
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
  const open = settled.open;
  if (open?.at === latest.at) delete next.runAt;
  else next.runAt = open?.at ?? null;
  if (open?.seen) next.runSeen = open.seen;
  else delete next.runSeen;
  return next;
}

/**
 * The run a post row holds (see the module's comment): its latest counts, from `runAt` (or metricsAt)
 * through runSeen to their last sighting. None when the row names none open (runAt null: the next sighting starts
 * one) or has no counts.
 */
export function openRunOf(post: StoredPost): PostRun | undefined {
  const at = post.runAt === null ? undefined : (post.runAt ?? post.metricsAt);
  if (at === undefined || !hasCounts(post.metrics)) return undefined;
  const last = Math.max(at, post.countsSeenAt ?? post.lastSeenAt);
  return runRow(post.platform, post.id, at, last, post.metrics, post.approx, post.runSeen);
}

/**
 * The run rows standing for a history kept before runs (schema 10 and older, or a backup of then):
 * each earlier observation a run seen once; the latest, on the post, is its open run already.
 */
export function runsOfHistory(post: StoredPost, earlier: readonly PostSnapshot[]): PostRun[] {
  const open = openRunOf(post)?.at;
  return unionRuns(
    POST_RUNS,
    earlier.filter((s) => s.at !== open).map((s) => runRow(s.platform, s.postId, s.at, s.at, s.m, s.approx)),
  );
}

/** Rows by a key of theirs, in order: a history's rows by their entity. */
export function groupBy<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/** Rows of posts' histories (runs, snapshots) by post, under `postKey`. */
export const byPost = <T extends { platform: string; postId: string }>(
  rows: readonly T[],
): Map<string, T[]> => groupBy(rows, (row) => postKey(row.platform, row.postId));

export const postKey = (platform: string, id: string): string => JSON.stringify([platform, id]);

/** runsOfHistory of many posts, with their snapshots in any order. */
export function runsOfHistories(posts: readonly StoredPost[], snapshots: readonly PostSnapshot[]): PostRun[] {
  const earlier = byPost(snapshots);
  return posts.flatMap((p) => runsOfHistory(p, earlier.get(postKey(p.platform, p.id)) ?? []));
}
