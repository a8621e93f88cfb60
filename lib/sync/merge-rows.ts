/**
 * How two devices' versions of one row become one, whichever arrives first: every function here is
 * commutative, associative and idempotent, so any order of sync ends with the same tables. Pure.
 *
 * Order comes from the observations' own times (lastSeenAt, metricsAt, a snapshot's `at`), never from
 * arrival; equal times are settled by comparing the rows' contents, which every device does alike.
 */
import type { Millis, StoredAccount, StoredCourse } from '../db/schema';
import type { SyncKind } from './tables';

type Row = Record<string, unknown>;

/** A total order on JSON values, the same on every device: for breaking ties. */
export function compareRows(a: unknown, b: unknown): number {
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Row)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The later of two by `time`, ties by content. */
function later<T>(a: T, b: T, time: (row: T) => number): T {
  const d = time(a) - time(b);
  if (d !== 0) return d > 0 ? a : b;
  return compareRows(a, b) >= 0 ? a : b;
}

const blank = (v: unknown): boolean => v === undefined || v === '';

type Observed = 'posts' | 'comments' | 'accounts' | 'courses';

/**
 * The fields observed together as an entity's counts: they travel as one, from the row whose counts
 * were observed last. A post's and a comment's carry metricsAt, when they were first seen as they are.
 */
const COUNTS: Partial<Record<Observed, readonly string[]>> = {
  // runAt names the run of these counts the row holds (lib/db/runs.ts heldAccountRun): it goes with them.
  accounts: ['followers', 'following', 'posts', 'followersExact', 'runAt'],
  courses: ['price', 'currency', 'listPrice', 'students', 'rating', 'ratingCount', 'runAt'],
};
/** Fields that travel together: a post's or comment's counts and what qualifies them, as of metricsAt. */
const METRIC_GROUP = [
  'metrics',
  'metricsExact',
  'approx',
  'lowerBounds',
  'metricsAt',
  'runAt',
  'runSeen',
] as const;
/** A course's status: a saved course stays saved when a post mentions it again (lib/db/write.ts). */
const STATUS_RANK: Record<string, number> = { sighting: 0, link: 0, saved: 1, dismissed: 2 };

/**
 * When a row's counts were last observed: `countsSeenAt`, stored only when older than the row's
 * last observation (a capture that carried no counts, or a merge whose newer row lacked them).
 */
export const countsSeen = (r: Row): Millis =>
  (r.countsSeenAt as Millis | undefined) ?? (r.lastSeenAt as Millis) ?? 0;

/** Stores `countsSeenAt` only where it says something lastSeenAt does not: one form per state. */
export function withCountsSeen<T extends Row>(row: T, at: Millis): T {
  if (at === row.lastSeenAt) delete row.countsSeenAt;
  else (row as Row).countsSeenAt = at;
  return row;
}

/** A course seen in a post carries what the post said of it; its own page's data beats that. */
const fromPage = (table: string, r: Row): number => (table === 'courses' && r.source !== 'post' ? 1 : 0);

/**
 * One observed row from two: the newer observation's fields, with what it left blank (a partial
 * capture) filled from the other; first and last seen spanning both; the counts of the row whose
 * counts were observed last (the latest observation is the truth, even when it repeats an old value).
 * When that row's counts were first seen before the other row's last observation of different
 * counts, they came back: they count from their latest observation.
 *
 * The counts' history is not the rows': an entity's runs of counts (lib/db/runs.ts) merge on their
 * own, and the entity is settled from them (lib/db/settle.ts).
 */
export function mergeStateRows(
  table: string,
  kind: Extract<SyncKind, { kind: 'state' }>,
  a: Row,
  b: Row,
): Row {
  const seen = (r: Row) => (r.lastSeenAt as Millis) ?? 0;
  const winner = later(a, b, (r) => fromPage(table, r) * 2 ** 53 + seen(r));
  const other = winner === a ? b : a;
  const row: Row = { ...other, ...winner };
  for (const [k, v] of Object.entries(other)) if (blank(row[k]) && !blank(v)) row[k] = v;
  row.firstSeenAt = Math.min(a.firstSeenAt as number, b.firstSeenAt as number);
  row.lastSeenAt = Math.max(seen(a), seen(b));
  if ('metricsAt' in a || 'metricsAt' in b) {
    // A comment's counts, which have no history, from the row that saw them last: the latest
    // observation is the truth, even when it repeats an old value, and picking the row of the latest
    // sighting is the same whatever the order in which rows meet. A post's too, until its runs
    // (lib/db/runs.ts, merged beside it) settle what it shows (lib/db/settle.ts).
    const counts = later(a, b, countsSeen);
    for (const k of METRIC_GROUP) {
      if (counts[k] === undefined) delete row[k];
      else row[k] = counts[k];
    }
    withCountsSeen(row, countsSeen(counts));
  }
  const group = COUNTS[table as Observed];
  if (group) {
    // An account's or course's counts from the row that saw them last (a course's own page first),
    // until its runs settle what it shows.
    const counts = later(a, b, (r) => fromPage(table, r) * 2 ** 53 + countsSeen(r));
    for (const k of group) {
      if (counts[k] === undefined) delete row[k];
      else row[k] = counts[k];
    }
    withCountsSeen(row, countsSeen(counts));
  }
  if (table === 'posts') {
    // An exact publication time beats an approximate one ("3 days ago"), whichever is newer.
    const exact = [winner, other].find((r) => r.createdAt && r.createdAtApprox === false);
    if (exact) {
      row.createdAt = exact.createdAt;
      row.createdAtApprox = false;
    }
  }
  if (table === 'courses') {
    const rank = (r: Row) => STATUS_RANK[r.status as string] ?? 0;
    if (rank(other) > rank(winner)) row.status = other.status;
  }
  for (const f of kind.userFields) if (row[f] === undefined && other[f] !== undefined) row[f] = other[f];
  return row;
}

/**
 * The synced history table of each entity with one (comments keep their latest counts only); a
 * post's postSnapshots are derived from its runs on each device.
 */
export const HISTORY = {
  posts: 'postRuns',
  accounts: 'accountSnapshots',
  courses: 'courseSnapshots',
} as const satisfies Partial<Record<Observed, string>>;

/**
 * A row's counts as a point of its history at `at`; undefined when it holds no counts. The one
 * shape of each table's points, for the capture path and sync alike.
 */
export function countsPoint(table: Observed, row: Row, at: Millis): Row | undefined {
  switch (table) {
    case 'accounts': {
      const a = row as unknown as StoredAccount;
      if (a.followers === undefined && a.following === undefined && a.posts === undefined) return undefined;
      return {
        platform: a.platform,
        accountId: a.id,
        at,
        followers: a.followers,
        following: a.following,
        posts: a.posts,
        exact: !!a.followersExact,
      };
    }
    case 'courses': {
      const c = row as unknown as StoredCourse;
      if (c.price === null && c.students === undefined && c.rating === undefined) return undefined;
      return {
        url: c.url,
        at,
        price: c.price,
        currency: c.currency,
        listPrice: c.listPrice,
        students: c.students,
        rating: c.rating,
      };
    }
    default:
      return undefined;
  }
}
