/**
 * Full backups: every table, the schema version and the export time, as one JSON document.
 * Export streams table by table in key order, so a million snapshots never sit in memory as one
 * string; import validates everything before it writes anything, then writes in one transaction.
 */

import type { Transaction } from 'dexie';
import { applyAuthorDeltas, authorDeltas } from '../db/author-totals';
import { latestAsSnapshot } from '../db/history';
import { allOrders, ORDER_TABLES, orderStoreOf, putOrders } from '../db/order-packs';
import { heldAccountRun, heldCourseRun, openRunOf, runsOfHistories } from '../db/runs';
import {
  type AccountSnapshot,
  type CoursePulseDb,
  type CourseSnapshot,
  type PostRun,
  type PostSnapshot,
  SCHEMA_VERSION,
  type StoredAccount,
  type StoredCourse,
  type StoredOrder,
  type StoredPost,
} from '../db/schema';
import { settleAccounts, settleCourses, settlePosts } from '../db/settle';
import type { Platform } from '../records';
import { markRestoring } from '../sync/journal';
import type { Version } from '../sync/state';
import {
  isSyncedTable,
  itemEditTime,
  keyId,
  keyOfRow,
  SYNCED_TABLES,
  type SyncedTable,
} from '../sync/tables';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from './backup-schema';
import type { CsvTable } from './csv';

type Row = Record<string, unknown>;

const isItem = (name: TableName): name is SyncedTable =>
  isSyncedTable(name) && SYNCED_TABLES[name].kind === 'item';

export const BACKUP_FORMAT = 'coursepulse-backup';

/** Orders in their former table's key order: by platform, then order id. */
const byOrderKey = (a: StoredOrder, b: StoredOrder) =>
  compare(a.platform, b.platform) || compare(a.orderId, b.orderId);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const PAGE = 5000;
/** Larger files are refused before parsing: a backup of this size would not fit a tab's memory. */
export const MAX_BACKUP_CHARS = 1_500_000_000;

export interface ExportProgress {
  table: TableName;
  rows: number;
}

/** The backup as text chunks (join them, or hand them to `new Blob(parts)`). */
export async function exportBackupParts(
  db: CoursePulseDb,
  now: Date,
  onProgress?: (progress: ExportProgress) => void,
): Promise<string[]> {
  const parts = [
    `{"format":"${BACKUP_FORMAT}","schemaVersion":${SCHEMA_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},"tables":{`,
  ];
  for (const [index, name] of TABLE_NAMES.entries()) {
    parts.push(`${index ? ',' : ''}${JSON.stringify(name)}:[`);
    let rows = 0;
    for await (const page of pagesOf(db, name)) {
      parts.push(`${rows ? ',' : ''}${page.map((row) => JSON.stringify(row)).join(',')}`);
      rows += page.length;
      onProgress?.({ table: name, rows });
    }
    parts.push(']');
  }
  parts.push('}}');
  return parts;
}

/**
 * Rows of one table in primary-key order, PAGE at a time (key-range paging, never offsets). Orders,
 * stored packed, come one per row like every other table's.
 */
export async function* pagesOf(db: CoursePulseDb, name: TableName): AsyncGenerator<unknown[]> {
  if (name === 'orders') {
    const orders = (await allOrders(db.orderPacks)).sort(byOrderKey);
    for (let i = 0; i < orders.length; i += PAGE) yield orders.slice(i, i + PAGE);
    return;
  }
  const table = db.table(name);
  let lastKey: unknown;
  for (;;) {
    const collection = lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey);
    const keys = await collection.clone().limit(PAGE).primaryKeys();
    if (keys.length === 0) return;
    const rows = await table.bulkGet(keys as never[]);
    yield rows;
    lastKey = keys[keys.length - 1];
    if (keys.length < PAGE) return;
  }
}

/**
 * Rows of one table's CSV, PAGE at a time. The snapshots CSV also holds each post's latest
 * observation (stored on the post), so on its own it is every post's whole history.
 */
