/**
 * The journal: while sync is connected, every write to a synced table is recorded, in the same
 * transaction, as an entry waiting to be pushed. It sits under Dexie as a middleware, so the write
 * paths (capture, commands, imports) stay as they are and none can forget to journal: whichever
 * transaction writes a synced table also writes the journal, or neither happens.
 *
 * What is recorded: the rows as written (puts), deleted keys, and which user fields an update set
 * (an edit, which must beat later observations that still carry the old value). Range deletions
 * (clearing a table, a post's snapshot range) are not: "delete everything" stays on this device,
 * and a post's or account's deletion carries its history with it on the other side (merge.ts).
 *
 * While sync is off, nothing is journaled, but what a later Connect must send as of its time is kept:
 * the user items' versions (when each was last edited or deleted; not orders', lib/sync/tables.ts
 * `bulk`), observed rows' deletions (tombstones) and their user fields' edits (field versions). The
 * Connect's seeding (lib/sync/engine.ts) sends them, so they beat older edits made elsewhere and lose
 * to newer ones, and a row deleted while off does not come back from the other devices.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { now } from '../clock';
import { type OrderPack, packKey } from '../db/order-packs';
import { sameValues } from '../db/same-values';
import type { Millis } from '../db/schema';
import { orderKey } from '../sales/order';
import type { Tombstone, Version } from './state';
import {
  deletionStaysOnDevice,
  isJournaledStore,
  isSyncedTable,
  itemEditTime,
  JOURNAL_TABLES,
  keptWhileOff,
  keyId,
  keyOfRow,
  type RowKey,
  SYNCED_TABLES,
  type SyncedTable,
  type SyncKind,
  staysOnDevice,
} from './tables';

export type JournalEntry =
  | { t: SyncedTable; op: 'put'; at: Millis; row: Record<string, unknown> }
  | { t: SyncedTable; op: 'del'; at: Millis; key: RowKey }
  /** User fields set by an update; null for a field the update removed. */
  | { t: SyncedTable; op: 'edit'; at: Millis; key: RowKey; fields: Record<string, unknown> };

export type JournalRow = JournalEntry & { seq?: number };

/** On (a device id) while sync is connected; null journals nothing. */
export interface JournalSwitch {
  device: string | null;
}

/** Transactions applying what was pulled: their writes are others' and are not journaled again. */
const replaying = new WeakSet<object>();
export const markReplaying = (trans: object): void => {
  replaying.add(trans);
};

/**
 * Transactions restoring a backup: their items were edited when the backup says (lib/sync/tables.ts
 * itemEditTime), not now, so they do not beat newer edits made on other devices since.
 */
const restoring = new WeakSet<object>();
export const markRestoring = (trans: object): void => {
  restoring.add(trans);
};

type Trans = DBCoreTransaction & { objectStoreNames?: DOMStringList };

export function journalMiddleware(state: JournalSwitch): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'syncJournal',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = (extra: readonly string[]) => [...new Set([...stores, ...extra])];
          const scope =
            mode !== 'readwrite'
              ? stores
              : state.device !== null && stores.some(isJournaledStore)
                ? widen(JOURNAL_TABLES)
                : widen(stores.flatMap(keptWhileOff));
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!isJournaledStore(name)) return table;
          return {
            ...table,
            async mutate(req) {
              const device = state.device;
              const trans = req.trans as Trans;
              // A transaction opened before sync was connected has no journal in its scope.
              const journaled = device !== null && !!trans.objectStoreNames?.contains('syncJournal');
              const kept = keptWhileOff(name);
              const versioned =
                keptOff(name, req) &&
                kept.length > 0 &&
                kept.every((t) => !!trans.objectStoreNames?.contains(t));
              if (
                req.type === 'deleteRange' ||
                (req.type === 'delete' && deletionStaysOnDevice(name)) ||
                replaying.has(trans) ||
                !(journaled || versioned)
              )
                return table.mutate(req);
              if (!isSyncedTable(name))
                return journaled ? journalPacks(down, table, req, device) : table.mutate(req);
              const result = await table.mutate(req);
              const at = now();
              const keys = req.type === 'delete' ? req.keys : (result.results ?? req.keys ?? []);
              await record(down, name, req, keys, at, journaled ? device : null);
              return result;
            },
          } satisfies DBCoreTable;
        },
      };
    },
  };
}

/**
 * Whether a write leaves anything while sync is off: any write of a user item; of an observed row,
 * a deletion or an update (captures' puts, by the hundred, leave nothing).
 */
