/**
 * Applies another device's journal entries to this database, in a transaction the caller opens with
 * `replayTransaction` (the pull step adds its checkpoint to it, so a page is applied exactly once).
 * Every rule here gives the same tables whatever the order in which devices' chunks arrive: rows
 * merge by observation time (merge-rows.ts), deletions leave tombstones that beat older
 * observations only, user edits and user items follow the latest (time, device).
 */
import { Dexie, type Transaction } from 'dexie';
import { applyAuthorDeltas, authorDeltas } from '../db/author-totals';
import { ORDER_TABLES, orderStoreOf, putOrders } from '../db/order-packs';
import {
  heldAccountRun,
  heldCourseRun,
  lastOf,
  mergeRuns,
  openRunOf,
  RUN_KINDS,
  type Run,
  type RunKind,
} from '../db/runs';
import type {
  AccountSnapshot,
  CoursePulseDb,
  CourseSnapshot,
  Millis,
  PostRun,
  StoredAccount,
  StoredCourse,
  StoredOrder,
  StoredPost,
} from '../db/schema';
import { settleAccounts, settleCourses, settlePosts } from '../db/settle';
import type { Platform } from '../records';
import { type JournalEntry, markReplaying } from './journal';
import { HISTORY, mergeStateRows } from './merge-rows';
import type { Tombstone, Version } from './state';
import {
  JOURNAL_TABLES,
  keyId,
  keyOfRow,
  ownerKey,
  type RowKey,
  SYNCED_TABLE_NAMES,
  SYNCED_TABLES,
  type SyncedTable,
  type SyncKind,
  storeOf,
} from './tables';

type Row = Record<string, unknown>;

/**
 * Opens the read-write transaction replay needs (with `extra` tables), marked as not to journal.
 * Replay reaches every table through `tx.table(…)`: bound to the transaction itself, not to Dexie's
 * zone (which an awaited function that made no Dexie call loses), so no write can slip out of the
 * transaction and out of the checkpoint's atomicity.
 */
export function replayTransaction<T>(
  db: CoursePulseDb,
  extra: string[],
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const tables = [
    ...new Set([...SYNCED_TABLE_NAMES.map(storeOf), ...ORDER_TABLES]),
    ...JOURNAL_TABLES,
    'authorTotals',
    // Derived from the posts' runs (lib/db/settle.ts).
    'postSnapshots',
    ...extra,
  ];
  return db.transaction('rw', tables, (tx: Transaction) => {
    markReplaying(tx.idbtrans);
    return fn(tx);
  });
}

/** (time, device): the later edit wins; equal times fall to the device id, alike everywhere. */
const newer = (a: { at: Millis; device: string }, b: { at: Millis; device: string } | undefined) =>
  !b || a.at > b.at || (a.at === b.at && a.device > b.device);

type Put = Extract<JournalEntry, { op: 'put' }>;
type Edit = Extract<JournalEntry, { op: 'edit' }>;

/** Applies one device's entries; must run inside `replayTransaction`. */
export async function replayEntries(tx: Transaction, device: string, entries: JournalEntry[]): Promise<void> {
  const touched = new Touched();
  const dels = entries.filter((e) => e.op === 'del' && SYNCED_TABLES[e.t].kind !== 'item');
  if (dels.length) await applyDeletions(tx, dels, touched);
  for (const table of SYNCED_TABLE_NAMES) {
    const spec: SyncKind = SYNCED_TABLES[table];
    const mine = entries.filter((e) => e.t === table && e.op !== 'edit');
    const puts = mine.filter((e): e is Put => e.op === 'put');
    if (spec.kind === 'item' ? mine.length === 0 : puts.length === 0) continue;
    if (spec.kind === 'state') await applyStateRows(tx, table, spec, puts, touched);
    else if (spec.kind === 'points') await applyPoints(tx, table, spec.owner, puts, touched);
    else await applyItems(tx, table, device, mine);
  }
  const edits = entries.filter((e): e is Edit => e.op === 'edit' && SYNCED_TABLES[e.t].kind === 'state');
  if (edits.length) await applyEdits(tx, device, edits);
  if (touched.size) await touched.canonicalize(tx);
}

/** Entities whose history may now hold the same counts twice in a row. */
class Touched {
  private keys = new Map<string, Map<string, RowKey>>();
  /** Open runs of post rows merged away (lib/db/runs.ts openRunOf), for settlePosts to unite. */
  readonly heldRuns: PostRun[] = [];
  /** Runs account and course rows merged away held (lib/db/runs.ts heldAccountRun), for settling. */
  readonly heldAccountRuns: AccountSnapshot[] = [];
  readonly heldCourseRuns: CourseSnapshot[] = [];
  get size(): number {
    return this.keys.size;
  }
  add(owner: 'posts' | 'accounts' | 'courses', key: RowKey): void {
    const map = this.keys.get(owner) ?? new Map<string, RowKey>();
    map.set(JSON.stringify(key), key);
    this.keys.set(owner, map);
  }
  /** Every read issued at once, then every write: one round trip each, not one per entity. */
  async canonicalize(tx: Transaction): Promise<void> {
    const postKeys = [...(this.keys.get('posts')?.values() ?? [])] as Array<[Platform, string]>;
    if (postKeys.length) await settlePosts((name) => tx.table(name), postKeys, this.heldRuns);
    const accountKeys = [...(this.keys.get('accounts')?.values() ?? [])] as Array<[Platform, string]>;
    if (accountKeys.length) await settleAccounts((name) => tx.table(name), accountKeys, this.heldAccountRuns);
    const urls = [...(this.keys.get('courses')?.values() ?? [])] as string[];
    if (urls.length) await settleCourses((name) => tx.table(name), urls, this.heldCourseRuns);
  }
}

