/**
 * The write path of the sales tables (background only): orders imported from the seller's platform,
 * tracked links the seller copied, the seller's decisions on conflicting orders.
 */
import { ORDERS_INTERRUPTED } from '../messages';
import { orderKey } from '../sales/order';
import {
  ORDER_TABLES,
  orderStoreOf,
  packsOfPlatforms,
  storedOrder,
  unpack,
  writeOrders,
} from './order-packs';
import { sameValues } from './same-values';
import type { CoursePulseDb, Millis, StoredOrder, StoredTrackedLink } from './schema';

export interface StoredOrdersSummary {
  added: number;
  changed: number;
  unchanged: number;
}

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
 * Orders by (platform, orderId), in one transaction over all `parts` (the messages of one export): a
 * new order is added, a re-exported one with other values (a refund since) replaces the old, and an
 * order read again unchanged is not written (changedOrders), so importing the same file twice writes
 * nothing. The stored packs of the export's platforms are read once (lib/db/order-packs.ts): one
 * range per platform, where one row per order cost a lookup per order.
 */
export async function storeOrderParts(
  db: CoursePulseDb,
  parts: readonly (readonly StoredOrder[])[],
): Promise<StoredOrdersSummary> {
  // Through the transaction's own table: Dexie's zone is lost after awaiting a function of several awaits.
  return db.transaction('rw', ORDER_TABLES, async (tx) => {
    const store = orderStoreOf(tx);
    const current = await packsOfPlatforms(
      store.packs,
      parts.flatMap((p) => p.map((o) => o.platform)),
    );
    const stored = new Map(unpack(current).map((o) => [orderKey(o), o]));
    const total: StoredOrdersSummary = { added: 0, changed: 0, unchanged: 0 };
    const puts: StoredOrder[] = [];
    for (const orders of parts) {
      const { writes, summary } = changedOrders(stored, orders);
      // One by one: spreading a part of 100k orders into push overflows the stack.
      for (const o of writes) {
        stored.set(orderKey(o), o);
        puts.push(o);
      }
      total.added += summary.added;
      total.changed += summary.changed;
      total.unchanged += summary.unchanged;
    }
    await writeOrders(store, current, puts);
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
  return db.transaction('rw', db.orderPacks, db.attributionDecisions, async (tx) => {
    if (!(await storedOrder(tx.table('orderPacks'), order))) return false;
    await tx.table('attributionDecisions').put({ order: orderKey(order), post, decidedAt: now });
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
