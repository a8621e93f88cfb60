/**
 * The shape of each stored table, for validating a backup before anything is written. Built from
 * the record contract so the two cannot drift apart.
 */
import { z } from 'zod';
import { MAX_SPLIT_TERMS, MAX_THEME_ID, MAX_THEME_LABEL } from '../audience/edits';
import { MAX_RUN_SEEN } from '../db/runs';
import type { Campaign, StoredAttributionDecision, StoredOrder, StoredTrackedLink } from '../db/schema';
import { MAX_ENDPOINT_CHARS, MAX_SKELETON_CHARS } from '../record-keys';
import {
  AccountRecord,
  CommentRecord,
  CourseRecord,
  httpUrl,
  MAX_ID,
  MAX_URL,
  METRIC_KEYS,
  Metrics,
  Platform,
  PostRecord,
} from '../records';
import { NO_POST } from '../sales/attribute';
import { CODE } from '../sales/links';
import { ORDER_PLATFORMS } from '../sales/order';

const millis = z.number().int().nonnegative().max(8.64e15);
const metricKeys = z.array(z.enum(METRIC_KEYS)).max(METRIC_KEYS.length);
const id = z.string().min(1).max(64);
const currency = z.string().regex(/^[A-Z]{3}$/);
/** Order cells are capped at 200 characters on import (lib/sales/import.ts). */
const cell = z.string().min(1).max(200);
const minor = z.number().int().min(-1e15).max(1e15);
const money = z.strictObject({ minor, currency });
const themeId = z.string().min(1).max(MAX_THEME_ID);

/** An order's key: "platform:orderId" (lib/sales/order.ts orderKey). */
const orderKey = z
  .string()
  .max(220)
  .refine((key) => {
    const colon = key.indexOf(':');
    return (
      (ORDER_PLATFORMS as readonly string[]).includes(key.slice(0, colon)) &&
      cell.safeParse(key.slice(colon + 1)).success
    );
  }, 'not an order key');
/** A post's key, "platform:id" (lib/sales/links.ts postKey), or NO_POST. */
const decidedPost = z
  .string()
  .max(MAX_ID + 10)
  .refine((key) => {
    if (key === NO_POST) return true;
    const colon = key.indexOf(':');
    const postId = key.slice(colon + 1);
    return Platform.safeParse(key.slice(0, colon)).success && postId.length > 0 && postId.length <= MAX_ID;
  }, 'not a post key');

/** A theme's stored terms: the grouping keeps 30 (lib/audience/themes.ts). */
const MAX_CENTRE_TERMS = 100;

/**
 * Sightings of a run between its first and last, in order (lib/db/runs.ts). A device writes at most
 * MAX_RUN_SEEN; devices extending one run each add theirs, hence the room.
 */
const sightings = z
  .array(millis)
  .min(1)
  .max(64 * MAX_RUN_SEEN)
  .refine((times) => times.every((t, i) => i === 0 || t > times[i - 1]!), 'sightings out of order');

/** A run's sightings between lie strictly between its first and last. */
const between = (run: { at: number; last?: number; seen?: number[] }) =>
  run.seen === undefined || (run.last !== undefined && run.seen[0]! > run.at && run.seen.at(-1)! < run.last);

