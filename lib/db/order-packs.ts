/**
 * How imported orders are stored (schema 10): packed, PACK_ORDERS at most per row, never one row per
 * order. IndexedDB costs about the same per row whatever the row holds: 100k orders stored one per
 * row took ~18 s to import in Chromium here (the bare bulkPut alone ~20 s), in packs 2–3 s, and read
 * back in well under one.
 *
 * A pack holds orders of one order platform and one UTC month of their time, sorted by time then
 * order id, so a later export's new orders land in the last pack of the latest month and an import
 * rewrites only the packs whose orders changed. Backups, CSV and sync still carry one order per row:
 * this module is the one place that turns packs into orders and orders into packs.
 *
 * Beside each pack, under the same key, its orders' totals by hour, currency and codes
 * (lib/sales/glance.ts codeTotals), written with the pack: the popup counts a week from them
 * without reading 100k orders. Derived, so left out of backups and sync, and rebuilt with the packs.
 */
import type { Table, Transaction } from 'dexie';
import { type CodeTotal, codeTotals, HOUR_MS } from '../sales/glance';
import { type OrderPlatform, orderKey } from '../sales/order';
import type { Millis, StoredOrder } from './schema';

/** Orders per pack at most: writing and reading 100k orders cost about the same from 1,000 up. */
export const PACK_ORDERS = 1_000;

export interface OrderPack {
  platform: OrderPlatform;
  /** The UTC month of the orders' times, "2026-03": a storage partition, not a calendar shown. */
  month: string;
  /** The pack's place in its month: 0 holds the month's earliest orders. */
  chunk: number;
  /** The latest order time in the pack, indexed, so readers of recent orders skip older packs. */
  latest: Millis;
  /** Sorted by time, then order id. */
  orders: StoredOrder[];
}

export type OrderPackKey = [OrderPlatform, string, number];
export type OrderPacks = Table<OrderPack, OrderPackKey>;

/** A pack's totals, keyed as the pack. */
export interface OrderPackTotals extends Omit<OrderPack, 'orders'> {
  totals: CodeTotal[];
}

/** The two tables orders live in, written together; ORDER_TABLES names them for transactions. */
export interface OrderStore {
  packs: OrderPacks;
  totals: Table<OrderPackTotals, OrderPackKey>;
}
export const ORDER_TABLES = ['orderPacks', 'orderTotals'] as const;

/** The order tables of a transaction, bound to it (Dexie's zone is lost after awaiting a function of several awaits). */
export const orderStoreOf = (tx: Transaction): OrderStore => ({
  packs: tx.table('orderPacks'),
  totals: tx.table('orderTotals'),
});

const totalsOf = ({ orders, ...pack }: OrderPack): OrderPackTotals => ({
  ...pack,
  totals: codeTotals(orders),
});

/** The totals of hours starting at or after `since`'s hour, from the packs reaching it. */
export async function totalsSince(totals: OrderStore['totals'], since: Millis): Promise<CodeTotal[]> {
  const hour = Math.floor(since / HOUR_MS) * HOUR_MS;
  const rows = await totals.where('latest').aboveOrEqual(hour).toArray();
  return rows.flatMap((r) => r.totals.filter((t) => t.hour >= hour));
}

