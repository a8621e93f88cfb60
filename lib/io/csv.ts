/**
 * CSV per table for spreadsheets and pandas: UTF-8 with a BOM (so Excel shows Chinese), ISO 8601
 * times, one flat column per count, empty cells for unknown values (never 0).
 */
import Papa from 'papaparse';
import { METRIC_KEYS } from '../record-keys';
import type { TableName } from './backup-schema';

export const CSV_TABLES = [
  'posts',
  'postSnapshots',
  'postRuns',
  'accounts',
  'accountSnapshots',
  'courses',
  'courseSnapshots',
  'campaigns',
  'comments',
  'orders',
  'trackedLinks',
  'themeEdits',
  'attributionDecisions',
] as const satisfies readonly TableName[];
export type CsvTable = (typeof CSV_TABLES)[number];

export const BOM = '\uFEFF';
const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : '');
const list = (value: unknown) => (Array.isArray(value) ? value.join(' ') : '');
/** A run's sightings between its first and last (lib/db/runs.ts), as times. */
const sightingsBetween = (run: { seen?: number[] }) => (run.seen ?? []).map(iso).join(' ');

type Row = Record<string, unknown>;
const FLATTEN: Record<CsvTable, (row: Row) => Row> = {
  posts: (p) => ({
    platform: p.platform,
    id: p.id,
    url: p.url,
    author_id: p.authorId,
    author_handle: p.authorHandle,
    author_name: p.authorName,
    created_at: p.createdAt ?? '',
    created_at_approx: p.createdAtApprox,
    format: p.format,
    repost_of: p.repostOf ?? '',
    ...Object.fromEntries(METRIC_KEYS.map((k) => [k, (p.metrics as Row)[k] ?? ''])),
    approximate: list(p.approx),
    lower_bounds: list(p.lowerBounds),
    hashtags: list(p.hashtags),
    links: list(p.links),
    text: p.text,
    metrics_at: iso(p.metricsAt),
    counts_seen_at: iso(p.countsSeenAt ?? p.lastSeenAt),
    first_seen_at: iso(p.firstSeenAt),
    last_seen_at: iso(p.lastSeenAt),
  }),
  postSnapshots: (s) => ({
    platform: s.platform,
    post_id: s.postId,
    at: iso(s.at),
    ...Object.fromEntries(METRIC_KEYS.map((k) => [k, (s.m as Row)[k] ?? ''])),
    approximate: list(s.approx),
  }),
  postRuns: (r) => ({
    platform: r.platform,
    post_id: r.postId,
    first_seen_at: iso(r.at),
    last_seen_at: iso(r.last ?? r.at),
    seen_between: sightingsBetween(r),
    ...Object.fromEntries(METRIC_KEYS.map((k) => [k, (r.m as Row)[k] ?? ''])),
    approximate: list(r.approx),
  }),
  accounts: (a) => ({
    platform: a.platform,
    id: a.id,
    handle: a.handle,
    name: a.name,
    role: a.role ?? '',
    followers: a.followers ?? '',
    followers_exact: a.followersExact,
    following: a.following ?? '',
    posts: a.posts ?? '',
    bio: a.bio ?? '',
    location: a.location ?? '',
    first_seen_at: iso(a.firstSeenAt),
    last_seen_at: iso(a.lastSeenAt),
  }),
  accountSnapshots: (s) => ({
    platform: s.platform,
    account_id: s.accountId,
    at: iso(s.at),
    // A run of equal counts (lib/db/runs.ts): when they were last seen as they are, and in between.
    last_seen_at: iso(s.last ?? s.at),
    seen_between: sightingsBetween(s),
    followers: s.followers ?? '',
    following: s.following ?? '',
    posts: s.posts ?? '',
    exact: s.exact,
  }),
  comments: (c) => ({
    platform: c.platform,
    id: c.id,
    post_id: c.postId,
    parent_id: c.parentId ?? '',
    author_id: c.authorId,
    author_handle: c.authorHandle,
    author_name: c.authorName,
    created_at: c.createdAt ?? '',
    created_at_approx: c.createdAtApprox,
    likes: (c.metrics as Row).likes ?? '',
    replies: (c.metrics as Row).replies ?? '',
    approximate: c.metricsExact ? '' : list(c.approx ?? ['likes', 'replies']),
    region: c.region ?? '',
    by_creator: c.byCreator === true,
    hearted: c.hearted === true,
    pinned: c.pinned === true,
    text: c.text,
    metrics_at: iso(c.metricsAt),
    first_seen_at: iso(c.firstSeenAt),
    last_seen_at: iso(c.lastSeenAt),
  }),
  themeEdits: (e) => {
    const split = e.split as { from: string; terms: string[] } | undefined;
    return {
      theme: e.theme,
      label: e.label ?? '',
      merged_into: e.mergedInto ?? '',
      split_from: split?.from ?? '',
      split_terms: list(split?.terms),
      pinned: e.pinned === true,
      updated_at: iso(e.updatedAt),
    };
  },
  attributionDecisions: (d) => ({
    order: d.order,
    post: d.post,
    decided_at: iso(d.decidedAt),
  }),
  courses: (c) => ({
    url: c.url,
    title: c.title,
    provider: c.provider,
    instructor: c.instructor ?? '',
    price: c.price ?? '',
    currency: c.currency ?? '',
    list_price: c.listPrice ?? '',
    students: c.students ?? '',
    rating: c.rating ?? '',
    rating_count: c.ratingCount ?? '',
    status: c.status,
    source: c.source,
    price_seen: (c.priceSeen as Row | undefined)?.price ?? '',
    price_seen_currency: (c.priceSeen as Row | undefined)?.currency ?? '',
    price_seen_at: iso((c.priceSeen as Row | undefined)?.at),
    first_seen_at: iso(c.firstSeenAt),
    last_seen_at: iso(c.lastSeenAt),
  }),
  courseSnapshots: (s) => ({
    url: s.url,
    at: iso(s.at),
    // A run of equal counts (lib/db/runs.ts): when last seen as they are, and whether a post said them.
    last_seen_at: iso(s.last ?? s.at),
    seen_between: sightingsBetween(s),
    seen_in_post: !!s.post,
    price: s.price ?? '',
    currency: s.currency ?? '',
    list_price: s.listPrice ?? '',
    students: s.students ?? '',
    rating: s.rating ?? '',
  }),
  // Money in minor units, as stored: a spreadsheet divides by the currency's digits (JPY has none).
  orders: (o) => {
    const utm = (o.utm ?? {}) as Row;
    return {
      platform: o.platform,
      order_id: o.orderId,
      at: iso(o.at),
      zone: o.zone,
      currency: o.currency,
      gross_minor: o.gross,
      refunds_minor: o.refunds,
      fees_minor: o.fees,
      affiliate_commission_minor: o.affiliateCommission,
      product: o.product ?? '',
      coupon: o.coupon ?? '',
      utm_source: utm.source ?? '',
      utm_medium: utm.medium ?? '',
      utm_campaign: utm.campaign ?? '',
      utm_term: utm.term ?? '',
      utm_content: utm.content ?? '',
      affiliate: o.affiliate ?? '',
      channel: o.channel ?? '',
      referrer: o.referrer ?? '',
      buyer: o.buyer ?? '',
      renewal: o.renewal === true,
    };
  },
  trackedLinks: (l) => ({
    code: l.code,
    course_url: l.courseUrl,
    platform: l.platform,
    campaign: l.campaign,
    coupon: l.coupon ?? '',
    created_at: iso(l.createdAt),
  }),
  campaigns: (c) => {
    const cost = c.cost as { minor: number; currency: string } | null;
    const counts = c.counts as Row;
    const revenue = counts.revenue as { minor: number; currency: string } | undefined;
    return {
      id: c.id,
      name: c.name,
      course_url: c.courseUrl ?? '',
      platforms: list(c.platforms),
      start: c.start,
      end: c.end,
      cost_minor: cost?.minor ?? '',
      cost_currency: cost?.currency ?? '',
      impressions: counts.impressions ?? '',
      clicks: counts.clicks ?? '',
      signups: counts.signups ?? '',
      purchases: counts.purchases ?? '',
      referrals: counts.referrals ?? '',
      revenue_minor: revenue?.minor ?? '',
      revenue_currency: revenue?.currency ?? '',
    };
  },
};

/** One page of rows as CSV text; the header goes with the first page only. */
export function csvChunk(table: CsvTable, rows: unknown[], withHeader: boolean): string {
  if (rows.length === 0) return '';
  const flat = rows.map((r) => FLATTEN[table](r as Row));
  return `${Papa.unparse(flat, { header: withHeader, newline: '\r\n', escapeFormulae: true })}\r\n`;
}
