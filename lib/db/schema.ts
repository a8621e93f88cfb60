import { Dexie, type Table, type Transaction } from 'dexie';
import type { ThemeEditRow } from '../audience/edits';
import type { Campaign as ReportCampaign } from '../metrics/report';
import type {
  AccountRecord,
  CommentRecord,
  CourseRecord,
  ExtractFailure,
  MetricKey,
  Metrics,
  Platform,
  PostRecord,
} from '../records';
import type { TrackedLink } from '../sales/links';
import type { Order } from '../sales/order';
import { type JournalRow, type JournalSwitch, journalMiddleware } from '../sync/journal';
import type { SyncStateRow, Tombstone, Version } from '../sync/state';
import { recountAllAuthors } from './author-totals';
import { type OrderPacks, type OrderStore, orderStoreOf, writeOrders } from './order-packs';
import { runsFromStoredHistory } from './runs-upgrade';

/** Epoch milliseconds. */
export type Millis = number;

export type AccountRole = 'mine' | 'competitor';

export interface StoredPost extends Omit<PostRecord, 'kind'> {
  /** Metrics currently holding an abbreviated (approximate) value. */
  approx: MetricKey[];
  /**
   * When `metrics` were first observed as they are: the post's latest observation. Absent on rows
   * written by schema 1, whose latest counts are also their last snapshot row (lib/db/history.ts).
   */
  metricsAt?: Millis;
  /**
   * When the counts were last observed, where that differs from lastSeenAt (a capture without them):
   * the latest sighting of any of the post's runs (lib/db/runs.ts).
   */
  countsSeenAt?: Millis;
  /**
   * The run (postRuns, by its `at`) the next sighting of these counts extends, where it is not the
   * one that began at metricsAt; null when none may be (lib/db/runs.ts settleRuns `open`).
   */
  runAt?: Millis | null;
  /** The sightings of that run between its first and its last (lib/db/runs.ts Run.seen). */
  runSeen?: Millis[];
  firstSeenAt: Millis;
  lastSeenAt: Millis;
}

export interface StoredAccount extends Omit<AccountRecord, 'kind' | 'viewerIsOwner'> {
  role?: AccountRole;
  /** Per-account capture switch (privacy controls); absent means on. */
  captureOff?: boolean;
  /**
   * When a page last said the signed-in user is this account (a record's `viewerIsOwner`): the
   * popup and dashboard then ask "This is you: track it as yours?" (lib/db/owner.ts).
   */
  ownerSeenAt?: Millis;
  /**
   * The user's answer to that question ('mine' also set the role): it is never asked again for this
   * account, even if the role is later cleared in Accounts.
   */
  ownerAnswer?: 'mine' | 'not-mine';
  /**
   * When the counts were last observed, where that differs from lastSeenAt (a capture without them,
   * or sync merging a row whose newer observation lacked them): lib/sync/merge-rows.ts countsSeen.
   */
  countsSeenAt?: Millis;
  /**
   * The run of counts (accountSnapshots, by its `at`) the next sighting of the same counts extends;
   * null when none may be, and the next sighting starts one (lib/db/runs.ts settleRuns). Absent on a
   * row written before runs, whose counts are a run of their last sighting (heldAccountRun).
   */
  runAt?: Millis | null;
  firstSeenAt: Millis;
  lastSeenAt: Millis;
}

/**
 * A run of one post's equal counts as seen by a device (lib/db/runs.ts): first seen at `at`, last
 * seen at `last` (absent when the same), and seen in between at `seen`. The source of truth for the
 * post's history, which postSnapshots and the post's latest counts are derived from.
 */
export interface PostRun {
  platform: Platform;
  postId: string;
  at: Millis;
  last?: Millis;
  seen?: Millis[];
  m: Metrics;
  approx?: MetricKey[];
}

/**
 * An earlier observation of a post's counts, kept when they changed. Derived from the post's runs
 * (postRuns, lib/db/runs.ts): rebuilt, never merged, on each device.
 */
export interface PostSnapshot {
  platform: Platform;
  postId: string;
  at: Millis;
  m: Metrics;
  /** Keys whose values were approximate in this observation. */
  approx?: MetricKey[];
}

