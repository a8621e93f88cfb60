/**
 * What the sales report reads besides posts, from the database: read by the sales worker
 * (components/sales.worker.ts), so 100k orders are never read on, or cloned from, the UI thread, and
 * by the Campaigns view. Changed by imports, copied links, decisions and campaign costs only.
 */
import { allOrders } from '@/lib/db/order-packs';
import { db } from '@/lib/db/schema';
import type { SalesInputs } from './sales-figures';

export async function loadSalesInputs(): Promise<SalesInputs> {
  const [orders, copied, campaigns, decisions] = await Promise.all([
    allOrders(db().orderPacks),
    db().trackedLinks.orderBy('createdAt').reverse().toArray(),
    db().campaigns.toArray(),
    db().attributionDecisions.toArray(),
  ]);
  return { orders, copied, campaigns, decisions };
}
