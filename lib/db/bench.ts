/**
 * Measurements the benchmark runs inside the extension (e2e builds only): bulk generation of a
 * realistic database, ingest through the real write path, and raw IndexedDB writes for comparison.
 */

import { Dexie } from 'dexie';
import { runCommand } from '../background/commands';
import { now } from '../clock';
import { Command, ordersImportCommands, ordersInMessages } from '../messages';
import type { PostRecord } from '../records';
import { decodeOrdersFile } from '../sales/decode';
import { taggedTotals } from '../sales/glance';
import { importOrders } from '../sales/import';
import { orderKey } from '../sales/order';
import { detectPreset } from '../sales/presets';
import { generateSample } from '../sample';
import {
  allOrders,
  ORDER_TABLES,
  orderStoreOf,
  ordersSince,
  packsOfPlatforms,
  totalsSince,
  unpack,
  writeOrders,
} from './order-packs';
import { MAX_RUN_SEEN, runRow } from './runs';
import { runsFromStoredHistory } from './runs-upgrade';
import { changedOrders, storeOrderParts, storeOrders } from './sales';
import { loadSample } from './sample-data';
import { type CoursePulseDb, CoursePulseDb as Database, SCHEMA_HISTORY, type StoredOrder } from './schema';
import { applyBatch } from './write';

export async function generateLarge(
  db: CoursePulseDb,
  posts: number,
  observationsPerPost: number,
  courses: number,
  comments: number,
) {
  const started = performance.now();
  const data = generateSample({
    now: now(),
    postsPerAccount: Math.ceil(posts / 5),
    observationsPerPost,
    courses,
    comments,
  });
  // Everything but the snapshots first, so the storage the snapshots add can be measured alone.
  await loadSample(db, { ...data, postSnapshots: [] });
  const before = await navigator.storage.estimate();
  // And the runs they are derived from (lib/db/runs.ts), each seen again an hour later, so the
  // bytes per snapshot count the whole history a snapshot costs.
  for (let i = 0; i < data.postSnapshots.length; i += 50_000) {
    const slice = data.postSnapshots.slice(i, i + 50_000);
    await db.postSnapshots.bulkPut(slice);
    await db.postRuns.bulkPut(
      slice.map((s) => runRow(s.platform, s.postId, s.at, s.at + 3_600_000, s.m, s.approx)),
    );
  }
  const after = await navigator.storage.estimate();
  return {
    posts: data.posts.length,
    snapshots: data.postSnapshots.length,
    courses: data.courses.length,
    comments: data.comments.length,
    ms: performance.now() - started,
    snapshotBytes: (after.usage ?? 0) - (before.usage ?? 0),
  };
}

/**
 * Schema 11's upgrade of stored post histories into runs (lib/db/runs-upgrade.ts), timed: what a
 * browser holding them runs once, as it updates. The runs the generator wrote are cleared first.
 */
export async function upgradeToRuns(db: CoursePulseDb) {
  await db.postRuns.clear();
  const started = performance.now();
  await db.transaction('rw', [db.posts, db.postSnapshots, db.postRuns], (tx) => runsFromStoredHistory(tx));
  return { ms: performance.now() - started, runs: await db.postRuns.count() };
}

/** What a kept benchmark profile already holds, so a rerun can skip generating it again. */
export async function stored(db: CoursePulseDb) {
  const [posts, snapshots, courses, comments] = await Promise.all([
    db.posts.count(),
    db.postSnapshots.count(),
    db.courses.count(),
    db.comments.count(),
  ]);
  return { posts, snapshots, courses, comments };
}

function benchPost(i: number, round: number): PostRecord {
  return {
    kind: 'post',
    platform: 'x',
    id: `bench-${i}`,
    url: `https://x.com/bench/status/${i}`,
    authorId: 'bench',
    authorHandle: 'bench',
    authorName: 'Bench',
    text: `benchmark post ${i} with a realistic amount of text #rust #typescript`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    createdAtApprox: false,
    format: 'text',
    repostOf: null,
    metrics: { views: 1000 + i + round, likes: 10 + round, reposts: 2, comments: 1 },
    metricsExact: true,
    links: [],
    hashtags: ['rust', 'typescript'],
  };
}