/**
 * A comment under a post (YouTube, Weibo). Only its latest counts are kept, on the row: comments
 * outnumber posts many times over and what the audience views read is who said what and how much it
 * was liked now, not how that grew; a history per comment would multiply the rows for no view.
 */
export interface StoredComment extends Omit<CommentRecord, 'kind'> {
  /** When `metrics` were first observed as they are (by the device that observed them last, once synced). */
  metricsAt: Millis;
  /**
   * When the counts were last observed, where that differs from lastSeenAt (a capture without them,
   * or sync merging a row whose newer observation lacked them): lib/sync/merge-rows.ts countsSeen.
   */
  countsSeenAt?: Millis;
  firstSeenAt: Millis;
  lastSeenAt: Millis;
}

/**
 * A run of an account's equal counts (lib/db/runs.ts): first seen at `at`, last seen at `last`
 * (absent when the same; rows written before runs are runs seen once). Devices unite them by `at`;
 * what readers see is settled from them (accountPoints).
 */
export interface AccountSnapshot {
  platform: Platform;
  accountId: string;
  at: Millis;
  last?: Millis;
  seen?: Millis[];
  followers?: number;
  following?: number;
  posts?: number;
  exact: boolean;
}

export interface StoredCourse extends Omit<CourseRecord, 'kind'> {
  /** 'saved' by the user, 'sighting' found in a post (to confirm), 'link' saved from a link only. */
  status: 'saved' | 'sighting' | 'link' | 'dismissed';
  mine?: boolean;
  /** The account whose post mentioned it, for sightings. */
  seenInAccount?: string;
  /**
   * When the counts were last observed, where that differs from lastSeenAt (a capture without them,
   * or sync merging a row whose newer observation lacked them): lib/sync/merge-rows.ts countsSeen.
   */
  countsSeenAt?: Millis;
  /** The run of counts the next sighting of the same extends, as an account's (StoredAccount.runAt). */
  runAt?: Millis | null;
  /**
   * The price the user last saw (issue 16): set when the course is first saved and when the popup
   * shows it. A later capture at another price is flagged on the next visit to one of its pages.
   */
  priceSeen?: PriceSeen;
  firstSeenAt: Millis;
  lastSeenAt: Millis;
}

export interface PriceSeen {
  price: number | null;
  currency: string | null;
  at: Millis;
}

/**
 * A run of a course's equal price and counts (lib/db/runs.ts), as accountSnapshots' are: first seen
 * at `at`, last at `last` (absent when the same); `post` when seen in a post rather than on the
 * course's own page, whose data beats a post's. What readers see is settled from them (coursePoints).
 */
export interface CourseSnapshot {
  url: string;
  at: Millis;
  last?: Millis;
  seen?: Millis[];
  post?: true;
  price: number | null;
  currency: string | null;
  listPrice?: number;
  students?: number;
  rating?: number;
}

/**
 * A stored campaign: the one Campaign shape of lib/metrics/report.ts (what the metrics read), plus
 * what only storage needs. A type-only import: the metrics stay free of Dexie and the schema of logic.
 */
export interface Campaign extends ReportCampaign {
  /** Auto-incremented key. */
  id?: number;
  platforms: Platform[];
  createdAt: Millis;
  /** Part of the generated sample data (removed with it). */
  sample?: boolean;
}

/** The user's correction of one audience theme (issue 13); lib/audience/edits.ts says what each field does. */
export type StoredThemeEdit = ThemeEditRow;

export interface Setting {
  key: string;
  value: unknown;
}

export interface HealthEvent {
  id?: number;
  extractor: string;
  at: Millis;
  ok: boolean;
  reason?: string;
  url?: string;
}

/** Rollup per extractor so the Health view never scans the log. */
export interface HealthSummary {
  extractor: string;
  lastSuccessAt?: Millis;
  lastFailureAt?: Millis;
  lastFailure?: string;
  successes: number;
  failures: number;
  records: number;
  /**
   * Since when the extractor's endpoint has answered with data that yielded no records (a site's
   * change), with the latest such response's endpoint path and key skeleton; cleared by a success.
   */
  unreadSince?: Millis;
  unreadEndpoint?: string;
  unreadSkeleton?: string;
}