export async function* csvPagesOf(db: CoursePulseDb, name: CsvTable): AsyncGenerator<unknown[]> {
  yield* pagesOf(db, name);
  if (name === 'postSnapshots')
    for await (const page of pagesOf(db, 'posts'))
      yield (page as StoredPost[]).map(latestAsSnapshot).filter((s) => s !== null);
  // And the runs the posts hold open (lib/db/runs.ts), so the runs CSV is every run.
  if (name === 'postRuns')
    for await (const page of pagesOf(db, 'posts'))
      yield (page as StoredPost[]).flatMap((p) => openRunOf(p) ?? []);
}

export type ParsedBackup =
  | { ok: true; tables: Partial<Record<TableName, unknown[]>>; schemaVersion: number; rows: number }
  | { ok: false; reason: string };

/** Checks a backup completely without touching the database. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_CHARS)
    return { ok: false, reason: 'the file is too large to be a CoursePulse backup' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not complete JSON (truncated or damaged)' };
  }
  const doc = json as { format?: unknown; schemaVersion?: unknown; tables?: unknown } | null;
  if (!doc || typeof doc !== 'object' || doc.format !== BACKUP_FORMAT) {
    return { ok: false, reason: 'this is not a CoursePulse backup' };
  }
  if (
    typeof doc.schemaVersion !== 'number' ||
    !Number.isInteger(doc.schemaVersion) ||
    doc.schemaVersion < 1
  ) {
    return { ok: false, reason: 'the backup has no valid schema version' };
  }
  if (doc.schemaVersion > SCHEMA_VERSION) {
    return {
      ok: false,
      reason: `the backup comes from a newer CoursePulse (schema ${doc.schemaVersion}); update the extension first`,
    };
  }
  if (!doc.tables || typeof doc.tables !== 'object' || Array.isArray(doc.tables)) {
    return { ok: false, reason: 'the backup has no tables' };
  }
  const tables: Partial<Record<TableName, unknown[]>> = {};
  let rows = 0;
  for (const [name, value] of Object.entries(doc.tables as Record<string, unknown>)) {
    // Own keys only: `in` would accept "constructor" or "__proto__" and look up Object's members.
    if (!Object.hasOwn(TABLE_SCHEMAS, name)) return { ok: false, reason: `unknown table "${name}"` };
    if (!Array.isArray(value)) return { ok: false, reason: `table "${name}" is not a list` };
    const schema = TABLE_SCHEMAS[name as TableName];
    for (const [i, row] of value.entries()) {
      const checked = schema.safeParse(row);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return {
          ok: false,
          reason: `${name} row ${i + 1}: ${issue?.path.join('.') || 'row'} ${issue?.message ?? 'is invalid'}`,
        };
      }
    }
    tables[name as TableName] = value;
    rows += value.length;
  }
  return { ok: true, tables, schemaVersion: doc.schemaVersion, rows };
}

interface Seen {
  lastSeenAt: number;
}

/**
 * Writes a checked backup in one transaction. Rows already present are merged by key: the newer
 * observation wins; snapshots, being keyed by time, simply unite, and a post's history is united
 * run by run (importRuns), so neither side's history is lost.
 */
