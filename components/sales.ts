/**
 * The dashboard's sales figures, read live from Dexie: stored orders, the tracked links the seller
 * copied, own posts (for binding codes and the inferred tier) and campaign costs, through the same
 * lib/sales report the CLI prints.
 */
import { db, type StoredPost, type StoredTrackedLink } from '@/lib/db/schema';
import { type Binding, bindCodes, type PostRef, postKey } from '@/lib/sales/links';
import { knownLinks, type PostSales, type SalesReport, salesReport } from '@/lib/sales/report';
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
}

/** Null when there is nothing to show yet: no orders imported and no link copied. */
export async function loadSales(): Promise<SalesData | null> {
  const [orders, copied, own, campaigns] = await Promise.all([
    db().orders.toArray(),
    db().trackedLinks.orderBy('createdAt').reverse().toArray(),
    accountsWithRole('mine'),
    db().campaigns.toArray(),
  ]);
  if (orders.length === 0 && copied.length === 0) return null;
  const posts = await postsOf(own, SALES_POSTS_PER_ACCOUNT);
  const links = knownLinks(copied, posts);
  const report = salesReport({
    orders,
    posts,
    links,
    costs: campaigns.map((c) => ({ name: c.name, cost: c.cost })),
  });
  const bindings = bindCodes(links, posts);
  return {
    orders: orders.length,
    report,
    perPost: new Map(report.posts.map((p) => [postKey(p), p])),
    copied: copied.map((l) => ({ ...l, binding: bindings.get(l.code) ?? null })),
    posts: new Map(posts.map((p) => [postKey(p), p])),
  };
}

export const postOf = (data: SalesData, ref: PostRef): StoredPost | undefined => data.posts.get(postKey(ref));
