/**
 * The write path of the sales tables (background only): orders imported from the seller's platform,
 * tracked links the seller copied.
 */
import type { CoursePulseDb, Millis, StoredOrder, StoredTrackedLink } from './schema';

export interface StoredOrdersSummary {
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * An order's values, key order aside; its file line is left out: a later export with more rows moves
 * the same order to another line without changing it.
 */
function values(order: StoredOrder): string {
  const { line: _line, utm, ...rest } = order;
  const sorted = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${sorted(rest)}${utm ? sorted(utm) : ''}`;
}

/**
 * Orders by (platform, orderId): a new order is added, a re-exported one with other values (a refund
 * since) replaces the old, and an order read again unchanged is not written, so importing the same
 * file twice changes nothing.
 */
export async function storeOrders(
  db: CoursePulseDb,
  orders: readonly StoredOrder[],
): Promise<StoredOrdersSummary> {
  return db.transaction('rw', db.orders, async () => {
    const existing = await db.orders.bulkGet(orders.map((o) => [o.platform, o.orderId]));
    const writes: StoredOrder[] = [];
    const summary: StoredOrdersSummary = { added: 0, changed: 0, unchanged: 0 };
    for (const [i, order] of orders.entries()) {
      const old = existing[i];
      if (old && values(old) === values(order)) {
        summary.unchanged++;
        continue;
      }
      if (old) summary.changed++;
      else summary.added++;
      writes.push(order);
    }
    await db.orders.bulkPut(writes);
    return summary;
  });
}

/** A copied link, remembered by its code; copying the same code again keeps when it was first made. */
export async function putTrackedLink(
  db: CoursePulseDb,
  link: Omit<StoredTrackedLink, 'createdAt'>,
  now: Millis,
): Promise<void> {
  await db.transaction('rw', db.trackedLinks, async () => {
    const old = await db.trackedLinks.get(link.code);
    await db.trackedLinks.put({ ...link, createdAt: old?.createdAt ?? now });
  });
}
