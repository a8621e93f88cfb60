/**
 * Bounded reads of stored orders by time, for views with a time budget (the popup: ≤ 200 ms,
 * DESIGN.md): only the packs reaching the time are read (lib/db/order-packs.ts), and a capped slice
 * of their orders is kept.
 */
import { ordersSince } from './order-packs';
import type { CoursePulseDb, StoredOrder } from './schema';

const byTime = (a: StoredOrder, b: StoredOrder) => a.at - b.at;

/** The newest `cap` orders at or after `since`, and how many there are in all. */
export async function newestOrdersSince(
  database: CoursePulseDb,
  since: number,
  cap: number,
): Promise<{ orders: StoredOrder[]; total: number }> {
  const all = (await ordersSince(database.orderPacks, since)).sort(byTime);
  return { orders: all.slice(-cap).reverse(), total: all.length };
}

/** The oldest `cap` orders at or after `since`. */
export async function oldestOrdersSince(
  database: CoursePulseDb,
  since: number,
  cap: number,
): Promise<StoredOrder[]> {
  return (await ordersSince(database.orderPacks, since)).sort(byTime).slice(0, cap);
}
