import type { Table } from 'dexie';
import { engagements } from '../metrics/engagement';
import { localDay } from '../metrics/time';
import type {
  AccountRecord,
  CaptureBatch,
  CommentRecord,
  CourseRecord,
  ExtractFailure,
  Platform,
  PostRecord,
} from '../records';
import { countsPoint, countsSeen, mergeStateRows, withCountsSeen } from '../sync/merge-rows';
import { SYNCED_TABLES } from '../sync/tables';
import { type AuthorKey, applyAuthorDeltas, authorDeltas, readAuthorTotals } from './author-totals';
import { upsertComments } from './comments';
import { latestAsSnapshot } from './history';
import { incomingState, mergeMetrics, sameMetrics } from './merge';
import { keepCommenterProfiles, stripProfile } from './privacy';
import {
  ACCOUNT_RUNS,
  COURSE_RUNS,
  coursePoint,
  hasCounts,
  heldAccountRun,
  heldCourseRun,
  isFull,
  openRunOf,
  runRow,
  sightingRuns,
  sightingsOf,
} from './runs';
import type {
  AccountSnapshot,
  AuthorTotal,
  CoursePulseDb,
  CourseSnapshot,
  DailyRollup,
  HealthEvent,
  Millis,
  PostRun,
  PostSnapshot,
  PriceSeen,
  StoredAccount,
  StoredCourse,
  StoredPost,
} from './schema';
import { settleAccounts, settleCourses, settlePosts } from './settle';

export interface WriteSummary {
  posts: number;
  newPosts: number;
  comments: number;
  accounts: number;
  courses: number;
  /** Observations recorded: new or changed counts of posts, accounts and courses. */
  snapshots: number;
  duplicate: boolean;
}

const HEALTH_LOG_KEEP_MS = 14 * 24 * 3600_000;
const BATCH_MEMORY_MS = 24 * 3600_000;

/**
 * Applies one validated capture batch in a single transaction. Idempotent twice over: a batch id
 * already applied is skipped, and a record whose counts did not change appends no snapshot.
 */
export async function applyBatch(
  db: CoursePulseDb,
  batch: Pick<CaptureBatch, 'batchId' | 'records' | 'failures'> & { source?: string; pageUrl?: string },
  now: Millis,
): Promise<WriteSummary> {
  const posts = batch.records.filter((r): r is PostRecord => r.kind === 'post');
  const accounts = batch.records.filter((r): r is AccountRecord => r.kind === 'account');
  const courses = batch.records.filter((r): r is CourseRecord => r.kind === 'course');
  const comments = batch.records.filter((r): r is CommentRecord => r.kind === 'comment');
  return db.transaction(
    'rw',
    [
      db.posts,
      db.postSnapshots,
      db.postRuns,
      db.syncTombstones,
      db.accounts,
      db.accountSnapshots,
      db.courses,
      db.courseSnapshots,
      db.dailyRollups,
      db.authorTotals,
      db.comments,
      db.settings,
      db.health,
      db.healthSummary,
      db.appliedBatches,
    ],
    async () => {
      const summary: WriteSummary = {
        posts: posts.length,
        newPosts: 0,
        comments: comments.length,
        accounts: accounts.length,
        courses: courses.length,
        snapshots: 0,
        duplicate: false,
      };
      const uniquePosts = dedupeLast(posts, (p) => `${p.platform}:${p.id}`);
      const day = localDay(now);
      const rollupKeys = [...new Set(uniquePosts.map((p) => p.platform))].map(
        (platform) => [platform, day] as [Platform, string],
      );
      // Every read up front, in one round trip: the batch id, the posts, today's rollups and the
      // batch's authors' post counts.
      const [applied, storedPosts, storedRollups, authorTotals, keepProfiles] = await Promise.all([
        db.appliedBatches.get(batch.batchId),
        storedPostsOf(db, uniquePosts),
        db.dailyRollups.bulkGet(rollupKeys),
        readAuthorTotals(
          db.authorTotals,
          uniquePosts.map((p) => [p.platform, p.authorId] as AuthorKey),
        ),
        keepCommenterProfiles(db),
      ]);
      if (applied) return { ...summary, duplicate: true };
      const rollups = new Map<string, DailyRollup>(
        storedRollups.flatMap((r) => (r ? [[`${r.platform}|${r.day}`, { ...r }] as const] : [])),
      );
      // Then every write together: independent tables need not wait for each other.
      const [postResult, accountSnapshots, courseSnapshots] = await Promise.all([
        upsertPosts(db, uniquePosts, storedPosts, now, rollups, authorTotals),
        upsertAccounts(
          db,
          dedupeLast(accounts, (a) => `${a.platform}:${a.id}`),
          now,
          keepProfiles,
        ),
        upsertComments(
          db,
          dedupeLast(comments, (c) => `${c.platform}:${c.id}`),
          now,
          keepProfiles,
        ),
        upsertCourses(
          db,
          dedupeLast(courses, (c) => c.url),
          now,
        ),
        logHealth(db, batch.source, batch.failures, batch.records.length, now, batch.pageUrl),
        db.appliedBatches.put({ batchId: batch.batchId, at: now }),
      ]);
      summary.newPosts = postResult.newPosts;
      summary.snapshots += postResult.observations + accountSnapshots + courseSnapshots;
      return summary;
    },
  );
}

