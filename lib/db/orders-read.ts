/**
 * Bounded reads of stored orders by time, for views with a time budget (the popup: ≤ 200 ms,
 * DESIGN.md): the index counts a range without reading its rows, and only a capped slice is read.
 */
import type { CoursePulseDb, StoredOrder } from './schema';

/** The newest `cap` orders at or after `since`, and how many there are in all. */
export async function newestOrdersSince(
  database: CoursePulseDb,
  since: number,
  cap: number,
): Promise<{ orders: StoredOrder[]; total: number }> {
  const range = () => database.orders.where('at').aboveOrEqual(since);
  const [total, orders] = await Promise.all([range().count(), range().reverse().limit(cap).toArray()]);
  return { orders, total };
}
