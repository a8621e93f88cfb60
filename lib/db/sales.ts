/**
 * The write path of the sales tables (background only): orders imported from the seller's platform,
 * tracked links the seller copied, the seller's decisions on conflicting orders.
 */
import { ORDERS_INTERRUPTED } from '../messages';
import { orderKey } from '../sales/order';
import type { CoursePulseDb, Millis, StoredOrder, StoredTrackedLink } from './schema';

export interface StoredOrdersSummary {
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * Whether two rows hold the same values, key order aside, a key holding undefined counting as absent
 * and nested objects (an order's utm) compared the same way; the top-level key `ignored` is left out.
 */
function sameValues(a: object, b: object, ignored?: string): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (key === ignored || x[key] === undefined) continue;
    const v = x[key];
    const w = y[key];
    if (v !== w && !(isObject(v) && isObject(w) && sameValues(v, w))) return false;
    keys++;
  }
  for (const key in y) if (key !== ignored && y[key] !== undefined) keys--;
  return keys === 0;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * Whether a stored order already holds an imported one's values. Its file line is left out: a later
 * export with more rows moves the same order to another line without changing it.
 */
export const sameOrder = (stored: StoredOrder, imported: StoredOrder): boolean =>
  sameValues(stored, imported, 'line');

/**
 * What importing `orders` over the `stored` ones (by orderKey) writes: new orders and those whose
 * values changed (a refund since); an order read again unchanged is not written, so importing the
 * same file twice writes nothing.
 */
export function changedOrders(
  stored: ReadonlyMap<string, StoredOrder>,
  orders: readonly StoredOrder[],
): { writes: StoredOrder[]; summary: StoredOrdersSummary } {
  const writes: StoredOrder[] = [];
  const summary: StoredOrdersSummary = { added: 0, changed: 0, unchanged: 0 };
  for (const order of orders) {
    const old = stored.get(orderKey(order));
    if (old && sameOrder(old, order)) {
      summary.unchanged++;
      continue;
    }
    if (old) summary.changed++;
    else summary.added++;
    writes.push(order);
  }
  return { writes, summary };
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
export async function storedOrders(
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
    // Read up to one row past the limit instead of counting first: Chromium counts a range by
    // walking it, which cost a re-import as much as reading the rows themselves.
    const limit = RANGE_READ_LIMIT * ids.length;
    const inRange = await range.limit(limit + 1).toArray();
    const rows = inRange.length <= limit ? inRange : await db.orders.bulkGet(ids.map((id) => [platform, id]));
    for (const row of rows) if (row) found.set(orderKey(row), row);
  }
  return found;
}

/**
 * Orders by (platform, orderId), in one transaction over all `parts` (each sorted as ordersInMessages
 * sends them): a new order is added, a re-exported one with other values (a refund since) replaces
 * the old, and an order read again unchanged is not written (changedOrders).
 */
export async function storeOrderParts(
  db: CoursePulseDb,
  parts: readonly (readonly StoredOrder[])[],
): Promise<StoredOrdersSummary> {
  return db.transaction('rw', db.orders, async () => {
    const total: StoredOrdersSummary = { added: 0, changed: 0, unchanged: 0 };
    for (const orders of parts) {
      const { writes, summary } = changedOrders(await storedOrders(db, orders), orders);
      if (writes.length) await db.orders.bulkPut(writes);
      total.added += summary.added;
      total.changed += summary.changed;
      total.unchanged += summary.unchanged;
    }
    return total;
  });
}

export const storeOrders = (db: CoursePulseDb, orders: readonly StoredOrder[]) =>
  storeOrderParts(db, [orders]);

export interface OrdersPart {
  importId: string;
  index: number;
  count: number;
}

/** The parts of the export being received, per database: at most one export at a time. */
const receiving = new WeakMap<CoursePulseDb, { importId: string; parts: StoredOrder[][] }>();

/**
 * One message of an export sent in parts: held until the last part, then all stored at once
 * (storeOrderParts), so nothing is stored from an export that never arrives whole. A part out of turn
 * (the background restarted meanwhile, or another export began) drops what was held and is refused:
 * the user chooses the file again. Parts before the last count nothing.
 */
export async function receiveOrders(
  db: CoursePulseDb,
  part: OrdersPart,
  orders: StoredOrder[],
): Promise<{ ok: true; summary: StoredOrdersSummary } | { ok: false; reason: string }> {
  const held = receiving.get(db);
  const parts = part.index === 0 ? [] : held?.importId === part.importId ? held.parts : null;
  if (!parts || parts.length !== part.index) {
    receiving.delete(db);
    return { ok: false, reason: ORDERS_INTERRUPTED };
  }
  parts.push(orders);
  if (parts.length < part.count) {
    receiving.set(db, { importId: part.importId, parts });
    return { ok: true, summary: { added: 0, changed: 0, unchanged: 0 } };
  }
  receiving.delete(db);
  return { ok: true, summary: await storeOrderParts(db, parts) };
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