/** How many stored rows a batch's key range may hold, per post of the batch, to be read in one go. */
const RANGE_ROWS_PER_POST = 2;

/**
 * The stored rows of `posts` (undefined for a new post), in order. A page's posts have ids close
 * together, so one read of the key range from the lowest id to the highest usually returns them
 * all, with few others: one request instead of a point read per post (a point read costs about as
 * much as the write it precedes). When other stored posts crowd that range, each post is read by
 * its key, as a bulkGet would.
 */
async function storedPostsOf(db: CoursePulseDb, posts: PostRecord[]): Promise<Array<StoredPost | undefined>> {
  const byKey = new Map<string, StoredPost>();
  const crowded: PostRecord[] = [];
  const platforms = [...new Set(posts.map((p) => p.platform))];
  await Promise.all(
    platforms.map(async (platform) => {
      const mine = posts.filter((p) => p.platform === platform);
      const ids = mine.map((p) => p.id).sort();
      const limit = mine.length * RANGE_ROWS_PER_POST;
      const rows = await db.posts
        .where(':id')
        .between([platform, ids[0]!], [platform, ids[ids.length - 1]!], true, true)
        .limit(limit + 1)
        .toArray();
      if (rows.length > limit) crowded.push(...mine);
      else for (const row of rows) byKey.set(`${row.platform}:${row.id}`, row);
    }),
  );
  if (crowded.length) {
    const rows = await db.posts.bulkGet(crowded.map((p) => [p.platform, p.id] as [Platform, string]));
    rows.forEach((row, i) => {
      if (row) byKey.set(`${row.platform}:${crowded[i]!.id}`, row);
    });
  }
  return posts.map((p) => byKey.get(`${p.platform}:${p.id}`));
}

function dedupeLast<T>(items: T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return [...byKey.values()];
}

function rollupFor(rollups: Map<string, DailyRollup>, platform: Platform, now: Millis): DailyRollup {
  const day = localDay(now);
  const key = `${platform}|${day}`;
  let rollup = rollups.get(key);
  if (!rollup) {
    rollup = { platform, day, newPosts: 0, snapshots: 0, engagementGain: 0, viewGain: 0 };
    rollups.set(key, rollup);
  }
  return rollup;
}

/**
 * Writes posts (as read in `stored`), their replaced counts as snapshots, today's rollups and the
 * authors' post counts (as read in `authorTotals`).
 */