export async function importBackup(
  db: CoursePulseDb,
  backup: Extract<ParsedBackup, { ok: true }>,
): Promise<number> {
  const { tables } = backup;
  const names = Object.keys(tables) as TableName[];
  const scope = new Set<TableName>(names.includes('posts') ? [...names, 'postSnapshots', 'postRuns'] : names);
  const targets = [...scope].flatMap((n): string[] => (n === 'orders' ? [...ORDER_TABLES] : [n]));
  const extra = [
    ...(names.includes('posts') ? ['authorTotals', 'syncTombstones'] : []),
    ...HISTORIES.filter((h) => names.includes(h.owner) || names.includes(h.runs)).flatMap((h) => [
      h.owner,
      h.runs,
      'syncTombstones',
    ]),
    ...(names.some(isItem) ? ['syncVersions'] : []),
  ];
  // Every table through `tx.table(…)`, bound to the transaction itself: Dexie's zone, which db.table
  // relies on, is lost after awaiting a function of several awaits (putOrders).
  return db.transaction('rw', [...new Set([...targets, ...extra])], async (tx) => {
    // Journaled as edited when the backup says, not now (lib/sync/journal.ts).
    markRestoring(tx.idbtrans);
    let written = 0;
    /** Posts this database held before: their histories are united with the backup's. */
    const merged = new Set<string>();
    /** Their rows' open runs, both sides' (lib/db/runs.ts openRunOf): one row replaces the other. */
    const held: PostRun[] = [];
    /** Accounts and courses this database held before (by key): their runs unite with the backup's. */
    const heldKeys = new Set<string>();
    /** The runs those rows held, both sides' (lib/db/runs.ts heldAccountRun): one row replaces the other. */
    const heldRuns: Row[] = [];
    for (const name of names) {
      const rows = tables[name] ?? [];
      if (name === 'posts') {
        const incoming = rows as StoredPost[];
        const existing = (await tx.table('posts').bulkGet(incoming.map((p) => [p.platform, p.id]))) as Array<
          StoredPost | undefined
        >;
        const newer: StoredPost[] = [];
        const replaced: Array<[StoredPost | undefined, StoredPost]> = [];
        incoming.forEach((post, i) => {
          const old = existing[i];
          if (old) {
            merged.add(JSON.stringify([post.platform, post.id]));
            for (const row of [old, post]) {
              const run = openRunOf(row);
              if (run) held.push(run);
            }
          }
          if (!old || old.lastSeenAt <= post.lastSeenAt) {
            newer.push(post);
            replaced.push([old, post]);
          }
        });
        await Promise.all([
          tx.table('posts').bulkPut(newer),
          // Derived from the posts, so not in the backup: kept here as the capture path keeps them.
          applyAuthorDeltas(tx.table('authorTotals'), authorDeltas(replaced), new Map()),
        ]);
        written += newer.length;
      } else if (name === 'postRuns' || name === 'accountSnapshots' || name === 'courseSnapshots') {
        // Written with the posts', accounts' and courses' histories, below.
      } else if (name === 'accounts' || name === 'courses' || name === 'comments') {
        const table = tx.table(name);
        const keys = rows.map((row) => keyOf(name, row));
        const existing = (await table.bulkGet(keys as never[])) as Array<Seen | undefined>;
        const history = HISTORIES.find((h) => h.owner === name);
        if (history)
          existing.forEach((old, i) => {
            if (!old) return;
            heldKeys.add(JSON.stringify([name, keys[i]]));
            for (const row of [old, rows[i]]) {
              const run = history.held(row as Row);
              if (run) heldRuns.push(run as unknown as Row);
            }
          });
        const newer = rows.filter((row, i) => (existing[i]?.lastSeenAt ?? -1) <= (row as Seen).lastSeenAt);
        await table.bulkPut(newer);
        written += newer.length;
      } else if (isItem(name)) {
        // The later edit wins, whichever side made it, as sync merges: a row's own edit time where
        // it has one, else unknown (itemEditTime), which beats this device's edits made while sync
        // was off, as a restore always did, but not the edits sync versioned here or brought here.
        const keys = rows.map((row) => keyOfRow(name, row as Row));
        const ownTime = 'editedAt' in SYNCED_TABLES[name];
        // A range read: a browser that never synced has no versions, and reads none.
        const [existing, versions] = await Promise.all([
          ownTime ? (tx.table(name).bulkGet(keys) as Promise<Array<Row | undefined>>) : [],
          tx.table('syncVersions').where(':id').startsWith(`${name}|`).toArray() as Promise<Version[]>,
        ]);
        const synced = new Map(versions.filter((v) => v.device).map((v) => [v.id, v.at]));
        const newer = rows.filter((row, i) => {
          const local = existing[i];
          const known = synced.get(keyId(name, keys[i]!)) ?? (local ? itemEditTime(name, local) : -1);
          return known <= itemEditTime(name, row as Row);
        });
        // Orders are stored packed (lib/db/order-packs.ts). Not awaited without rows: a function
        // making no Dexie call would lose the transaction's zone.
        if (name === 'orders') {
          if (newer.length) await putOrders(orderStoreOf(tx), newer as StoredOrder[]);
        } else await tx.table(name).bulkPut(newer);
        written += newer.length;
      } else {
        await tx.table(name).bulkPut(rows);
        written += rows.length;
      }
    }
    if (names.includes('posts')) written += await importRuns(tx, tables, merged, held);
    for (const history of HISTORIES) {
      if (!names.includes(history.owner) && !names.includes(history.runs)) continue;
      // An account or course this browser held unites its runs with the backup's and is settled
      // anew (lib/db/runs.ts); another takes them as they are, with the counts the backup settled.
      const runs = (tables[history.runs] ?? []) as Row[];
      const isHeld = (r: Row) => heldKeys.has(JSON.stringify([history.owner, history.ownerKey(r)]));
      await tx.table(history.runs).bulkPut(runs.filter((r) => !isHeld(r)));
      const onto = [...runs.filter(isHeld), ...heldRuns.filter((r) => history.isRun(r))];
      if (onto.length) await history.settle((table) => tx.table(table), onto);
      written += runs.length;
    }
    return written;
  });
}