/** Rollup per platform and local day, kept in the write transaction, so popup totals need no scan. */
export interface DailyRollup {
  platform: Platform;
  day: string;
  newPosts: number;
  snapshots: number;
  /** Sum of engagement increases observed that day. */
  engagementGain: number;
  viewGain: number;
}

export interface AppliedBatch {
  batchId: string;
  at: Millis;
}

/**
 * Stored posts per author, kept on write (lib/db/author-totals.ts). Derived from the posts table,
 * so backups leave it out and imports recount it.
 */
export interface AuthorTotal {
  platform: Platform;
  authorId: string;
  posts: number;
}

/**
 * An order imported from the seller's course platform, keyed by (platform, orderId) so importing the
 * same file again changes nothing. The lib/sales Order itself: a type-only import, as for campaigns.
 */
export type StoredOrder = Order;

/**
 * A tracked link the seller copied (Courses, popup): its code is what ties a post to the orders that
 * carry it. Which own post carries it is not stored: it is read from the captured posts each time
 * (lib/sales/links.ts bindCodes), so it follows the posts and the accounts marked "mine".
 */
export interface StoredTrackedLink extends TrackedLink {
  createdAt: Millis;
}

/**
 * The seller's decision on an order whose codes point at different posts (lib/sales/attribute.ts): it
 * counts for `post` (a post key, "x:123"), or for none ("none"). Undoing it deletes the row.
 */
export interface StoredAttributionDecision {
  /** The order's key (lib/sales/order.ts orderKey: "platform:orderId"). */
  order: string;
  post: string;
  decidedAt: Millis;
}

export type FailureEvent = ExtractFailure & { at: Millis };

/**
 * Every schema version ever shipped, oldest first. A new version appends an entry (with an upgrade
 * when rows must change); test/unit/db/migrations.test.ts upgrades real captured data from each
 * earlier version to the current one.
 */