async function upsertPosts(
  db: CoursePulseDb,
  records: PostRecord[],
  stored: Array<StoredPost | undefined>,
  now: Millis,
  rollups: Map<string, DailyRollup>,
  authorTotals: ReadonlyMap<string, AuthorTotal | undefined>,
): Promise<{ newPosts: number; observations: number }> {
  if (records.length === 0) return { newPosts: 0, observations: 0 };
  const puts: StoredPost[] = [];
  const versions: Array<[StoredPost | undefined, StoredPost]> = [];
  const snapshots: PostSnapshot[] = [];
  const runs: PostRun[] = [];
  const late: PostRun[] = [];
  let newPosts = 0;
  let observations = 0;
  records.forEach((record, i) => {
    const old = stored[i];
    // Seen before the stored row's last observation: a batch resent late, or a row pulled from a
    // device whose clock runs ahead. Its counts join the runs and the history is settled from them.
    if (old && old.lastSeenAt > now) {
      const seen = postRow(record, undefined, now);
      const held = openRunOf(old);
      if (held) late.push(held);
      if (hasCounts(seen.metrics))
        late.push(runRow(seen.platform, seen.id, now, now, seen.metrics, seen.approx));
      // Its counts are settled from the runs (lib/db/settle.ts), the open run among them.
      const { runSeen: _between, ...merged } = mergeStateRows(
        'posts',
        SYNCED_TABLES.posts,
        { ...old },
        { ...seen },
      ) as unknown as StoredPost;
      const post: StoredPost = { ...merged, runAt: null };
      puts.push(post);
      versions.push([old, post]);
      observations++;
      return;
    }
    const put = postRow(record, old, now);
    const rollup = rollupFor(rollups, record.platform, now);
    if (!old) {
      newPosts++;
      rollup.newPosts++;
    }
    const changed = !sameMetrics(old?.metrics, put.metrics);
    puts.push(put);
    versions.push([old, put]);
    if (hasCounts(record.metrics) && hasCounts(put.metrics)) {
      const closed = sighting(old, put, changed, now);
      if (closed) runs.push(closed);
    } else if (old) withCountsSeen(put as unknown as Row, countsSeen(old as unknown as Row));
    if (changed) {
      // The counts being replaced become history; a post seen once has none. Two captures in the
      // same millisecond: the later one replaces, never duplicates.
      const replaced = old && old.metricsAt !== now ? latestAsSnapshot(old) : null;
      if (replaced) snapshots.push(replaced);
      observations++;
      rollup.snapshots++;
      if (old) {
        rollup.engagementGain += Math.max(
          0,
          (engagements(put.metrics) ?? 0) - (engagements(old.metrics) ?? 0),
        );
        rollup.viewGain += Math.max(0, (put.metrics.views ?? 0) - (old.metrics.views ?? 0));
      }
    }
  });
  await Promise.all([
    db.posts.bulkPut(puts),
    snapshots.length ? db.postSnapshots.bulkPut(snapshots) : null,
    runs.length ? db.postRuns.bulkPut(runs) : null,
    db.dailyRollups.bulkPut([...rollups.values()]),
    applyAuthorDeltas(db.authorTotals, authorDeltas(versions), authorTotals),
  ]);
  if (late.length) await settlePosts((name) => db.table(name), [], late);
  return { newPosts, observations };
}

/**
 * A sighting of counts at `now`, on the post's run fields (lib/db/runs.ts): the same counts extend
 * the run the post row holds open, its last sighting joining those between (or start one when it
 * holds none, or when it is full); other counts close it. The run it closes, returned, becomes a row.
 * A post seen once, or again with the same counts, writes its row alone unless its run is full.
 */
function sighting(
  old: StoredPost | undefined,
  put: StoredPost,
  changed: boolean,
  now: Millis,
): PostRun | undefined {
  delete put.countsSeenAt;
  delete put.runSeen;
  if (!old) return undefined;
  const open = openRunOf(old);
  if (changed) {
    delete put.runAt;
    return open;
  }
  if (open && !isFull(open)) {
    const between = sightingsOf(open)
      .slice(1)
      .filter((at) => at < now);
    if (between.length) put.runSeen = between;
    return undefined;
  }
  if (put.metricsAt === now) delete put.runAt;
  else put.runAt = now;
  return open;
}