/**
 * Records per second through applyBatch (validation excluded) vs raw bulkPut of the same rows: new
 * posts (one row each), then the same posts again with changed counts (the post and a snapshot row),
 * then seen again and again with the same counts, long enough for every post's run to fill and
 * close (MAX_RUN_SEEN): the post row with its run's sightings, and every so often the run it closed.
 * Batches of the two sides alternate, each side first in turn, so a slow moment of the shared
 * machine (IndexedDB's own compactions included) never lands on one side of the ratio only. One
 * untimed batch in each database first, so neither side pays for opening or warming up.
 */
export async function ingestThroughput(records: number, batchSize = 200) {
  const ingestDb = new Database(`bench-ingest-${now()}`);
  const rawDb = new Dexie(`bench-raw-${now()}`);
  rawDb.version(1).stores({ rows: '[platform+id]' });
  const rawRows = rawDb.table('rows');
  const timed = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  /** Milliseconds of the write path and of raw bulkPut for every post, with counts of `round`. */
  const timeRound = async (round: number, pass = 0) => {
    const posts = Array.from({ length: records }, (_, i) => benchPost(i, round));
    let ingestMs = 0;
    let rawMs = 0;
    for (let i = 0; i < records; i += batchSize) {
      const batch = posts.slice(i, i + batchSize);
      const ingest = () =>
        applyBatch(ingestDb, { batchId: `bench-${round}-${pass}-${i}`, records: batch, failures: [] }, now());
      const raw = () => rawRows.bulkPut(batch);
      if ((i / batchSize) % 2 === 0) {
        ingestMs += await timed(ingest);
        rawMs += await timed(raw);
      } else {
        rawMs += await timed(raw);
        ingestMs += await timed(ingest);
      }
    }
    return { ingestMs, rawMs };
  };
  try {
    const warm = Array.from({ length: batchSize }, (_, i) => ({ ...benchPost(i, 0), id: `warm-${i}` }));
    await applyBatch(ingestDb, { batchId: 'warm', records: warm, failures: [] }, now());
    await rawRows.bulkPut(warm);
    const fresh = await timeRound(0);
    const changed = await timeRound(1);
    let sameMs = 0;
    const passes = MAX_RUN_SEEN + 2;
    for (let pass = 1; pass <= passes; pass++) sameMs += (await timeRound(1, pass)).ingestMs;
    return {
      records,
      ingestPerSecond: (records / fresh.ingestMs) * 1000,
      rawPerSecond: (records / fresh.rawMs) * 1000,
      changedPerSecond: (records / changed.ingestMs) * 1000,
      changedRowsPerSecond: ((3 * records) / changed.ingestMs) * 1000,
      samePerSecond: ((passes * records) / sameMs) * 1000,
    };
  } finally {
    ingestDb.close();
    rawDb.close();
    await Dexie.delete(ingestDb.name);
    await Dexie.delete(rawDb.name);
  }
}

/**
 * An orders export read and stored as the dashboard and the background do it (issue 14): the file's
 * bytes decoded, parsed and modelled, then sent on as the dashboard sends them (ordersImportCommands),
 * each validated at the boundary (runCommand), the parts stored at the last; then the same file again, which
 * must change nothing. Only the messages' structured clone between the page and the worker is left out.
 */