export const TABLE_SCHEMAS = {
  accounts: AccountRecord.omit({ kind: true, viewerIsOwner: true }).extend({
    role: z.enum(['mine', 'competitor']).optional(),
    captureOff: z.boolean().optional(),
    ownerSeenAt: millis.optional(),
    ownerAnswer: z.enum(['mine', 'not-mine']).optional(),
    countsSeenAt: millis.optional(),
    runAt: millis.nullable().optional(),
    firstSeenAt: millis,
    lastSeenAt: millis,
  }),
  posts: PostRecord.omit({ kind: true }).extend({
    approx: metricKeys,
    // Absent on rows schema 1 wrote (lib/db/schema.ts).
    metricsAt: millis.optional(),
    countsSeenAt: millis.optional(),
    runAt: millis.nullable().optional(),
    runSeen: sightings.optional(),
    firstSeenAt: millis,
    lastSeenAt: millis,
  }),
  postSnapshots: z.strictObject({
    platform: Platform,
    postId: id,
    at: millis,
    m: Metrics,
    approx: metricKeys.optional(),
  }),
  // A post's history as runs of equal counts (schema 11, lib/db/runs.ts): the source of truth that
  // postSnapshots are derived from. A backup of an older version has none; import makes them.
  postRuns: z
    .strictObject({
      platform: Platform,
      postId: id,
      at: millis,
      last: millis.optional(),
      seen: sightings.optional(),
      m: Metrics,
      approx: metricKeys.optional(),
    })
    .refine((run) => run.last === undefined || run.last > run.at, 'last seen before first seen')
    .refine(between, 'seen outside its run'),
  accountSnapshots: z
    .strictObject({
      platform: Platform,
      accountId: id,
      at: millis,
      last: millis.optional(),
      seen: sightings.optional(),
      followers: z.number().int().nonnegative().optional(),
      following: z.number().int().nonnegative().optional(),
      posts: z.number().int().nonnegative().optional(),
      exact: z.boolean(),
    })
    .refine((run) => run.last === undefined || run.last > run.at, 'last seen before first seen')
    .refine(between, 'seen outside its run'),
  courses: CourseRecord.omit({ kind: true }).extend({
    status: z.enum(['saved', 'sighting', 'link', 'dismissed']),
    mine: z.boolean().optional(),
    seenInAccount: z.string().max(MAX_ID).optional(),
    countsSeenAt: millis.optional(),
    runAt: millis.nullable().optional(),
    priceSeen: z
      .strictObject({ price: z.number().nonnegative().nullable(), currency: currency.nullable(), at: millis })
      .optional(),
    firstSeenAt: millis,
    lastSeenAt: millis,
  }),
  courseSnapshots: z
    .strictObject({
      url: z.string().max(MAX_URL),
      at: millis,
      last: millis.optional(),
      seen: sightings.optional(),
      post: z.literal(true).optional(),
      price: z.number().nonnegative().nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .nullable(),
      listPrice: z.number().nonnegative().optional(),
      students: z.number().int().nonnegative().optional(),
      rating: z.number().min(0).max(10).optional(),
    })
    .refine((run) => run.last === undefined || run.last > run.at, 'last seen before first seen')
    .refine(between, 'seen outside its run'),
  campaigns: z.strictObject({
    id: z.number().int().positive(),
    name: z.string().min(1).max(200),
    courseUrl: z.string().max(MAX_URL).optional(),
    platforms: z.array(Platform).max(3),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    cost: money.nullable(),
    counts: z.strictObject({
      impressions: z.number().int().nonnegative().optional(),
      clicks: z.number().int().nonnegative().optional(),
      signups: z.number().int().nonnegative().optional(),
      purchases: z.number().int().nonnegative().optional(),
      referrals: z.number().int().nonnegative().optional(),
      revenue: money.optional(),
    }),
    postIds: z.array(id).max(10_000),
    createdAt: millis,
    sample: z.boolean().optional(),
  }),
  settings: z.strictObject({ key: z.string().min(1).max(100), value: z.unknown() }),
  health: z.strictObject({
    id: z.number().int().positive(),
    extractor: z.string().max(80),
    at: millis,
    ok: z.boolean(),
    reason: z.string().max(500).optional(),
    url: z.string().max(MAX_URL).optional(),
  }),
  healthSummary: z.strictObject({
    extractor: z.string().max(80),
    lastSuccessAt: millis.optional(),
    lastFailureAt: millis.optional(),
    lastFailure: z.string().max(500).optional(),
    successes: z.number().int().nonnegative(),
    failures: z.number().int().nonnegative(),
    records: z.number().int().nonnegative(),
    unreadSince: millis.optional(),
    unreadEndpoint: z.string().max(MAX_ENDPOINT_CHARS).optional(),
    unreadSkeleton: z.string().max(MAX_SKELETON_CHARS).optional(),
  }),
  dailyRollups: z.strictObject({
    platform: Platform,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    newPosts: z.number().int().nonnegative(),
    snapshots: z.number().int().nonnegative(),
    engagementGain: z.number().int().nonnegative(),
    viewGain: z.number().int().nonnegative(),
  }),
  appliedBatches: z.strictObject({ batchId: z.string().max(MAX_ID), at: millis }),
  comments: CommentRecord.omit({ kind: true }).extend({
    metricsAt: millis,
    countsSeenAt: millis.optional(),
    firstSeenAt: millis,
    lastSeenAt: millis,
  }),
  orders: z.strictObject({
    platform: z.enum(ORDER_PLATFORMS),
    orderId: cell,
    at: millis,
    zone: z.string().min(1).max(64),
    currency,
    gross: minor,
    refunds: minor.nonnegative(),
    fees: minor.nonnegative(),
    affiliateCommission: minor.nonnegative(),
    product: cell.optional(),
    coupon: cell.optional(),
    utm: z
      .strictObject({
        source: cell.optional(),
        medium: cell.optional(),
        campaign: cell.optional(),
        term: cell.optional(),
        content: cell.optional(),
      })
      .optional(),
    affiliate: cell.optional(),
    channel: cell.optional(),
    referrer: cell.optional(),
    buyer: z.string().max(40).optional(),
    renewal: z.boolean().optional(),
    line: z.number().int().positive(),
  }),
  trackedLinks: z.strictObject({
    code: z.string().regex(CODE),
    courseUrl: httpUrl,
    platform: Platform,
    campaign: z.string().max(40),
    coupon: z.string().min(1).max(100).optional(),
    createdAt: millis,
  }),
  themeEdits: z.strictObject({
    theme: themeId,
    label: z.string().min(1).max(MAX_THEME_LABEL).optional(),
    mergedInto: themeId.optional(),
    shownAs: z.string().min(1).max(MAX_THEME_LABEL).optional(),
    split: z
      .strictObject({
        from: themeId,
        terms: z.array(z.string().min(1).max(MAX_ID)).min(1).max(MAX_SPLIT_TERMS),
      })
      .optional(),
    pinned: z.boolean().optional(),
    centre: z
      .record(z.string().min(1).max(MAX_ID), z.number().finite())
      .refine((terms) => Object.keys(terms).length <= MAX_CENTRE_TERMS, 'too many terms')
      .optional(),
    updatedAt: millis,
  }),
  attributionDecisions: z.strictObject({ order: orderKey, post: decidedPost, decidedAt: millis }),
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** Both ways assignable: the backup's campaign rows and the stored `Campaign` type cannot drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type StoredCampaignRow = Omit<Campaign, 'id'> & { id: number };
export const CAMPAIGN_SCHEMA_IN_STEP: Same<z.infer<typeof TABLE_SCHEMAS.campaigns>, StoredCampaignRow> = true;
export const ORDER_SCHEMA_IN_STEP: Same<z.infer<typeof TABLE_SCHEMAS.orders>, StoredOrder> = true;
export const TRACKED_LINK_SCHEMA_IN_STEP: Same<
  z.infer<typeof TABLE_SCHEMAS.trackedLinks>,
  StoredTrackedLink
> = true;
export const DECISION_SCHEMA_IN_STEP: Same<
  z.infer<typeof TABLE_SCHEMAS.attributionDecisions>,
  StoredAttributionDecision
> = true;
