/**
 * How two devices' versions of one row become one, whichever arrives first: every function here is
 * commutative, associative and idempotent, so any order of sync ends with the same tables. Pure.
 *
 * Order comes from the observations' own times (lastSeenAt, metricsAt, a snapshot's `at`), never from
 * arrival; equal times are settled by comparing the rows' contents, which every device does alike.
 */
import type { Millis, PostSnapshot, StoredPost } from '../db/schema';
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

/** Fields that travel together: the counts and what qualifies them, as of metricsAt. */
const METRIC_GROUP = ['metrics', 'metricsExact', 'approx', 'lowerBounds', 'metricsAt'] as const;
/** A course's status: a saved course stays saved when a post mentions it again (lib/db/write.ts). */
const STATUS_RANK: Record<string, number> = { sighting: 0, link: 0, saved: 1, dismissed: 2 };

/**
 * One observed row from two: the newer observation's fields, with what it left blank (a partial
 * capture) filled from the other; the counts as of the newer metricsAt; first and last seen
 * spanning both. `displaced` is the post's latest counts that lost, to keep as a snapshot.
 */
export function mergeStateRows(
  table: string,
  kind: Extract<SyncKind, { kind: 'state' }>,
  a: Row,
  b: Row,
): { row: Row; displaced?: PostSnapshot } {
  const seen = (r: Row) => (r.lastSeenAt as Millis) ?? 0;
  const winner = later(a, b, seen);
  const other = winner === a ? b : a;
  const row: Row = { ...other, ...winner };
  for (const [k, v] of Object.entries(other)) if (blank(row[k]) && !blank(v)) row[k] = v;
  row.firstSeenAt = Math.min(a.firstSeenAt as number, b.firstSeenAt as number);
  row.lastSeenAt = Math.max(seen(a), seen(b));
  let displaced: PostSnapshot | undefined;
  if ('metricsAt' in a || 'metricsAt' in b) {
    const at = (r: Row) => (r.metricsAt as Millis | undefined) ?? -1;
    const counts = later(a, b, at);
    const lost = counts === a ? b : a;
    for (const k of METRIC_GROUP) {
      if (counts[k] === undefined) delete row[k];
      else row[k] = counts[k];
    }
    if (table === 'posts' && at(lost) < at(counts)) displaced = latestOf(lost as unknown as StoredPost);
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
  return { row, displaced };
}

function latestOf(post: StoredPost): PostSnapshot | undefined {
  if (post.metricsAt === undefined || Object.keys(post.metrics ?? {}).length === 0) return undefined;
  return {
    platform: post.platform,
    postId: post.id,
    at: post.metricsAt,
    m: post.metrics,
    ...(post.approx?.length ? { approx: post.approx } : {}),
  };
}

/** Two rows of one observation (same key, same time): the same on every device. */
export const mergePointRows = (a: Row, b: Row): Row => (compareRows(a, b) >= 0 ? a : b);

/** What makes two observations of an entity the same counts: everything but the entity and time. */
const POINT_VALUE: Record<string, readonly string[]> = {
  postSnapshots: ['m', 'approx'],
  accountSnapshots: ['followers', 'following', 'posts', 'exact'],
  courseSnapshots: ['price', 'currency', 'listPrice', 'students', 'rating'],
};

const pointValue = (table: string, row: Row): string =>
  canonicalJson(
    POINT_VALUE[table]!.map((k) => (k === 'approx' && !(row[k] as unknown[])?.length ? [] : row[k])),
  );

/**
 * An entity's observations as the capture path keeps them: only changes. When two devices saw the
 * same counts at different times, the earlier time stays and the later is no change: the history
 * one browser would have kept had it seen both. Returns the rows to delete.
 */
export function redundantPoints<T extends Row>(table: string, points: readonly T[]): T[] {
  const sorted = [...points].sort((x, y) => (x.at as number) - (y.at as number));
  const redundant: T[] = [];
  let previous: string | undefined;
  for (const p of sorted) {
    const value = pointValue(table, p);
    if (value === previous) redundant.push(p);
    previous = value;
  }
  return redundant;
}

/**
 * A post's history made canonical: its latest counts (on the row) and its snapshot rows as one
 * sequence without an observation equal to the one before, the newest on the post and the others
 * as snapshot rows. Returns the post as it must be stored and the snapshot rows to put and delete.
 */
export function canonicalPostHistory(
  post: StoredPost | undefined,
  snapshots: readonly PostSnapshot[],
): { post?: StoredPost; put: PostSnapshot[]; remove: PostSnapshot[] } {
  const latest = post && latestOf(post);
  // The latest counts on the row win over a snapshot row of the same time.
  const points = [...snapshots.filter((s) => s.at !== latest?.at), ...(latest ? [latest] : [])];
  const redundant = new Set(redundantPoints('postSnapshots', points as unknown as Row[]) as unknown[]);
  const kept = points.filter((p) => !redundant.has(p)).sort((x, y) => x.at - y.at);
  const newest = post && latest ? kept[kept.length - 1] : undefined;
  const rows = kept.filter((p) => p !== newest);
  const stored = new Set(snapshots);
  const put = rows.filter((p) => !stored.has(p));
  const remove = snapshots.filter((s) => !rows.includes(s));
  if (!post || !newest || newest === latest) return { post, put, remove };
  const next: StoredPost = {
    ...post,
    metrics: newest.m,
    approx: newest.approx ?? [],
    metricsExact: !newest.approx?.length,
    metricsAt: newest.at,
  };
  // A floor is known only with the counts it qualified.
  delete next.lowerBounds;
  return { post: next, put, remove };
}
