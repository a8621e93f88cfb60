/**
 * Measurements the benchmark runs inside the extension (e2e builds only): bulk generation of a
 * realistic database, ingest through the real write path, and raw IndexedDB writes for comparison.
 */
import { Dexie } from 'dexie';
import { runCommand } from '../background/commands';
import { now } from '../clock';
import { ordersInMessages } from '../messages';
import type { PostRecord } from '../records';
import { decodeOrdersFile } from '../sales/decode';
import { importOrders } from '../sales/import';
import { detectPreset } from '../sales/presets';
import { generateSample } from '../sample';
import { loadSample } from './sample-data';
import { type CoursePulseDb, CoursePulseDb as Database } from './schema';
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
  for (let i = 0; i < data.postSnapshots.length; i += 50_000) {
    await db.postSnapshots.bulkPut(data.postSnapshots.slice(i, i + 50_000));
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
 * posts (one row each), then the same posts again with changed counts (the post and a snapshot row).
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
  const timeRound = async (round: number) => {
    const posts = Array.from({ length: records }, (_, i) => benchPost(i, round));
    let ingestMs = 0;
    let rawMs = 0;
    for (let i = 0; i < records; i += batchSize) {
      const batch = posts.slice(i, i + batchSize);
      const ingest = () =>
        applyBatch(ingestDb, { batchId: `bench-${round}-${i}`, records: batch, failures: [] }, now());
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
    return {
      records,
      ingestPerSecond: (records / fresh.ingestMs) * 1000,
      rawPerSecond: (records / fresh.rawMs) * 1000,
      changedPerSecond: (records / changed.ingestMs) * 1000,
      changedRowsPerSecond: ((2 * records) / changed.ingestMs) * 1000,
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
 * bytes decoded, parsed and modelled, then sent on as the dashboard sends them (ordersInMessages), each
 * validated at the boundary (runCommand) and stored (storeOrders); then the same file again, which
 * must change nothing. Only the messages' structured clone between the page and the worker is left out.
 */
export async function ordersImport(csv: string) {
  const db = new Database(`bench-orders-${now()}`);
  const deps = {
    db,
    saveCourseFromTab: () => Promise.reject(new Error('not in this benchmark')),
    checkCoursesInTab: () => Promise.reject(new Error('not in this benchmark')),
  };
  const bytes = new TextEncoder().encode(csv);
  const importFile = async () => {
    const t0 = performance.now();
    const decoded = await decodeOrdersFile(bytes);
    if (!decoded.ok) throw new Error(`orders not read: ${decoded.reason}`);
    const { orders } = importOrders(decoded.table, detectPreset(decoded.table.headers)!, 'UTC');
    const readMs = performance.now() - t0;
    const stored = { added: 0, changed: 0, unchanged: 0 };
    for (const message of ordersInMessages(orders)) {
      const reply = await runCommand(deps, { type: 'orders.import', orders: message });
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
      orders: await db.orders.count(),
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