const pointRange = (owner: RowKey) => {
  const parts = Array.isArray(owner) ? owner : [owner];
  return [
    [...parts, Dexie.minKey],
    [...parts, Dexie.maxKey],
  ] as const;
};

function pointsOf(
  tx: Transaction,
  table: 'postRuns' | 'accountSnapshots' | 'courseSnapshots',
  owner: RowKey,
) {
  const index = {
    postRuns: '[platform+postId+at]',
    accountSnapshots: '[platform+accountId+at]',
    courseSnapshots: '[url+at]',
  }[table];
  return tx
    .table(table)
    .where(index)
    .between(...pointRange(owner))
    .toArray() as Promise<Row[]>;
}

async function readTombstones(tx: Transaction, ids: string[]): Promise<Map<string, Millis>> {
  const rows = await tx.table('syncTombstones').bulkGet(ids);
  return new Map(rows.flatMap((t) => (t ? [[t.id, t.at] as const] : [])));
}

async function applyDeletions(tx: Transaction, dels: JournalEntry[], touched: Touched): Promise<void> {
  const latest = new Map<string, Extract<JournalEntry, { op: 'del' }>>();
  for (const e of dels as Array<Extract<JournalEntry, { op: 'del' }>>) {
    const id = keyId(e.t, e.key);
    if ((latest.get(id)?.at ?? -1) < e.at) latest.set(id, e);
  }
  const stored = await readTombstones(tx, [...latest.keys()]);
  const tombstones: Tombstone[] = [];
  for (const [id, e] of latest) {
    const at = Math.max(e.at, stored.get(id) ?? -1);
    tombstones.push({ id, at });
    const spec = SYNCED_TABLES[e.t];
    const table = tx.table(e.t);
    if (spec.kind === 'points') {
      await table.delete(e.key);
      continue;
    }
    const row = (await table.get(e.key)) as Row | undefined;
    if (row && (row.lastSeenAt as Millis) <= at) {
      await table.delete(e.key);
      if (e.t === 'posts')
        await applyAuthorDeltas(
          tx.table('authorTotals'),
          authorDeltas([[row as unknown as StoredPost, undefined]]),
          new Map(),
        );
    }
    if (e.t in HISTORY) {
      const history = HISTORY[e.t as keyof typeof HISTORY];
      const old = (await pointsOf(tx, history, e.key)).filter((p) => seenUntil(p) <= at);
      await tx.table(history).bulkDelete(old.map((p) => keyOfRow(history, p)));
      touched.add(e.t as 'posts' | 'accounts' | 'courses', e.key);
    }
  }
  await tx.table('syncTombstones').bulkPut(tombstones);
}

async function applyStateRows(
  tx: Transaction,
  table: SyncedTable,
  spec: Extract<SyncKind, { kind: 'state' }>,
  puts: Put[],
  touched: Touched,
): Promise<void> {
  const incoming = new Map<string, { key: RowKey; row: Row }>();
  for (const { row } of puts) {
    const key = keyOfRow(table, row);
    const id = keyId(table, key);
    const seen = incoming.get(id);
    if (!seen) incoming.set(id, { key, row });
    else {
      incoming.set(id, { key, row: mergeStateRows(table, spec, seen.row, row) });
    }
  }
  const ids = [...incoming.keys()];
  const keys = [...incoming.values()].map((v) => v.key);
  const [locals, tombs, versions] = await Promise.all([
    tx.table(table).bulkGet(keys) as Promise<Array<Row | undefined>>,
    readTombstones(tx, ids),
    spec.userFields.length
      ? tx.table('syncVersions').bulkGet(ids.flatMap((id) => spec.userFields.map((f) => `${id}|${f}`)))
      : ([] as Array<Version | undefined>),
  ]);
  const puts2: Row[] = [];
  const replaced: Array<[StoredPost | undefined, StoredPost]> = [];
  // Each version's run of counts, before merging keeps one row's: every run joins the history.
  for (const row of [...puts.map((p) => p.row), ...locals]) {
    if (!row) continue;
    if (table === 'posts') {
      const held = openRunOf(row as unknown as StoredPost);
      if (held) touched.heldRuns.push(held);
    } else if (table === 'accounts') {
      const held = heldAccountRun(row as unknown as StoredAccount);
      if (held) touched.heldAccountRuns.push(held);
    } else if (table === 'courses') {
      const held = heldCourseRun(row as unknown as StoredCourse);
      if (held) touched.heldCourseRuns.push(held);
    }
  }
  ids.forEach((id, i) => {
    const { row } = incoming.get(id)!;
    const local = locals[i];
    // Deleted after this observation: it stays deleted, as it would had it arrived first.
    if ((row.lastSeenAt as Millis) <= (tombs.get(id) ?? -1)) return;
    const merged = local ? mergeStateRows(table, spec, local, row) : row;
    spec.userFields.forEach((f, j) => {
      const version = versions[i * spec.userFields.length + j];
      if (!version) return;
      if (version.value === null || version.value === undefined) delete merged[f];
      else merged[f] = version.value;
    });
    puts2.push(merged);
    if (table === 'posts') replaced.push([local as StoredPost | undefined, merged as unknown as StoredPost]);
    if (table in HISTORY) touched.add(table as 'posts' | 'accounts' | 'courses', keyOfRow(table, merged));
  });
  await tx.table(table).bulkPut(puts2);
  const deltas = authorDeltas(replaced);
  if (deltas.size) await applyAuthorDeltas(tx.table('authorTotals'), deltas, new Map());
}

