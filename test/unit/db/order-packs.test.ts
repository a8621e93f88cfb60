/**
 * Orders stored packed (lib/db/order-packs.ts, schema 10) over fake-indexeddb: packs by platform and
 * UTC month, an order moving month, a re-import writing nothing, "delete everything", and sync
 * carrying one item per order in and out of packs. Orders are synthetic (test/unit/sales/generate.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setClock } from '../../../lib/clock';
import { deleteEverything } from '../../../lib/db/delete';
import {
  allOrders,
  monthOf,
  ORDER_TABLES,
  orderStoreOf,
  ordersSince,
  PACK_ORDERS,
  packOrders,
  putOrders,
} from '../../../lib/db/order-packs';
import { storeOrders } from '../../../lib/db/sales';
import { CoursePulseDb, type StoredOrder } from '../../../lib/db/schema';
import { codeTotals } from '../../../lib/sales/glance';
import type { JournalEntry } from '../../../lib/sync/journal';
import { gumroadOrder } from '../sales/generate';
import { connect, device, idle, journaling, send } from '../sync/helpers';
import { MemoryRemote } from '../sync/memory-remote';

const MARCH = Date.parse('2026-03-01T00:00:00Z');
const APRIL = Date.parse('2026-04-01T00:00:00Z');
const MINUTE = 60_000;

/** `n` orders a minute apart from `from`, ids `${prefix}0000`… */
const orders = (n: number, from: number, prefix = 'G') =>
  Array.from({ length: n }, (_, i) =>
    gumroadOrder(`${prefix}${String(i).padStart(4, '0')}`, { at: from + i * MINUTE, line: i + 2 }),
  );

async function fresh() {
  const db = new CoursePulseDb(`packs-${Math.random()}`);
  await db.open();
  return db;
}

const ofPacks = (mock: { calls: unknown[][]; contexts: unknown[] }) =>
  mock.calls.filter((_, i) => (mock.contexts[i] as { name: string }).name === 'orderPacks');

/** Counts the packs written and deleted while `run` runs (their totals are written with them). */
async function packWrites(db: CoursePulseDb, run: () => Promise<unknown>) {
  const put = vi.spyOn(db.Table.prototype, 'bulkPut');
  const del = vi.spyOn(db.Table.prototype, 'bulkDelete');
  try {
    await run();
    return {
      written: ofPacks(put.mock).reduce((n, [rows]) => n + (rows as unknown[]).length, 0),
      deleted: ofPacks(del.mock).reduce((n, [keys]) => n + (keys as unknown[]).length, 0),
    };
  } finally {
    put.mockRestore();
    del.mockRestore();
  }
}

/** Each pack's kept totals are its orders' (lib/sales/glance.ts codeTotals), and no totals outlive their pack. */
async function expectTotalsKept(db: CoursePulseDb) {
  const [packs, totals] = await Promise.all([db.orderPacks.toArray(), db.orderTotals.toArray()]);
  expect(totals).toEqual(packs.map(({ orders: list, ...key }) => ({ ...key, totals: codeTotals(list) })));
}

const byKey = (list: readonly StoredOrder[]) =>
  [...list].sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));

afterEach(() => setClock());