export const SCHEMA_HISTORY: ReadonlyArray<{
  version: number;
  /** The stores this version declares, changes or (null) deletes; Dexie keeps the others as they were. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      accounts: '[platform+id], [platform+handle], role, lastSeenAt',
      posts:
        '[platform+id], [platform+authorId], [platform+createdAt], [platform+lastSeenAt], createdAt, lastSeenAt',
      postSnapshots: '[platform+postId+at], at',
      accountSnapshots: '[platform+accountId+at]',
      courses: 'url, status, provider, lastSeenAt',
      courseSnapshots: '[url+at]',
      campaigns: '++id, start',
      settings: 'key',
      health: '++id, [extractor+at], at',
      healthSummary: 'extractor',
      dailyRollups: '[platform+day]',
      appliedBatches: 'batchId, at',
    },
  },
  {
    // From version 2 a post's latest counts live on the post (metricsAt), not in a snapshot row.
    // Rows version 1 wrote stay as they are (no metricsAt: their latest counts are also their last
    // snapshot), so upgrading a million snapshots costs nothing; each heals on its next change.
    // The unused `at` index of postSnapshots goes.
    version: 2,
    stores: { postSnapshots: '[platform+postId+at]' },
  },
  {
    // Chromium's IndexedDB counts an index range by walking it: 100-130 ms for an account's 20k
    // posts, most of the overview's budget. Each author's post count is kept on write instead.
    version: 3,
    stores: { authorTotals: '[platform+authorId]' },
    upgrade: (tx) => recountAllAuthors(tx.table('posts'), tx.table('authorTotals')),
  },
  {
    // Comments under posts (issue 13): by post for a thread, by author for "forget this person",
    // by time for the audience views.
    version: 4,
    stores: { comments: '[platform+id], [platform+postId], [platform+authorId], createdAt' },
  },
  {
    // Which posts sell (issue 14): imported orders by time for the sales views, and the tracked
    // links the seller copied, newest first.
    version: 5,
    stores: { orders: '[platform+orderId], at', trackedLinks: 'code, createdAt' },
  },
  {
    // The user's renames, merges, splits and pins of audience themes (issue 13).
    version: 6,
    stores: { themeEdits: 'theme' },
  },
  {
    // Sync (issue 15, lib/sync/): this device's journal of writes waiting to be pushed, when each
    // key was deleted and when each user edit was made (so replays in any order agree), and sync's
    // own state (device, checkpoints). Device-local: neither backed up nor synced.
    version: 7,
    stores: { syncJournal: '++seq', syncTombstones: 'id', syncVersions: 'id', syncState: 'key' },
  },
  {
    // Which posts sell (issue 14): the seller's decisions on orders whose codes name different posts,
    // by order key.
    version: 8,
    stores: { attributionDecisions: 'order' },
  },
  {
    // X replies by time (issue 13): a post without `replyTo` is left out of this index, so the
    // Audience view reads the replies alone instead of every recent X post to find them.
    version: 9,
    stores: {
      posts:
        '[platform+id], [platform+authorId], [platform+createdAt], [platform+lastSeenAt], createdAt, lastSeenAt, [platform+createdAt+replyTo]',
    },
  },
  {
    // Orders packed (lib/db/order-packs.ts): one row per order made a 100k-order import cost ~18 s
    // in Chromium whatever the row held, packs of 1,000 cost 2-3 s. By platform, UTC month and chunk,
    // with the latest order time of each pack for readers of recent orders, and beside each pack its
    // totals by hour and code, which the popup counts a week from. The orders stored one per row are
    // packed, and their table goes.
    version: 10,
    stores: {
      orders: null,
      orderPacks: '[platform+month+chunk], latest',
      orderTotals: '[platform+month+chunk], latest',
    },
    upgrade: async (tx) => {
      await writeOrders(orderStoreOf(tx), [], await tx.table('orders').toArray());
    },
  },
  {
    // A post's history as runs of equal counts (lib/db/runs.ts), which devices merge in any order;
    // postSnapshots and the post's latest counts become what the runs say. Each stored observation
    // becomes a run of its own, so the history readers see is unchanged.
    version: 11,
    stores: { postRuns: '[platform+postId+at]' },
    upgrade: (tx) => runsFromStoredHistory(tx),
  },
];

export class CoursePulseDb extends Dexie {
  accounts!: Table<StoredAccount, [Platform, string]>;
  posts!: Table<StoredPost, [Platform, string]>;
  postSnapshots!: Table<PostSnapshot, [Platform, string, Millis]>;
  postRuns!: Table<PostRun, [Platform, string, Millis]>;
  accountSnapshots!: Table<AccountSnapshot, [Platform, string, Millis]>;
  courses!: Table<StoredCourse, string>;
  courseSnapshots!: Table<CourseSnapshot, [string, Millis]>;
  campaigns!: Table<Campaign, number>;
  settings!: Table<Setting, string>;
  health!: Table<HealthEvent, number>;
  healthSummary!: Table<HealthSummary, string>;
  dailyRollups!: Table<DailyRollup, [Platform, string]>;
  appliedBatches!: Table<AppliedBatch, string>;
  authorTotals!: Table<AuthorTotal, [Platform, string]>;
  comments!: Table<StoredComment, [Platform, string]>;
  orderPacks!: OrderPacks;
  orderTotals!: OrderStore['totals'];
  trackedLinks!: Table<StoredTrackedLink, string>;
  themeEdits!: Table<StoredThemeEdit, string>;
  attributionDecisions!: Table<StoredAttributionDecision, string>;
  syncJournal!: Table<JournalRow, number>;
  syncTombstones!: Table<Tombstone, string>;
  syncVersions!: Table<Version, string>;
  syncState!: Table<SyncStateRow, string>;
  /** Whether writes are journaled for sync, and as which device (lib/sync/journal.ts). */
  readonly journal: JournalSwitch = { device: null };

  constructor(name = 'coursepulse') {
    // No shared live-query cache: its writes come from the background, never from the page that
    // reads, so the cache could only deep-clone every result (30 ms for 1,000 posts) for nothing.
    super(name, { cache: 'disabled' });
    for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(journalMiddleware(this.journal));
    // Before any other query runs: a write made while sync is connected is never left unjournaled.
    this.on('ready', async () => {
      const device = (await this.syncState.get('device')) as { value: { id: string } } | undefined;
      this.journal.device = device?.value.id ?? null;
    });
  }
}

export const SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

let shared: CoursePulseDb | undefined;
/** The extension origin's database; UI pages read it, only the background writes it. */
export function db(): CoursePulseDb {
  shared ??= new CoursePulseDb();
  return shared;
}