export async function ordersImport(csv: string) {
  const db = new Database(`bench-orders-${now()}`);
  const deps = {
    db,
    saveCourseFromTab: () => Promise.reject(new Error('not in this benchmark')),
    checkCoursesInTab: () => Promise.reject(new Error('not in this benchmark')),
    stopSync: () => Promise.reject(new Error('not in this benchmark')),
  };
  const bytes = new TextEncoder().encode(csv);
  const importFile = async () => {
    const t0 = performance.now();
    const decoded = await decodeOrdersFile(bytes);
    if (!decoded.ok) throw new Error(`orders not read: ${decoded.reason}`);
    const { orders } = importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC');
    const readMs = performance.now() - t0;
    const stored = { added: 0, changed: 0, unchanged: 0 };
    for (const command of ordersImportCommands(orders)) {
      const reply = await runCommand(deps, command);
      if (!reply.ok) throw new Error(`orders refused: ${reply.reason}`);
      const detail = reply.detail as typeof stored;
      stored.added += detail.added;
      stored.changed += detail.changed;
      stored.unchanged += detail.unchanged;
    }
    return { ...stored, readMs, storeMs: performance.now() - t0 - readMs };
  };
  try {
    const first = await importFile();
    const again = await importFile();
    return {
      orders: (await allOrders(db.orderPacks)).length,
      firstAdded: first.added,
      firstReadMs: first.readMs,
      firstStoreMs: first.storeMs,
      againChanged: again.added + again.changed,
      againReadMs: again.readMs,
      againStoreMs: again.storeMs,
    };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** The phases of an orders import, in the order the path runs them. */
export const ORDER_PHASES = [
  'decode',
  'parse',
  'sort',
  'message',
  'validate',
  'read',
  'diff',
  'write',
] as const;
type OrderPhase = (typeof ORDER_PHASES)[number];

/**
 * Where an orders import's time goes, phase by phase, for the first import and the same file again:
 * the file decoded (decode), parsed into orders (parse), sorted into messages (sort), each message
 * serialised and read back as runtime messaging does (message: JSON), validated as the background
 * validates commands (validate), then storeOrderParts' steps each timed on its own in its one
 * transaction: the stored orders read (read), compared (diff) and the changed ones written (write). `floor` is the same orders
 * written by a bare bulkPut into a table of the same keys and indexes without any middleware, in
 * messages' sizes: what IndexedDB itself costs.
 */
export async function ordersImportPhases(csv: string) {
  const db = new Database(`bench-order-phases-${now()}`);
  const bare = new Dexie(`bench-order-floor-${now()}`, { cache: 'disabled' });
  const ordersStores = SCHEMA_HISTORY.find((v) => v.stores.orders)!.stores.orders!;
  bare.version(1).stores({ orders: ordersStores });
  const bytes = new TextEncoder().encode(csv);
  const importFile = async () => {
    const ms = Object.fromEntries(ORDER_PHASES.map((p) => [p, 0])) as Record<OrderPhase, number>;
    const timed = async <T>(phase: OrderPhase, run: () => T | Promise<T>): Promise<T> => {
      const t = performance.now();
      const result = await run();
      ms[phase] += performance.now() - t;
      return result;
    };
    const decoded = await timed('decode', () => decodeOrdersFile(bytes));
    if (!decoded.ok) throw new Error(`orders not read: ${decoded.reason}`);
    const { orders } = await timed('parse', () =>
      importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC'),
    );
    const parts: StoredOrder[][] = [];
    for (const command of await timed('sort', () => ordersImportCommands(orders))) {
      const received = await timed('message', () => JSON.parse(JSON.stringify(command)));
      const valid = await timed('validate', () => Command.parse(received));
      if (valid.type !== 'orders.import') throw new Error('not an orders import');
      parts.push(valid.orders);
    }
    const puts: StoredOrder[] = [];
    await db.transaction('rw', ORDER_TABLES, async (tx) => {
      const store = orderStoreOf(tx);
      const current = await timed('read', () =>
        packsOfPlatforms(
          store.packs,
          orders.map((o) => o.platform),
        ),
      );
      const stored = await timed('read', () => new Map(unpack(current).map((o) => [orderKey(o), o])));
      for (const part of parts) {
        const { writes } = await timed('diff', () => changedOrders(stored, part));
        for (const o of writes) {
          stored.set(orderKey(o), o);
          puts.push(o);
        }
      }
      await timed('write', () => writeOrders(store, current, puts));
    });
    const written = puts.length;
    return { ms, written, orders };
  };
  try {
    const first = await importFile();
    const again = await importFile();
    const t = performance.now();
    for (const message of ordersInMessages<StoredOrder>(first.orders))
      await bare.table('orders').bulkPut(message);
    return {
      first: first.ms,
      firstWritten: first.written,
      again: again.ms,
      againWritten: again.written,
      floorMs: performance.now() - t,
    };
  } finally {
    db.close();
    bare.close();
    await Dexie.delete(db.name);
    await Dexie.delete(bare.name);
  }
}

/**
 * What writing an export's orders costs IndexedDB itself, by storage layout (issue 14): each variant
 * writes the same orders into a fresh database in one transaction, in messages' sizes, and reads
 * them all back. One row per order with the schema's keys and time index, without the index, by
 * bulkAdd, under a string key; then packs of orders (one row per pack) as the alternative.
 */
export async function ordersWriteVariants(csv: string) {
  const decoded = await decodeOrdersFile(new TextEncoder().encode(csv));
  if (!decoded.ok) throw new Error(`orders not read: ${decoded.reason}`);
  const { orders } = importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC');
  const messages = ordersInMessages<StoredOrder>(orders);
  const variant = async (stores: string, rows: (m: StoredOrder[]) => object[], add = false) => {
    const d = new Dexie(`bench-orders-variant-${now()}`, { cache: 'disabled' });
    d.version(1).stores({ t: stores });
    try {
      await d.open();
      const t0 = performance.now();
      await d.transaction('rw', d.table('t'), async () => {
        for (const m of messages) await (add ? d.table('t').bulkAdd(rows(m)) : d.table('t').bulkPut(rows(m)));
      });
      const t1 = performance.now();
      await d.table('t').toArray();
      return { writeMs: t1 - t0, readMs: performance.now() - t1 };
    } finally {
      d.close();
      await Dexie.delete(d.name);
    }
  };
  const PACK = 1000;
  const packs = (m: StoredOrder[]) => {
    const out: object[] = [];
    for (let i = 0; i < m.length; i += PACK)
      out.push({ id: `${m[i]!.orderId}`, orders: m.slice(i, i + PACK) });
    return out;
  };
  /** The real write path (storeOrderParts) into a CoursePulseDb, sync's journal off or on. */
  const ours = async (journaled: boolean) => {
    const d = new Database(`bench-orders-ours-${now()}`);
    try {
      await d.open();
      if (journaled) d.journal.device = 'bench';
      const t0 = performance.now();
      await storeOrderParts(d, messages);
      const t1 = performance.now();
      await allOrders(d.orderPacks);
      return { writeMs: t1 - t0, readMs: performance.now() - t1 };
    } finally {
      d.close();
      await Dexie.delete(d.name);
    }
  };
  return {
    ours: await ours(false),
    oursJournaled: await ours(true),
    schema: await variant('[platform+orderId], at', (m) => m),
    noIndex: await variant('[platform+orderId]', (m) => m),
    bulkAdd: await variant('[platform+orderId]', (m) => m, true),
    stringKey: await variant('k', (m) => m.map((o) => ({ ...o, k: `${o.platform}:${o.orderId}` }))),
    packs: await variant('id', packs),
  };
}

/**
 * The popup's week with `count` orders in that week (generated, every tenth tagged with one of 20
 * codes): what it reads, the week's totals by hour and code kept beside the orders (totalsSince)
 * counted against the tracked links, against reading the week's orders themselves; medians of `runs`
 * warm reads, in ms, and the tagged orders the totals count.
 */
export async function popupWeekOrders(count: number, runs = 7) {
  const db = new Database(`bench-popup-orders-${now()}`);
  const at = now();
  const week = 7 * 86_400_000;
  const code = (i: number) => `xp-${(i % 200).toString(36).padStart(4, '0')}`;
  const orders: StoredOrder[] = Array.from({ length: count }, (_, i) => ({
    platform: 'gumroad',
    orderId: `P${i}`,
    at: at - Math.floor((i / count) * week),
    zone: 'UTC',
    currency: 'USD',
    gross: 4999,
    refunds: 0,
    fees: 530,
    affiliateCommission: 0,
    ...(i % 10 === 0 ? { utm: { content: code(i) } } : {}),
    line: i + 2,
  }));
  const links = [...new Set(orders.flatMap((o) => o.utm?.content ?? []))].map((c) => ({
    code: c,
    courseUrl: 'https://example.com/course',
    platform: 'x' as const,
    campaign: 'launch',
  }));
  const timed = async (read: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      await read();
      if (i > 0) ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
  };
  try {
    await storeOrders(db, orders);
    const since = at - week;
    const weekFigures = async () => taggedTotals(await totalsSince(db.orderTotals, since), links);
    const totalsMs = await timed(weekFigures);
    const wholeMs = await timed(() => ordersSince(db.orderPacks, since));
    return { totalsMs, wholeMs, tagged: (await weekFigures()).orders };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}