describe('orders stored packed', () => {
  it('packs by platform and UTC month, at most PACK_ORDERS a pack, oldest first', () => {
    const march = orders(2_500, MARCH);
    const stripe = gumroadOrder('S1', { platform: 'stripe', at: MARCH + 5 * MINUTE });
    const packs = packOrders([...[...march].reverse(), gumroadOrder('A1', { at: APRIL }), stripe]);
    expect(packs.map((p) => [p.platform, p.month, p.chunk, p.orders.length])).toEqual([
      ['gumroad', '2026-03', 0, PACK_ORDERS],
      ['gumroad', '2026-03', 1, PACK_ORDERS],
      ['gumroad', '2026-03', 2, 500],
      ['gumroad', '2026-04', 0, 1],
      ['stripe', '2026-03', 0, 1],
    ]);
    expect(packs[0]!.orders.map((o) => o.orderId)).toEqual(march.slice(0, PACK_ORDERS).map((o) => o.orderId));
    expect(packs[2]!.latest).toBe(march.at(-1)!.at);
    // The month is UTC's whatever the zone: the last millisecond of March is March.
    expect(monthOf(APRIL - 1)).toBe('2026-03');
    expect(monthOf(APRIL)).toBe('2026-04');
  });

  it('stores 2,500 orders in three packs; the same file again writes nothing', async () => {
    const db = await fresh();
    const file = orders(2_500, MARCH);
    expect(await storeOrders(db, file)).toEqual({ added: 2_500, changed: 0, unchanged: 0 });
    expect(await db.orderPacks.count()).toBe(3);
    expect(byKey(await allOrders(db.orderPacks))).toEqual(file);
    const again = await packWrites(db, async () =>
      expect(await storeOrders(db, file)).toEqual({ added: 0, changed: 0, unchanged: 2_500 }),
    );
    expect(again).toEqual({ written: 0, deleted: 0 });
  });

  it('a later export with one new order and one refund rewrites only the packs holding them', async () => {
    const db = await fresh();
    const file = orders(2_500, MARCH);
    await storeOrders(db, file);
    const before = await db.orderPacks.toArray();
    const later = [
      ...file.map((o) => (o.orderId === 'G2400' ? { ...o, refunds: o.gross } : o)),
      gumroadOrder('G9999', { at: file.at(-1)!.at + MINUTE }),
    ];
    const writes = await packWrites(db, async () =>
      expect(await storeOrders(db, later)).toEqual({ added: 1, changed: 1, unchanged: 2_499 }),
    );
    expect(writes).toEqual({ written: 1, deleted: 0 });
    const after = await db.orderPacks.toArray();
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]!.orders.map((o) => o.orderId).slice(-2)).toEqual(['G2499', 'G9999']);
    expect(after[2]!.orders.find((o) => o.orderId === 'G2400')!.refunds).toBe(later[2400]!.refunds);
  });

  it('an order whose time moved to another month leaves its old pack for the new month’s', async () => {
    const db = await fresh();
    await storeOrders(db, [...orders(3, MARCH), ...orders(2, APRIL, 'H')]);
    const moved = {
      ...(await allOrders(db.orderPacks)).find((o) => o.orderId === 'G0001')!,
      at: APRIL + 30 * MINUTE,
    };
    expect(await storeOrders(db, [moved])).toEqual({ added: 0, changed: 1, unchanged: 0 });
    const packs = await db.orderPacks.toArray();
    expect(packs.map((p) => [p.month, p.orders.map((o) => o.orderId)])).toEqual([
      ['2026-03', ['G0000', 'G0002']],
      ['2026-04', ['H0000', 'H0001', 'G0001']],
    ]);
    // Readers of recent orders read the April pack alone, and find it there.
    expect((await ordersSince(db.orderPacks, APRIL + 10 * MINUTE)).map((o) => o.orderId)).toEqual(['G0001']);
    // Moving the month's last order away deletes its pack.
    const last = (await allOrders(db.orderPacks)).filter((o) => o.at < APRIL);
    expect(
      await storeOrders(
        db,
        last.map((o) => ({ ...o, at: o.at + 31 * 86_400_000 })),
      ),
    ).toMatchObject({
      changed: 2,
    });
    expect((await db.orderPacks.toArray()).map((p) => p.month)).toEqual(['2026-04']);
    expect(await allOrders(db.orderPacks)).toHaveLength(5);
    await expectTotalsKept(db);
  });

  it('stores 200k orders sent as one part (spread into push, they overflowed the stack)', async () => {
    const db = await fresh();
    const file = orders(200_000, MARCH);
    expect(await storeOrders(db, file)).toMatchObject({ added: 200_000 });
    expect(await db.orderPacks.count()).toBe(packOrders(file).length);
  }, 180_000);

  it('delete everything removes every pack', async () => {
    const db = await fresh();
    await storeOrders(db, orders(1_200, MARCH));
    await deleteEverything(db);
    expect(await db.orderPacks.count()).toBe(0);
    expect(await db.orderTotals.count()).toBe(0);
    expect(await allOrders(db.orderPacks)).toEqual([]);
  });
});

