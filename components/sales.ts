/**
 * The dashboard's sales figures, read live from Dexie: stored orders, the tracked links the seller
 * copied, own posts (for binding codes and the inferred tier) and campaign costs, through the same
 * lib/sales report the CLI prints.
 *
 * Two live reads, not one: posts change with every capture while orders, links and costs change when
 * the seller acts. The report (1.6–1.9 s over 100k orders) is recomputed only when its inputs or the
 * sales fields of the own posts (id, time, format, links) change, never for new counts.
 */
import { useRef } from 'preact/hooks';
import {
  type Campaign,
  db,
  type StoredOrder,
  type StoredPost,
  type StoredTrackedLink,
} from '@/lib/db/schema';
import { type Binding, bindCodes, type PostRef, postKey } from '@/lib/sales/links';
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
}

/** What the report reads besides posts: changed by imports, copied links and campaign costs only. */
export interface SalesInputs {
  orders: StoredOrder[];
  copied: StoredTrackedLink[];
  campaigns: Array<Pick<Campaign, 'name' | 'cost'>>;
}

export async function loadSalesInputs(): Promise<SalesInputs> {
  const [orders, copied, campaigns] = await Promise.all([
    db().orders.toArray(),
    db().trackedLinks.orderBy('createdAt').reverse().toArray(),
    db().campaigns.toArray(),
  ]);
  return { orders, copied, campaigns };
}

/** The own posts attribution reads, and the key of what it reads of them. */
export async function loadSalesPosts(): Promise<{ posts: StoredPost[]; key: string }> {
  const posts = await postsOf(await accountsWithRole('mine'), SALES_POSTS_PER_ACCOUNT);
  return { posts, key: salesPostsKey(posts) };
}

/** Null when there is nothing to show yet: no orders imported and no link copied. */
export function computeSales(inputs: SalesInputs, posts: readonly StoredPost[]): SalesData | null {
  const { orders, copied, campaigns } = inputs;
  if (orders.length === 0 && copied.length === 0) return null;
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
