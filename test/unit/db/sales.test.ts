/**
 * The sales tables through the background's commands: orders read from a real Stripe export and from
 * a generated Gumroad file (synthetic, test/unit/sales/generate.ts) are stored by (platform, orderId);
 * importing the same file again changes nothing; tracked links keep when they were first copied.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../lib/background/commands';
import { setClock } from '../../../lib/clock';
import { allOrders, storedOrder } from '../../../lib/db/order-packs';
import { CoursePulseDb, type StoredOrder } from '../../../lib/db/schema';
import {
  ORDERS_INTERRUPTED,
  ORDERS_PER_MESSAGE,
  ordersImportCommands,
  ordersInMessages,
} from '../../../lib/messages';
import { decodeOrdersFile, parseCsv } from '../../../lib/sales/decode';
import { importOrders } from '../../../lib/sales/import';
import { netMinor } from '../../../lib/sales/order';
import { detectPreset } from '../../../lib/sales/presets';
import { gumroadCsv, manyOrders } from '../sales/generate';

let db: CoursePulseDb;
const run = (message: unknown) =>
  runCommand(
    {
      db,
      saveCourseFromTab: async () => ({ ok: true }),
      checkCoursesInTab: async () => ({ ok: true }),
      stopSync: async () => {},
    },
    message,
  );
const START = Date.UTC(2026, 2, 1);

async function stripeOrders(): Promise<StoredOrder[]> {
  const bytes = readFileSync('test/fixtures/orders/reubano__csv2ofx/stripe-payments-all-columns.csv');
  const decoded = await decodeOrdersFile(new Uint8Array(bytes));
  if (!decoded.ok) throw new Error(decoded.reason);
  return importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'Asia/Shanghai').orders;
}

function gumroadOrders(csv: string): StoredOrder[] {
  const decoded = parseCsv(csv, 'utf-8');
  if (!decoded.ok) throw new Error(decoded.reason);
  return importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC').orders;
}

const dump = async () => ({
  orders: await allOrders(db.orderPacks),
  trackedLinks: await db.trackedLinks.toArray(),
});

beforeEach(() => {
  db = new CoursePulseDb(`sales-${Math.random()}`);
});
afterEach(() => {
  db.close();
  setClock();
});

describe('orders storage', () => {
  it('stores a real Stripe export by (platform, orderId); the same file again changes nothing', async () => {
    const orders = await stripeOrders();
    expect(await run({ type: 'orders.import', orders })).toEqual({
      ok: true,
      detail: { added: 5, changed: 0, unchanged: 0 },
    });
    const stored = await storedOrder(db.orderPacks, {
      platform: 'stripe',
      orderId: 'ch_1IVbR2BI9JK85yVZUofVdX4R',
    });
    expect(stored && [stored.currency, stored.gross, stored.fees, netMinor(stored)]).toEqual([
      'CAD',
      1000,
      59,
      941,
    ]);
    const once = await dump();
    expect(await run({ type: 'orders.import', orders: await stripeOrders() })).toEqual({
      ok: true,
      detail: { added: 0, changed: 0, unchanged: 5 },
    });
    expect(await dump()).toEqual(once);
  });

  it('a later export: new orders added, a refunded one updated, the rest untouched even on other lines', async () => {
    const generated = manyOrders(200, START, 30, ['xp-7f3k', 'wb-2abc', 'yt-9xyz']);
    expect(
      await run({ type: 'orders.import', orders: gumroadOrders(gumroadCsv(generated.slice(0, 150))) }),
    ).toEqual({ ok: true, detail: { added: 150, changed: 0, unchanged: 0 } });
    // The next export lists newest first (every line moves), refunds order G3, adds 50 more.
    const later = [...generated].reverse().map((o) => (o.id === 'G3' ? { ...o, refund: o.price } : o));
    expect(await run({ type: 'orders.import', orders: gumroadOrders(gumroadCsv(later)) })).toEqual({
      ok: true,
      detail: { added: 50, changed: 1, unchanged: 149 },
    });
    const g3 = (await storedOrder(db.orderPacks, { platform: 'gumroad', orderId: 'G3' }))!;
    expect(g3.refunds).toBe(g3.gross);
    expect((await allOrders(db.orderPacks)).length).toBe(200);
    expect((await storedOrder(db.orderPacks, { platform: 'gumroad', orderId: 'G10' }))?.utm?.content).toBe(
      'wb-2abc',
    );
    expect((await storedOrder(db.orderPacks, { platform: 'gumroad', orderId: 'G30' }))?.utm?.content).toBe(
      'xp-7f3k',
    );
  });

  // 12,000 orders through fake-indexeddb: over vitest's 5 s default on the shared machine (load 25).
  it('a large export sent as the dashboard sends it, sorted messages: stored once, then nothing changes', {
    timeout: 60_000,
  }, async () => {
    const orders = gumroadOrders(gumroadCsv(manyOrders(6000, START, 30, ['xp-7f3k'])));
    const messages = ordersInMessages(orders);
    expect(messages.map((m) => m.length)).toEqual([ORDERS_PER_MESSAGE, 1000]);
    const send = async () => {
      const total = { added: 0, changed: 0, unchanged: 0 };
      for (const m of messages) {
        const reply = await run({ type: 'orders.import', orders: m });
        if (!reply.ok) throw new Error(reply.reason);
        for (const [k, n] of Object.entries(reply.detail as typeof total))
          total[k as keyof typeof total] += n;
      }
      return total;
    };
    expect(await send()).toEqual({ added: 6000, changed: 0, unchanged: 0 });
    const once = await dump();
    expect(await send()).toEqual({ added: 0, changed: 0, unchanged: 6000 });
    expect(await dump()).toEqual(once);
  });

  it('a message whose key range is crowded by other stored orders still finds each of its own', async () => {
    const generated = manyOrders(300, START, 30, ['xp-7f3k']);
    await run({ type: 'orders.import', orders: gumroadOrders(gumroadCsv(generated)) });
    // G0 and G99 span nearly every stored id (G1, G10…G98 sort between them): the keys are looked up.
    const repriced = generated.map((o) => (o.id === 'G0' ? { ...o, price: o.price + 100 } : o));
    const two = gumroadOrders(gumroadCsv(repriced)).filter((o) => ['G0', 'G99'].includes(o.orderId));
    expect(await run({ type: 'orders.import', orders: [...two, { ...two[0]!, orderId: 'G0-new' }] })).toEqual(
      {
        ok: true,
        detail: { added: 1, changed: 1, unchanged: 1 },
      },
    );
    expect((await storedOrder(db.orderPacks, { platform: 'gumroad', orderId: 'G0' }))?.gross).toBe(
      two[0]!.gross,
    );
    expect((await allOrders(db.orderPacks)).length).toBe(301);
  });

  it('an export sent in parts is stored only when its last part arrives; the same parts again change nothing', async () => {
    const orders = gumroadOrders(gumroadCsv(manyOrders(30, START, 30, ['xp-7f3k'])));
    const sorted = ordersInMessages(orders)[0]!;
    const parts = (importId: string) =>
      [sorted.slice(0, 10), sorted.slice(10, 20), sorted.slice(20)].map((part, index) => ({
        type: 'orders.import',
        orders: part,
        part: { importId, index, count: 3 },
      }));
    const [a, b, c] = parts('import-one');
    expect(await run(a)).toEqual({ ok: true, detail: { added: 0, changed: 0, unchanged: 0 } });
    expect(await run(b)).toEqual({ ok: true, detail: { added: 0, changed: 0, unchanged: 0 } });
    expect((await allOrders(db.orderPacks)).length).toBe(0);
    expect(await run(c)).toEqual({ ok: true, detail: { added: 30, changed: 0, unchanged: 0 } });
    const once = await dump();
    const totals = [];
    for (const part of parts('import-two')) totals.push(await run(part));
    expect(totals.at(-1)).toEqual({ ok: true, detail: { added: 0, changed: 0, unchanged: 30 } });
    expect(await dump()).toEqual(once);
  });

  it('with sync on, an export sent in parts journals the orders it writes: each new one, then only the refunded one', async () => {
    // Opening reads the device from the sync state (none here): switched on after.
    await db.open();
    db.journal.device = 'dev-a';
    const generated = manyOrders(30, START, 30, ['xp-7f3k']);
    const send = async (orders: StoredOrder[], importId: string) => {
      const sorted = ordersInMessages(orders)[0]!;
      for (const [index, part] of [sorted.slice(0, 15), sorted.slice(15)].entries())
        await run({ type: 'orders.import', orders: part, part: { importId, index, count: 2 } });
    };
    await send(gumroadOrders(gumroadCsv(generated)), 'import-one');
    const journaled = async () =>
      (await db.syncJournal.toArray()).map((e) => (e.op === 'put' ? e.row.orderId : e.op));
    expect((await journaled()).sort()).toEqual(generated.map((o) => o.id).sort());
    await db.syncJournal.clear();
    const refunded = generated.map((o) => (o.id === 'G3' ? { ...o, refund: o.price } : o));
    await send(gumroadOrders(gumroadCsv(refunded)), 'import-two');
    expect(await journaled()).toEqual(['G3']);
  });

  it('a part out of turn is refused and drops what was held: nothing of that export is stored', async () => {
    const orders = gumroadOrders(gumroadCsv(manyOrders(30, START, 30, ['xp-7f3k'])));
    const part = (importId: string, index: number, count = 3) => ({
      type: 'orders.import',
      orders: orders.slice(index * 10, index * 10 + 10),
      part: { importId, index, count },
    });
    expect((await run(part('import-one', 0))).ok).toBe(true);
    expect(await run(part('import-one', 2))).toEqual({ ok: false, reason: ORDERS_INTERRUPTED });
    // The held part went with the refusal: the missing one arriving late does not complete it.
    expect((await run(part('import-one', 1))).ok).toBe(false);
    // Another export's later part cannot complete this one either.
    expect((await run(part('import-one', 0))).ok).toBe(true);
    expect((await run(part('import-two', 1))).ok).toBe(false);
    expect((await run(part('import-one', 1, 4))).ok).toBe(false);
    expect((await allOrders(db.orderPacks)).length).toBe(0);
    expect(
      (await run({ ...part('import-one', 0), part: { importId: 'import-one', index: 3, count: 3 } })).ok,
    ).toBe(false);
    expect((await allOrders(db.orderPacks)).length).toBe(0);
  });

  it('the dashboard sends an export as numbered parts of one import, sorted by order id', () => {
    const orders = gumroadOrders(gumroadCsv(manyOrders(6000, START, 30, ['xp-7f3k'])));
    const commands = ordersImportCommands(orders, 'import-one');
    expect(commands.map((c) => [c.orders.length, c.part])).toEqual([
      [ORDERS_PER_MESSAGE, { importId: 'import-one', index: 0, count: 2 }],
      [1000, { importId: 'import-one', index: 1, count: 2 }],
    ]);
    expect(commands.flatMap((c) => c.orders)).toEqual(ordersInMessages(orders).flat());
  });

  it('refuses orders that are not orders, writing nothing', async () => {
    const [order] = await stripeOrders();
    for (const bad of [
      { ...order, refunds: -5 },
      { ...order, currency: 'cad' },
      { ...order, platform: 'shopify' },
      { ...order, orderId: '' },
      { ...order, extra: 'field' },
    ]) {
      const reply = await run({ type: 'orders.import', orders: [order, bad] });
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
    }
    expect((await allOrders(db.orderPacks)).length).toBe(0);
  });
});

describe('tracked links storage', () => {
  const link = {
    code: 'xp-7f3k',
    courseUrl: 'https://example.gumroad.com/l/course',
    platform: 'x',
    campaign: 'launch',
  };

  it('remembers a copied code with its coupon; copying it again keeps when it was first made', async () => {
    setClock(Date.UTC(2026, 2, 1, 9));
    expect(await run({ type: 'trackedLink.put', link })).toEqual({ ok: true });
    setClock(Date.UTC(2026, 2, 2, 9));
    await run({ type: 'trackedLink.put', link: { ...link, coupon: 'SPRING-X' } });
    expect(await db.trackedLinks.toArray()).toEqual([
      { ...link, coupon: 'SPRING-X', createdAt: Date.UTC(2026, 2, 1, 9) },
    ]);
  });

  it('refuses a code that would not survive the platforms (upper case, symbols) or a script URL', async () => {
    for (const bad of [
      { ...link, code: 'XP-7F3K' },
      { ...link, code: 'xp_7f3k' },
      { ...link, courseUrl: 'javascript:alert(1)' },
      { ...link, platform: 'tiktok' },
    ])
      expect((await run({ type: 'trackedLink.put', link: bad })).ok, JSON.stringify(bad)).toBe(false);
    expect(await db.trackedLinks.count()).toBe(0);
  });
});

describe("the seller's decisions on conflicting orders", () => {
  it('stores a decision with when it was made, replaces it when decided again, deletes it on undo', async () => {
    const [order] = await stripeOrders();
    await run({ type: 'orders.import', orders: [order] });
    const ref = { platform: 'stripe', orderId: order!.orderId };
    setClock(Date.UTC(2026, 2, 1, 9));
    expect(await run({ type: 'sales.decide', ...ref, post: 'x:1850000000000000000' })).toEqual({ ok: true });
    setClock(Date.UTC(2026, 2, 1, 10));
    expect(await run({ type: 'sales.decide', ...ref, post: 'none' })).toEqual({ ok: true });
    expect(await db.attributionDecisions.toArray()).toEqual([
      { order: `stripe:${order!.orderId}`, post: 'none', decidedAt: Date.UTC(2026, 2, 1, 10) },
    ]);
    expect(await run({ type: 'sales.undecide', ...ref })).toEqual({ ok: true });
    expect(await db.attributionDecisions.count()).toBe(0);
  });

  it('refuses an order not imported, a post that is no post key, and a malformed order', async () => {
    const [order] = await stripeOrders();
    await run({ type: 'orders.import', orders: [order] });
    const ref = { platform: 'stripe', orderId: order!.orderId };
    expect(await run({ type: 'sales.decide', platform: 'stripe', orderId: 'ch_none', post: 'x:1' })).toEqual({
      ok: false,
      reason: 'no such order',
    });
    for (const bad of [
      { ...ref, post: 'neither' },
      { ...ref, post: 'tiktok:1' },
      { ...ref, post: 'x:' },
      { ...ref, platform: 'shop', post: 'x:1' },
      { ...ref, orderId: '', post: 'x:1' },
    ])
      expect((await run({ type: 'sales.decide', ...bad })).ok, JSON.stringify(bad)).toBe(false);
    expect(await db.attributionDecisions.count()).toBe(0);
  });
});