export const packKey = (p: Pick<OrderPack, 'platform' | 'month' | 'chunk'>): OrderPackKey => [
  p.platform,
  p.month,
  p.chunk,
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The UTC month of an instant, "2026-03". */
export function monthOf(at: Millis): string {
  const d = new Date(at);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}`;
}

const byTime = (a: StoredOrder, b: StoredOrder) =>
  a.at - b.at || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/** Orders of one platform and month, as packs (sorted, split every PACK_ORDERS). */
function packMonth(platform: OrderPlatform, month: string, orders: StoredOrder[]): OrderPack[] {
  const sorted = [...orders].sort(byTime);
  const packs: OrderPack[] = [];
  for (let i = 0; i < sorted.length; i += PACK_ORDERS) {
    const part = sorted.slice(i, i + PACK_ORDERS);
    packs.push({ platform, month, chunk: packs.length, latest: part[part.length - 1]!.at, orders: part });
  }
  return packs;
}

const monthId = (platform: string, month: string) => `${platform}|${month}`;

/** Orders (distinct keys) as packs. */
export function packOrders(orders: readonly StoredOrder[]): OrderPack[] {
  const months = new Map<string, { platform: OrderPlatform; month: string; orders: StoredOrder[] }>();
  for (const o of orders) {
    const month = monthOf(o.at);
    const id = monthId(o.platform, month);
    const group = months.get(id) ?? { platform: o.platform, month, orders: [] };
    group.orders.push(o);
    months.set(id, group);
  }
  return [...months.values()].flatMap((g) => packMonth(g.platform, g.month, g.orders));
}

export const unpack = (packs: readonly OrderPack[]): StoredOrder[] => packs.flatMap((p) => p.orders);

/** Every stored order. */
export async function allOrders(packs: OrderPacks): Promise<StoredOrder[]> {
  return unpack(await packs.toArray());
}

/** The stored orders at or after `since`, oldest first per pack; only packs reaching `since` are read. */
export async function ordersSince(packs: OrderPacks, since: Millis): Promise<StoredOrder[]> {
  const rows = await packs.where('latest').aboveOrEqual(since).toArray();
  return unpack(rows).filter((o) => o.at >= since);
}

/**
 * The packs of some platforms, whole. A platform's keys lie between [platform] and [platform, []]:
 * a shorter array sorts first, and an array after every string month.
 */
export async function packsOfPlatforms(
  packs: OrderPacks,
  platforms: Iterable<OrderPlatform>,
): Promise<OrderPack[]> {
  // One platform after another: a native Promise.all between Dexie calls can lose the transaction's zone.
  const found: OrderPack[] = [];
  for (const platform of new Set(platforms))
    found.push(
      ...(await packs.where('[platform+month+chunk]').between([platform], [platform, []]).toArray()),
    );
  return found;
}

/** One stored order, or undefined. */
export async function storedOrder(
  packs: OrderPacks,
  order: Pick<StoredOrder, 'platform' | 'orderId'>,
): Promise<StoredOrder | undefined> {
  return unpack(await packsOfPlatforms(packs, [order.platform])).find((o) => o.orderId === order.orderId);
}

/**
 * Puts `puts` (replacing stored orders of the same key) and removes the orders keyed `removals`
 * (orderKey), given `current`: every stored pack of the platforms they touch. Only the months whose
 * orders changed are packed again, and of those only the packs that differ are written; packs a
 * month no longer fills are deleted, after the writes (the journal then sees an order that moved
 * month written before its old pack goes, lib/sync/journal.ts). Putting nothing writes nothing.
 */
export async function writeOrders(
  store: OrderStore,
  current: readonly OrderPack[],
  puts: readonly StoredOrder[],
  removals: ReadonlySet<string> = new Set(),
): Promise<{ written: number; deleted: number }> {
  if (puts.length === 0 && removals.size === 0) return { written: 0, deleted: 0 };
  // The last put of a key wins.
  const putByKey = new Map(puts.map((o) => [orderKey(o), o]));
  const byMonth = new Map<string, OrderPack[]>();
  const where = new Map<string, string>();
  for (const pack of current) {
    const id = monthId(pack.platform, pack.month);
    byMonth.set(id, [...(byMonth.get(id) ?? []), pack]);
    for (const o of pack.orders) where.set(orderKey(o), id);
  }
  const touched = new Set<string>();
  for (const [key, o] of putByKey) {
    const old = where.get(key);
    if (old) touched.add(old);
    touched.add(monthId(o.platform, monthOf(o.at)));
  }
  for (const key of removals) {
    const old = where.get(key);
    if (old) touched.add(old);
  }
  const kept = new Map<string, StoredOrder[]>();
  for (const id of touched)
    kept.set(
      id,
      (byMonth.get(id) ?? []).flatMap((p) =>
        p.orders.filter((o) => !putByKey.has(orderKey(o)) && !removals.has(orderKey(o))),
      ),
    );
  for (const o of putByKey.values()) kept.get(monthId(o.platform, monthOf(o.at)))!.push(o);
  const writes: OrderPack[] = [];
  const deletes: OrderPackKey[] = [];
  for (const [id, orders] of kept) {
    const before = byMonth.get(id) ?? [];
    const [platform, month] = id.split('|') as [OrderPlatform, string];
    const after = packMonth(platform, month, orders);
    after.forEach((pack, i) => {
      if (!samePack(before[i], pack)) writes.push(pack);
    });
    for (const gone of before.slice(after.length)) deletes.push(packKey(gone));
  }
  if (writes.length) {
    await store.packs.bulkPut(writes);
    await store.totals.bulkPut(writes.map(totalsOf));
  }
  if (deletes.length) {
    await store.packs.bulkDelete(deletes);
    await store.totals.bulkDelete(deletes);
  }
  return { written: writes.length, deleted: deletes.length };
}

/** Whether a stored pack already holds exactly the orders of a new one (the same stored objects). */
function samePack(old: OrderPack | undefined, pack: OrderPack): boolean {
  return (
    !!old &&
    old.latest === pack.latest &&
    old.orders.length === pack.orders.length &&
    old.orders.every((o, i) => o === pack.orders[i])
  );
}

/**
 * Puts `puts` and removes the orders keyed `removals`, reading the packs of the platforms they touch
 * (sync's replay, a backup's orders): by key, the later values win whole.
 */
export async function putOrders(
  store: OrderStore,
  puts: readonly StoredOrder[],
  removals: ReadonlyArray<Pick<StoredOrder, 'platform' | 'orderId'>> = [],
): Promise<void> {
  const platforms = [...puts, ...removals].map((o) => o.platform);
  if (platforms.length === 0) return;
  const current = await packsOfPlatforms(store.packs, platforms);
  await writeOrders(store, current, puts, new Set(removals.map(orderKey)));
}