describe('packed orders and sync (one item per order)', () => {
  it('journals a new or changed order once, a re-import nothing, and a moved order as a put alone', async () => {
    setClock(MARCH);
    const a = await journaling('device-a');
    const file = orders(1_500, MARCH);
    await storeOrders(a, file);
    const puts = (await a.syncJournal.toArray()) as JournalEntry[];
    expect(puts).toHaveLength(1_500);
    expect(puts.every((e) => e.t === 'orders' && e.op === 'put')).toBe(true);
    await storeOrders(a, file);
    expect(await a.syncJournal.count()).toBe(1_500);
    // G0000 moves to April: its March pack is rewritten without it, yet it is not deleted.
    await storeOrders(a, [{ ...file[0]!, at: APRIL }]);
    const last = (await a.syncJournal.where('seq').above(1_500).toArray()) as JournalEntry[];
    expect(last.map((e) => [e.t, e.op, e.op === 'put' ? e.row.orderId : null])).toEqual([
      ['orders', 'put', 'G0000'],
    ]);
  });

  it('replays another device’s orders into packs, its changes and its deletions', async () => {
    setClock(MARCH);
    const a = await journaling('device-a');
    const b = await journaling('device-b', 'other');
    const file = orders(1_500, MARCH);
    await storeOrders(a, file);
    let seq = await send(a, b);
    expect(byKey(await allOrders(b.orderPacks))).toEqual(file);
    expect(await b.orderPacks.count()).toBe(2);
    // Replayed writes are not journaled again on b.
    expect(await b.syncJournal.count()).toBe(0);
    setClock(MARCH + MINUTE);
    await storeOrders(a, [
      { ...file[3]!, refunds: 100 },
      { ...file[4]!, at: APRIL },
    ]);
    seq = await send(a, b, seq);
    expect(byKey(await allOrders(b.orderPacks))).toEqual(byKey(await allOrders(a.orderPacks)));
    expect((await b.orderPacks.toArray()).map((p) => [p.month, p.orders.length])).toEqual([
      ['2026-03', 1_000],
      ['2026-03', 499],
      ['2026-04', 1],
    ]);
    // A deletion from a (none of the UI's, but sync carries it): the order leaves b's packs.
    setClock(MARCH + 2 * MINUTE);
    await a.transaction('rw', ORDER_TABLES, (tx) =>
      putOrders(orderStoreOf(tx), [], [{ platform: 'gumroad', orderId: 'G0004' }]),
    );
    const deletions = (await a.syncJournal.where('seq').above(seq).toArray()) as JournalEntry[];
    expect(deletions.map((e) => [e.op, e.op === 'del' ? e.key : null])).toEqual([
      ['del', ['gumroad', 'G0004']],
    ]);
    await send(a, b, seq);
    expect((await b.orderPacks.toArray()).map((p) => p.month)).toEqual(['2026-03', '2026-03']);
    expect(byKey(await allOrders(b.orderPacks))).toEqual(byKey(await allOrders(a.orderPacks)));
    await expectTotalsKept(b);
  });

  it('seeds the orders stored before sync was connected, one item per order, for the other device', async () => {
    const remote = new MemoryRemote();
    const [a, b] = await Promise.all([device('a'), device('b')]);
    const file = orders(1_500, MARCH);
    await storeOrders(a, file);
    setClock(APRIL);
    await connect(a, remote);
    await connect(b, remote, { deviceName: 'Desktop' });
    for (const db of [a, b]) await idle(db, remote);
    expect(byKey(await allOrders(b.orderPacks))).toEqual(file);
    await expectTotalsKept(b);
  }, 60_000);
});