/**
 * The backup's post histories as runs (made from its snapshots when it predates them): a post this
 * database did not hold takes them as they are, with the snapshots and latest counts the backup
 * derived from them; a post it held unites them with its own and is settled anew (lib/db/settle.ts).
 */
async function importRuns(
  tx: Transaction,
  tables: Extract<ParsedBackup, { ok: true }>['tables'],
  merged: ReadonlySet<string>,
  held: readonly PostRun[],
): Promise<number> {
  // A backup made before schema 11 has none: its histories stand as runs (lib/db/runs.ts).
  const runs = tables.postRuns
    ? (tables.postRuns as PostRun[])
    : runsOfHistories((tables.posts ?? []) as StoredPost[], (tables.postSnapshots ?? []) as PostSnapshot[]);
  const isMerged = (r: PostRun) => merged.has(JSON.stringify([r.platform, r.postId]));
  const fresh = runs.filter((r) => !isMerged(r));
  const onto = runs.filter(isMerged);
  await tx.table('postRuns').bulkPut(fresh);
  const keys = [...merged].map((k) => JSON.parse(k) as [Platform, string]);
  if (keys.length) await settlePosts((name) => tx.table(name), keys, [...onto, ...held]);
  return runs.length;
}

/** The histories kept as runs beside their rows (lib/db/runs.ts), and how a restore settles them. */
const HISTORIES = [
  {
    owner: 'accounts',
    runs: 'accountSnapshots',
    held: (row: Row) => heldAccountRun(row as unknown as StoredAccount),
    ownerKey: (r: Row) => [r.platform, r.accountId],
    isRun: (r: Row) => 'accountId' in r,
    settle: (table: Parameters<typeof settleAccounts>[0], runs: readonly Row[]) =>
      settleAccounts(table, [], runs as unknown as AccountSnapshot[]),
  },
  {
    owner: 'courses',
    runs: 'courseSnapshots',
    held: (row: Row) => heldCourseRun(row as unknown as StoredCourse),
    ownerKey: (r: Row) => r.url,
    isRun: (r: Row) => 'url' in r,
    settle: (table: Parameters<typeof settleCourses>[0], runs: readonly Row[]) =>
      settleCourses(table, [], runs as unknown as CourseSnapshot[]),
  },
] as const;

function keyOf(name: 'posts' | 'accounts' | 'courses' | 'comments', row: unknown): unknown {
  const r = row as { platform: string; id: string; url: string };
  return name === 'courses' ? r.url : [r.platform, r.id];
}
