/**
 * The dashboard's sales figures from the stored sales inputs and own posts: pure, so they are computed
 * in a Web Worker (sales.worker.ts) and come back unchanged through structured cloning (Maps included).
 */
import type {
  Campaign,
  StoredAttributionDecision,
  StoredOrder,
  StoredPost,
  StoredTrackedLink,
} from '@/lib/db/schema';
import type { Conflict } from '@/lib/sales/attribute';
import { type Binding, bindCodes, type PostRef, postKey } from '@/lib/sales/links';
import { orderKey } from '@/lib/sales/order';
import { knownLinks, type PostSales, type SalesReport, salesReport } from '@/lib/sales/report';

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

/** What the figures are computed from: the inputs and the own posts attribution reads. */
export interface SalesSources {
  inputs: SalesInputs;
  posts: readonly StoredPost[];
}

/** Null when there is nothing to show yet: no orders imported and no link copied. */
export function computeSales({ inputs, posts }: SalesSources): SalesData | null {
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

export const postOf = (data: SalesData, ref: PostRef): StoredPost | undefined => data.posts.get(postKey(ref));