function keptOff(name: string, req: DBCoreMutateRequest): boolean {
  if (!isSyncedTable(name)) return false;
  const spec: SyncKind = SYNCED_TABLES[name];
  if (spec.kind === 'item') return true;
  if (spec.kind === 'points') return false;
  return req.type === 'delete' || (req.type === 'put' && (req.updates ?? req.changeSpec) !== undefined);
}

/** Order keys a transaction has journaled as put: a pack emptied after its orders moved deletes none of them. */
const putInTransaction = new WeakMap<object, Set<string>>();

/**
 * A write of order packs, journaled as what sync carries: one put per order that is new or changed
 * and one deletion per order no pack of the write (or an earlier one of its transaction) holds any
 * more. The packs written over are read first, in the same transaction.
 */
async function journalPacks(
  down: DBCore,
  table: DBCoreTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  device: string,
) {
  const trans = req.trans;
  const keys = req.type === 'delete' ? req.keys : req.values.map((p) => packKey(p as OrderPack));
  const before = (await table.getMany({ trans, keys })) as Array<OrderPack | undefined>;
  const result = await table.mutate(req);
  const old = new Map(before.flatMap((p) => p?.orders ?? []).map((o) => [orderKey(o), o]));
  const written = req.type === 'delete' ? [] : (req.values as OrderPack[]).flatMap((p) => p.orders);
  const put = putInTransaction.get(trans) ?? new Set<string>();
  putInTransaction.set(trans, put);
  const changed = written.filter((o) => {
    const was = old.get(orderKey(o));
    old.delete(orderKey(o));
    return !was || !sameValues(was, o);
  });
  for (const o of changed) put.add(orderKey(o));
  const gone = [...old.values()].filter((o) => !put.has(orderKey(o))).map((o) => [o.platform, o.orderId]);
  const at = now();
  if (changed.length) await record(down, 'orders', { type: 'put', trans, values: changed }, [], at, device);
  if (gone.length) await record(down, 'orders', { type: 'delete', trans, keys: gone }, gone, at, device);
  return result;
}

async function record(
  down: DBCore,
  t: SyncedTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  keys: readonly unknown[],
  at: Millis,
  /** The device journaling; null while sync is off, when only tombstones and versions are kept. */
  device: string | null,
): Promise<void> {
  const entries: JournalEntry[] = [];
  const tombstones: Tombstone[] = [];
  const versions: Version[] = [];
  const spec: SyncKind = SYNCED_TABLES[t];
  const journal = device !== null;
  const by = device ?? '';
  if (req.type === 'delete') {
    for (const key of req.keys as RowKey[]) {
      if (staysOnDevice(t, key)) continue;
      if (journal) entries.push({ t, op: 'del', at, key });
      if (spec.kind === 'item') versions.push({ id: keyId(t, key), at, device: by, deleted: true });
      else tombstones.push({ id: keyId(t, key), at });
    }
  } else {
    const restored = restoring.has(req.trans);
    req.values.forEach((value, i) => {
      const row = { ...(value as Record<string, unknown>) };
      // An auto-incremented key is known only once written.
      if (t === 'campaigns' && row.id === undefined) row.id = keys[i];
      const key = keyOfRow(t, row);
      if (staysOnDevice(t, key, row)) return;
      const editedAt = restored && spec.kind === 'item' ? itemEditTime(t, row) : at;
      if (journal) entries.push({ t, op: 'put', at: editedAt, row });
      if (spec.kind === 'item') versions.push({ id: keyId(t, key), at: editedAt, device: by });
      if (spec.kind !== 'state' || spec.userFields.length === 0) return;
      const changes = req.type === 'put' ? (req.updates?.changeSpecs[i] ?? req.changeSpec) : undefined;
      const fields = Object.keys(changes ?? {}).filter((f) => spec.userFields.includes(f));
      if (fields.length === 0) return;
      const edited = Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
      if (journal) entries.push({ t, op: 'edit', at, key, fields: edited });
      for (const f of fields)
        versions.push({ id: `${keyId(t, key)}|${f}`, at, device: by, value: edited[f] });
    });
  }
  const trans = req.trans;
  const add = (table: string, values: unknown[], type: 'add' | 'put') =>
    values.length ? down.table(table).mutate({ type, trans, values }) : null;
  await Promise.all([
    add('syncJournal', entries, 'add'),
    add('syncTombstones', tombstones, 'put'),
    add('syncVersions', versions, 'put'),
  ]);
}