/**
 * The last sighting a history row holds: a run is seen until its last sighting, so a deletion
 * between its first and last leaves it (lib/db/runs.ts settleRuns hides what came before).
 */
const seenUntil = (row: Row): Millis => lastOf(row as unknown as Run);

/** Two rows of one key of a history table: a run keeps every sighting of both (lib/db/runs.ts). */
const mergePoints = (table: SyncedTable, a: Row, b: Row): Row => {
  const kind = RUN_KINDS[table as keyof typeof RUN_KINDS] as RunKind<Run>;
  return mergeRuns(kind, a as unknown as Run, b as unknown as Run) as unknown as Row;
};

async function applyPoints(
  tx: Transaction,
  table: SyncedTable,
  owner: 'posts' | 'accounts' | 'courses',
  puts: Put[],
  touched: Touched,
): Promise<void> {
  const rows = new Map<string, Row>();
  for (const { row } of puts) {
    const id = keyId(table, keyOfRow(table, row));
    const seen = rows.get(id);
    rows.set(id, seen ? mergePoints(table, seen, row) : row);
  }
  const owners = [...rows.values()].map((r) => keyId(owner, ownerKey(table, r)!));
  const [locals, tombs] = await Promise.all([
    tx.table(table).bulkGet([...rows.values()].map((r) => keyOfRow(table, r))) as Promise<
      Array<Row | undefined>
    >,
    readTombstones(tx, [...new Set(owners)]),
  ]);
  const puts2: Row[] = [];
  [...rows.values()].forEach((row, i) => {
    if (seenUntil(row) <= (tombs.get(owners[i]!) ?? -1)) return;
    const local = locals[i];
    puts2.push(local ? mergePoints(table, local, row) : row);
    touched.add(owner, ownerKey(table, row)!);
  });
  await tx.table(table).bulkPut(puts2);
}

async function applyItems(
  tx: Transaction,
  table: SyncedTable,
  device: string,
  entries: JournalEntry[],
): Promise<void> {
  // Orders are stored packed: the winning puts and deletions are merged into the packs at once.
  const orders = new Map<string, { key: RowKey; row: StoredOrder | null }>();
  for (const e of entries) {
    if (e.op === 'edit') continue;
    const key = e.op === 'del' ? e.key : keyOfRow(table, e.row);
    const id = keyId(table, key);
    const version = { id, at: e.at, device, ...(e.op === 'del' ? { deleted: true } : {}) };
    if (!newer(version, await tx.table('syncVersions').get(id))) continue;
    await tx.table('syncVersions').put(version);
    if (table === 'orders')
      orders.set(id, { key, row: e.op === 'del' ? null : (e.row as unknown as StoredOrder) });
    else if (e.op === 'del') await tx.table(table).delete(key);
    else await tx.table(table).put(e.row);
  }
  if (orders.size === 0) return;
  const changes = [...orders.values()];
  await putOrders(
    orderStoreOf(tx),
    changes.flatMap((c) => (c.row ? [c.row] : [])),
    changes.flatMap(({ key, row }) => {
      const [platform, orderId] = key as [StoredOrder['platform'], string];
      return row ? [] : [{ platform, orderId }];
    }),
  );
}

async function applyEdits(tx: Transaction, device: string, edits: Edit[]): Promise<void> {
  for (const e of edits) {
    const spec = SYNCED_TABLES[e.t] as Extract<SyncKind, { kind: 'state' }>;
    for (const [field, value] of Object.entries(e.fields)) {
      if (!spec.userFields.includes(field)) continue;
      const id = `${keyId(e.t, e.key)}|${field}`;
      const version: Version = { id, at: e.at, device, value };
      if (!newer(version, await tx.table('syncVersions').get(id))) continue;
      await tx.table('syncVersions').put(version);
      const row = (await tx.table(e.t).get(e.key)) as Row | undefined;
      if (!row) continue;
      if (value === null) delete row[field];
      else row[field] = value;
      await tx.table(e.t).put(row);
    }
  }
}