/** The post as stored after `record` was seen at `now` (`old`: as stored before). */
function postRow(record: PostRecord, old: StoredPost | undefined, now: Millis): StoredPost {
  const { kind: _kind, ...fields } = record;
  const merged = mergeMetrics(
    old && { m: old.metrics, approx: old.approx, lowerBounds: old.lowerBounds ?? [] },
    incomingState(record.metrics, record.metricsExact, record.lowerBounds, record.approx),
  );
  const changed = !sameMetrics(old?.metrics, merged.m);
  const { partial, approx: _approx, ...known } = fields;
  const kept =
    old && partial ? { url: old.url, format: old.format, repostOf: old.repostOf, shortId: old.shortId } : {};
  return {
    ...(old ?? {}),
    ...known,
    ...kept,
    links: partial && old && known.links.length === 0 ? old.links : known.links,
    hashtags: partial && old && known.hashtags.length === 0 ? old.hashtags : known.hashtags,
    // A later, partial observation (a DOM card without text) must not erase what we knew.
    text: fields.text || old?.text || '',
    authorId: fields.authorId || old?.authorId || '',
    authorHandle: fields.authorHandle || old?.authorHandle || '',
    authorName: fields.authorName || old?.authorName || '',
    createdAt: pickCreatedAt(old, record),
    createdAtApprox: old && !old.createdAtApprox && record.createdAtApprox ? false : record.createdAtApprox,
    metrics: merged.m,
    metricsExact: merged.approx.length === 0,
    approx: merged.approx,
    lowerBounds: merged.lowerBounds.length ? merged.lowerBounds : undefined,
    metricsAt: changed || !old ? now : old.metricsAt,
    firstSeenAt: old?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
}

function pickCreatedAt(old: StoredPost | undefined, record: PostRecord): string | null {
  if (!old?.createdAt) return record.createdAt;
  if (!record.createdAt) return old.createdAt;
  // An exact time beats an approximate one ("3 days ago") whichever arrived first.
  if (!old.createdAtApprox && record.createdAtApprox) return old.createdAt;
  return record.createdAt;
}

/** With `keepProfiles` off, bios and locations of accounts that are not tracked are not kept (lib/db/privacy.ts). */
async function upsertAccounts(
  db: CoursePulseDb,
  records: AccountRecord[],
  now: Millis,
  keepProfiles: boolean,
): Promise<number> {
  if (records.length === 0) return 0;
  const stored = await db.accounts.bulkGet(records.map((r) => [r.platform, r.id] as [Platform, string]));
  const openRows = await openRunRows(db.accountSnapshots, stored, (a, at): [Platform, string, Millis] => [
    a.platform,
    a.id,
    at,
  ]);
  const puts: StoredAccount[] = [];
  const runs: AccountSnapshot[] = [];
  const late: AccountSnapshot[] = [];
  const lateKeys: Array<[Platform, string]> = [];
  let changes = 0;
  records.forEach((record, i) => {
    const old = stored[i];
    const next = accountRow(record, old && old.lastSeenAt <= now ? old : undefined, now, keepProfiles);
    const seen = counted(record) ? accountPoint(next, now) : undefined;
    if (old && old.lastSeenAt > now) {
      // Seen before the stored row's last observation (see upsertPosts): a run of its own, and the
      // account's counts settled from its runs (lib/db/settle.ts).
      puts.push(
        mergeStateRows(
          'accounts',
          SYNCED_TABLES.accounts,
          { ...old },
          { ...next },
        ) as unknown as StoredAccount,
      );
      const held = heldAccountRun(old);
      late.push(...(held ? [held] : []), ...(seen ? [seen] : []));
      lateKeys.push([old.platform, old.id]);
      return;
    }
    puts.push(next);
    if (!seen) return;
    // The same counts extend the run the account holds open; other counts start one (lib/db/runs.ts).
    const sighting = sightingRuns(
      ACCOUNT_RUNS,
      old?.runAt,
      old && heldAccountRun(old),
      openRows[i],
      old && accountPoint(old, now),
      seen,
    );
    runs.push(...sighting.runs);
    next.runAt = sighting.runAt;
    if (sighting.started) changes++;
  });
  await Promise.all([db.accounts.bulkPut(puts), runs.length ? db.accountSnapshots.bulkPut(runs) : null]);
  if (lateKeys.length) await settleAccounts((name) => db.table(name), lateKeys, late);
  return changes + late.length;
}

/**
 * The stored rows of the runs these accounts or courses hold open (their runAt), by position: the
 * row has the sightings between, which a sighting extending the run must keep.
 */
async function openRunRows<O extends { runAt?: Millis | null }, R, K>(
  table: Table<R, K>,
  owners: ReadonlyArray<O | undefined>,
  keyOf: (owner: O, at: Millis) => K,
): Promise<Array<R | undefined>> {
  const open = owners.flatMap((o, i) =>
    o && typeof o.runAt === 'number' ? [{ i, key: keyOf(o, o.runAt) }] : [],
  );
  const out: Array<R | undefined> = owners.map(() => undefined);
  if (open.length === 0) return out;
  const rows = await table.bulkGet(open.map((o) => o.key));
  open.forEach((o, j) => {
    out[o.i] = rows[j];
  });
  return out;
}

const accountPoint = (account: StoredAccount, at: Millis) =>
  countsPoint('accounts', account as unknown as Row, at) as unknown as AccountSnapshot | undefined;

/** Whether an account record carries counts (a profile card may carry only the name). */
const counted = (record: AccountRecord): boolean =>
  record.followers !== undefined || record.following !== undefined || record.posts !== undefined;

type Row = Record<string, unknown>;

/** The account as stored after `record` was seen at `now` (`old`: as stored before). */
function accountRow(
  record: AccountRecord,
  old: StoredAccount | undefined,
  now: Millis,
  keepProfiles: boolean,
): StoredAccount {
  const { kind: _kind, viewerIsOwner, ...fields } = record;
  const keepExact =
    old?.followersExact &&
    !record.followersExact &&
    old.followers !== undefined &&
    record.followers !== undefined &&
    Math.abs(record.followers - old.followers) <= old.followers * 0.05;
  const next: StoredAccount = {
    ...(old ?? {}),
    ...fields,
    handle: fields.handle || old?.handle || '',
    name: fields.name || old?.name || '',
    followers: keepExact ? old.followers : (fields.followers ?? old?.followers),
    following: fields.following ?? old?.following,
    posts: fields.posts ?? old?.posts,
    followersExact: keepExact
      ? true
      : fields.followers !== undefined
        ? fields.followersExact
        : !!old?.followersExact,
    firstSeenAt: old?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
  if (viewerIsOwner) next.ownerSeenAt = now;
  if (!keepProfiles) stripProfile(next);
  // Counts are seen now when the record has them; else they stay as last seen (merge-rows.ts countsSeen).
  return withCountsSeen(
    next as unknown as Row,
    counted(record) || !old ? now : countsSeen(old as unknown as Row),
  ) as unknown as StoredAccount;
}

/**
 * Saves courses (from the context menu, a link, or a post sighting) and their price history. An
 * observation older than the stored one (a batch resent late) merges as sync merges one arriving
 * late from another device: the newer price, students and rating stay, the older go into the history.
 */
export async function upsertCourses(
  db: CoursePulseDb,
  records: CourseRecord[],
  now: Millis,
  status: StoredCourse['status'] = 'saved',
): Promise<number> {
  if (records.length === 0) return 0;
  const stored = await db.courses.bulkGet(records.map((r) => r.url));
  const openRows = await openRunRows(db.courseSnapshots, stored, (c, at): [string, Millis] => [c.url, at]);
  const puts: StoredCourse[] = [];
  const runs: CourseSnapshot[] = [];
  const late: CourseSnapshot[] = [];
  const lateUrls: string[] = [];
  let changes = 0;
  records.forEach((record, i) => {
    const old = stored[i];
    if (old && record.source === 'post' && old.source !== 'post') {
      // A post mentioning a course the user saved links the post; the page's own data stays.
      const lastSeenAt = Math.max(old.lastSeenAt, now);
      const row = { ...old, seenIn: record.seenIn ?? old.seenIn, lastSeenAt };
      puts.push(
        withCountsSeen(row as unknown as Row, countsSeen(old as unknown as Row)) as unknown as StoredCourse,
      );
      return;
    }
    if (old && old.lastSeenAt > now) {
      // Seen before the stored row's last observation (see upsertPosts): a run of its own, and the
      // course's counts settled from its runs (lib/db/settle.ts).
      const seen = courseRow(record, undefined, now, status);
      puts.push(
        mergeStateRows('courses', SYNCED_TABLES.courses, { ...old }, { ...seen }) as unknown as StoredCourse,
      );
      const held = heldCourseRun(old);
      const run = coursePoint(seen, now);
      late.push(...(held ? [held] : []), ...(run ? [run] : []));
      lateUrls.push(old.url);
      return;
    }
    const next = courseRow(record, old, now, status);
    puts.push(next);
    const seen = coursePoint(next, now);
    if (!seen) return;
    // As an account's (upsertAccounts): the same counts from the same source extend the open run.
    const sighting = sightingRuns(
      COURSE_RUNS,
      old?.runAt,
      old && heldCourseRun(old),
      openRows[i],
      old && coursePoint(old, now),
      seen,
    );
    runs.push(...sighting.runs);
    next.runAt = sighting.runAt;
    if (sighting.started) changes++;
  });
  await Promise.all([db.courses.bulkPut(puts), runs.length ? db.courseSnapshots.bulkPut(runs) : null]);
  if (lateUrls.length) await settleCourses((name) => db.table(name), lateUrls, late);
  return changes + late.length;
}

/** The course as stored after `record` was seen at `now` (`old`: as stored before). */
function courseRow(
  record: CourseRecord,
  old: StoredCourse | undefined,
  now: Millis,
  status: StoredCourse['status'],
): StoredCourse {
  const { kind: _kind, ...fields } = record;
  const incomingStatus = record.source === 'post' ? 'sighting' : status;
  // Its counts are seen now, with the row (lib/sync/merge-rows.ts countsSeen).
  const { countsSeenAt: _seen, ...before } = old ?? {};
  const row: StoredCourse = {
    ...before,
    ...withoutUndefined(fields),
    url: record.url,
    provider: fields.provider || old?.provider || '',
    source: fields.source,
    title: fields.title || old?.title || '',
    // A saved course stays saved when a post mentions it again; a sighting becomes saved when saved.
    status: old?.status === 'saved' || old?.status === 'dismissed' ? old.status : incomingStatus,
    price: fields.price ?? old?.price ?? null,
    currency: fields.currency ?? old?.currency ?? null,
    firstSeenAt: old?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
  // Saving it is seeing its price; later saves leave what was seen, so a change shows on a visit.
  if (row.status === 'saved' && old?.status !== 'saved') row.priceSeen = priceSeenNow(row, now);
  return row;
}

const priceSeenNow = (course: StoredCourse, now: Millis): PriceSeen => ({
  price: course.price,
  currency: course.currency,
  at: now,
});

/**
 * The user saw these saved courses' prices now (the popup showed them): nothing is flagged until the
 * next change. An update, so sync carries it as the user's edit, the latest on any device winning;
 * only where the price seen changes, so opening the popup on an unchanged course edits nothing.
 */
export async function markPricesSeen(db: CoursePulseDb, urls: string[], now: Millis): Promise<void> {
  const rows = await db.courses.bulkGet(urls);
  const seen = rows.flatMap((c) =>
    c?.status === 'saved' && (c.priceSeen?.price !== c.price || c.priceSeen.currency !== c.currency)
      ? [{ key: c.url, changes: { priceSeen: priceSeenNow(c, now) } }]
      : [],
  );
  if (seen.length) await db.courses.bulkUpdate(seen);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function logHealth(
  db: CoursePulseDb,
  source: string | undefined,
  failures: ExtractFailure[],
  recordCount: number,
  now: Millis,
  url?: string,
): Promise<void> {
  const events: Array<HealthEvent & { unread?: ExtractFailure }> = failures.map((f) => ({
    extractor: f.extractor,
    at: now,
    ok: false,
    reason: f.reason,
    url,
    unread: f.skeleton === undefined ? undefined : f,
  }));
  if (source && recordCount > 0) events.push({ extractor: source, at: now, ok: true, url });
  if (events.length === 0) return;
  await db.health.bulkAdd(events.map(({ unread: _, ...event }) => event));
  const names = [...new Set(events.map((e) => e.extractor))];
  const summaries = await db.healthSummary.bulkGet(names);
  await db.healthSummary.bulkPut(
    names.map((extractor, i) => {
      const s = summaries[i] ?? { extractor, successes: 0, failures: 0, records: 0 };
      for (const e of events.filter((ev) => ev.extractor === extractor)) {
        if (e.ok) {
          s.successes++;
          s.records += recordCount;
          s.lastSuccessAt = now;
          delete s.unreadSince;
          delete s.unreadEndpoint;
          delete s.unreadSkeleton;
        } else {
          s.failures++;
          s.lastFailureAt = now;
          s.lastFailure = e.reason;
        }
        if (e.unread) {
          s.unreadSince ??= now;
          s.unreadEndpoint = e.unread.endpoint ?? '';
          s.unreadSkeleton = e.unread.skeleton;
        }
      }
      return s;
    }),
  );
}

/** Old health events and remembered batch ids are pruned so neither grows without bound. */
export async function pruneLogs(db: CoursePulseDb, now: Millis): Promise<void> {
  await db.health
    .where('at')
    .below(now - HEALTH_LOG_KEEP_MS)
    .delete();
  await db.appliedBatches
    .where('at')
    .below(now - BATCH_MEMORY_MS)
    .delete();
}

/** Records an extraction problem outside a content batch (a rejected message, a context-menu save). */
export async function logFailure(db: CoursePulseDb, failure: ExtractFailure, now: Millis, url?: string) {
  await logHealth(db, undefined, [failure], 0, now, url);
}
