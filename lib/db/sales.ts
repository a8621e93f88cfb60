/**
 * The write path of the sales tables (background only): orders imported from the seller's platform,
 * tracked links the seller copied, the seller's decisions on conflicting orders.
 */
import { orderKey } from '../sales/order';
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
 * Past this many stored orders per order of a message in the message's key range, the range is read
 * no more: each order's key is looked up instead.
 */
const RANGE_READ_LIMIT = 4;

/**
 * The stored orders of a message, by platform and order id. IndexedDB answers a key range in one
 * request but a list of keys in one request per key (100k orders: ~15 s in Chromium here), and the
 * dashboard sends an export's orders sorted by id (ordersInMessages), so a message's range holds
 * little besides its own orders. A range crowded by other orders (a message not sorted) falls back to
 * the keys.
 */
async function storedOrders(
  db: CoursePulseDb,
  orders: readonly StoredOrder[],
): Promise<Map<string, StoredOrder>> {
  const idsByPlatform = new Map<StoredOrder['platform'], string[]>();
  for (const o of orders) {
    const ids = idsByPlatform.get(o.platform) ?? [];
    ids.push(o.orderId);
    idsByPlatform.set(o.platform, ids);
  }
  const found = new Map<string, StoredOrder>();
  for (const [platform, unsorted] of idsByPlatform) {
    const ids = unsorted.sort();
    const range = db.orders
      .where('[platform+orderId]')
      .between([platform, ids[0]!], [platform, ids[ids.length - 1]!], true, true);
    const rows =
      (await range.count()) <= RANGE_READ_LIMIT * ids.length
        ? await range.toArray()
        : await db.orders.bulkGet(ids.map((id) => [platform, id]));
    for (const row of rows) if (row) found.set(JSON.stringify([row.platform, row.orderId]), row);
  }
  return found;
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
    const existing = await storedOrders(db, orders);
    const writes: StoredOrder[] = [];
    const summary: StoredOrdersSummary = { added: 0, changed: 0, unchanged: 0 };
    for (const order of orders) {
      const old = existing.get(JSON.stringify([order.platform, order.orderId]));
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

/**
 * The seller's decision on a conflicting order: counted for `post` (a post key) or for none ("none");
 * deciding again replaces it. Refused for an order not stored.
 */
export async function decideOrder(
  db: CoursePulseDb,
  order: Pick<StoredOrder, 'platform' | 'orderId'>,
  post: string,
  now: Millis,
): Promise<boolean> {
  return db.transaction('rw', db.orders, db.attributionDecisions, async () => {
    if (!(await db.orders.get([order.platform, order.orderId]))) return false;
    await db.attributionDecisions.put({ order: orderKey(order), post, decidedAt: now });
    return true;
  });
}

/** Undoes a decision: the order is a conflict again, counted for no post until decided. */
export async function undecideOrder(
  db: CoursePulseDb,
  order: Pick<StoredOrder, 'platform' | 'orderId'>,
): Promise<void> {
  await db.attributionDecisions.delete(orderKey(order));
}
