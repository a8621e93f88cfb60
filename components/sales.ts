/**
 * The dashboard's sales figures, read live from Dexie: stored orders, the tracked links the seller
 * copied, the seller's decisions on conflicting orders, own posts (for binding codes and the inferred
 * tier) and campaign costs, through the same lib/sales report the CLI prints.
 *
 * Two live reads, not one: posts change with every capture while orders, links, decisions and costs
 * change when the seller acts. The report (1.6–1.9 s over 100k orders) is recomputed only when its
 * inputs or the sales fields of the own posts (id, time, format, links) change, never for new counts.
 */
import { useRef } from 'preact/hooks';
import {
  type Campaign,
  db,
  type StoredAttributionDecision,
  type StoredOrder,
  type StoredPost,
  type StoredTrackedLink,
} from '@/lib/db/schema';
import type { Conflict } from '@/lib/sales/attribute';
import { type Binding, bindCodes, type PostRef, postKey } from '@/lib/sales/links';
import { orderKey } from '@/lib/sales/order';
import { knownLinks, type PostSales, type SalesReport, salesPostsKey, salesReport } from '@/lib/sales/report';
import { useLive } from './hooks';
import { accountsWithRole, postsOf } from './queries';

/** Own posts read per account for attribution, newest first (the same bound as Campaigns). */
export const SALES_POSTS_PER_ACCOUNT = 2000;

export interface SalesData {
  orders: number;
  report: SalesReport;
  /** Per post key ("x:123"). */
  perPost: Map<string, PostSales>;
  /** The links the seller copied, newest first, with the own post carrying each (if seen). */
  copied: Array<StoredTrackedLink & { binding: Binding | null }>;
  /** Own posts by key, to name a bound post. */
  posts: Map<string, StoredPost>;
  /** Orders whose codes name different posts, newest first: open ones and those the seller decided. */
  conflicts: ConflictRow[];
}

export interface ConflictRow extends Pick<Conflict, 'claims' | 'suggested'> {
  order: StoredOrder;
  /** The posts the codes name, the suggested one first, each once. */
  choices: PostRef[];
  /** The seller's decision (a post key or "none"), absent while the order counts for no post. */
  decision?: StoredAttributionDecision;
}

/** The conflicting orders of a report, with the stored orders and decisions they refer to. */
export function conflictRows(
  report: Pick<SalesReport, 'conflicts' | 'decided'>,
  orders: readonly StoredOrder[],
  decisions: readonly StoredAttributionDecision[],
): ConflictRow[] {
  const all = [...report.conflicts, ...report.decided];
  if (all.length === 0) return [];
  const wanted = new Set(all.map((c) => c.order));
  const byKey = new Map(orders.flatMap((o) => (wanted.has(orderKey(o)) ? [[orderKey(o), o] as const] : [])));
  // Only the decisions attribution applied: one naming a post the codes no longer point at is none.
  const applied = new Set(report.decided.map((c) => c.order));
  const decided = new Map(decisions.flatMap((d) => (applied.has(d.order) ? [[d.order, d] as const] : [])));
  const rows = all.flatMap(({ order, claims, suggested }): ConflictRow[] => {
    const stored = byKey.get(order);
    if (!stored) return [];
    const choices = new Map([suggested, ...claims.map((c) => c.post)].map((p) => [postKey(p), p]));
    const decision = decided.get(order);
    return [
      { order: stored, claims, suggested, choices: [...choices.values()], ...(decision ? { decision } : {}) },
    ];
  });
  return rows.sort((a, b) => b.order.at - a.order.at);
}

/** What the report reads besides posts: changed by imports, copied links, decisions and campaign costs only. */
export interface SalesInputs {
  orders: StoredOrder[];
  copied: StoredTrackedLink[];
  campaigns: Array<Pick<Campaign, 'name' | 'cost'>>;
  decisions: StoredAttributionDecision[];
}

export async function loadSalesInputs(): Promise<SalesInputs> {
  const [orders, copied, campaigns, decisions] = await Promise.all([
    db().orders.toArray(),
    db().trackedLinks.orderBy('createdAt').reverse().toArray(),
    db().campaigns.toArray(),
    db().attributionDecisions.toArray(),
  ]);
  return { orders, copied, campaigns, decisions };
}

/** The own posts attribution reads, and the key of what it reads of them. */
export async function loadSalesPosts(): Promise<{ posts: StoredPost[]; key: string }> {
  const posts = await postsOf(await accountsWithRole('mine'), SALES_POSTS_PER_ACCOUNT);
  return { posts, key: salesPostsKey(posts) };
}

/** Null when there is nothing to show yet: no orders imported and no link copied. */
export function computeSales(inputs: SalesInputs, posts: readonly StoredPost[]): SalesData | null {
  const { orders, copied, campaigns, decisions } = inputs;
  if (orders.length === 0 && copied.length === 0) return null;
  const links = knownLinks(copied, posts);
  const report = salesReport({
    orders,
    posts,
    links,
    costs: campaigns.map((c) => ({ name: c.name, cost: c.cost })),
    decisions: new Map(decisions.map((d) => [d.order, d.post])),
  });
  const bindings = bindCodes(links, posts);
  return {
    orders: orders.length,
    report,
    perPost: new Map(report.posts.map((p) => [postKey(p), p])),
    copied: copied.map((l) => ({ ...l, binding: bindings.get(l.code) ?? null })),
    posts: new Map(posts.map((p) => [postKey(p), p])),
    conflicts: conflictRows(report, orders, decisions),
  };
}

/** The sales figures, live; undefined while loading, null with nothing to show (see computeSales). */
export function useSales(): SalesData | null | undefined {
  const inputs = useLive(loadSalesInputs, []);
  const own = useLive(loadSalesPosts, []);
  const memo = useRef<{ inputs: SalesInputs; key: string; data: SalesData | null } | null>(null);
  if (!inputs || !own) return undefined;
  if (memo.current?.inputs !== inputs || memo.current.key !== own.key)
    memo.current = { inputs, key: own.key, data: computeSales(inputs, own.posts) };
  return memo.current.data;
}

export const postOf = (data: SalesData, ref: PostRef): StoredPost | undefined => data.posts.get(postKey(ref));
