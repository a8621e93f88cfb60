/**
 * Bounded reads of stored orders by time, for views with a time budget (the popup: ≤ 200 ms,
 * DESIGN.md): packs are read in the order of their latest order from a time on, only until enough
 * orders are read (lib/db/order-packs.ts).
 */
import type { OrderPacks } from './order-packs';
import type { StoredOrder } from './schema';

/**
 * The oldest `cap` orders at or after `since`, about: packs of different order platforms overlap in
 * time, and the packs read stop at the first whose latest order comes after `cap` orders were read.
 */
export async function oldestOrdersSince(
  packs: OrderPacks,
  since: number,
  cap: number,
): Promise<StoredOrder[]> {
  let read = 0;
  const rows = await packs
    .where('latest')
    .aboveOrEqual(since)
    .until((pack) => {
      const enough = read >= cap;
      read += pack.orders.length;
      return enough;
    })
    .toArray();
  return rows
    .flatMap((p) => p.orders.filter((o) => o.at >= since))
    .sort((a, b) => a.at - b.at)
    .slice(0, cap);
}
