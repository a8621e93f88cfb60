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
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { now } from '../clock';
import type { Millis } from '../db/schema';
import type { Tombstone, Version } from './state';
import {
  isSyncedTable,
  JOURNAL_TABLES,
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

type Trans = DBCoreTransaction & { objectStoreNames?: DOMStringList };

export function journalMiddleware(state: JournalSwitch): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'syncJournal',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && state.device !== null && stores.some(isSyncedTable);
          const scope = widen ? [...new Set([...stores, ...JOURNAL_TABLES])] : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!isSyncedTable(name)) return table;
          return {
            ...table,
            async mutate(req) {
              const device = state.device;
              const trans = req.trans as Trans;
              // A transaction opened before sync was connected has no journal in its scope.
              if (
                device === null ||
                req.type === 'deleteRange' ||
                replaying.has(trans) ||
                !trans.objectStoreNames?.contains('syncJournal')
              )
                return table.mutate(req);
              const result = await table.mutate(req);
              const at = now();
              const keys = req.type === 'delete' ? req.keys : (result.results ?? req.keys ?? []);
              await record(down, name, req, keys, at, device);
              return result;
            },
          } satisfies DBCoreTable;
        },
      };
    },
  };
}

async function record(
  down: DBCore,
  t: SyncedTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  keys: readonly unknown[],
  at: Millis,
  device: string,
): Promise<void> {
  const entries: JournalEntry[] = [];
  const tombstones: Tombstone[] = [];
  const versions: Version[] = [];
  const spec: SyncKind = SYNCED_TABLES[t];
  if (req.type === 'delete') {
    for (const key of req.keys as RowKey[]) {
      if (staysOnDevice(t, key)) continue;
      entries.push({ t, op: 'del', at, key });
      if (spec.kind === 'item') versions.push({ id: keyId(t, key), at, device, deleted: true });
      else tombstones.push({ id: keyId(t, key), at });
    }
  } else {
    req.values.forEach((value, i) => {
      const row = { ...(value as Record<string, unknown>) };
      // An auto-incremented key is known only once written.
      if (t === 'campaigns' && row.id === undefined) row.id = keys[i];
      const key = keyOfRow(t, row);
      if (staysOnDevice(t, key, row)) return;
      entries.push({ t, op: 'put', at, row });
      if (spec.kind === 'item') versions.push({ id: keyId(t, key), at, device });
      if (spec.kind !== 'state' || spec.userFields.length === 0) return;
      const changes = req.type === 'put' ? (req.updates?.changeSpecs[i] ?? req.changeSpec) : undefined;
      const fields = Object.keys(changes ?? {}).filter((f) => spec.userFields.includes(f));
      if (fields.length === 0) return;
      const edited = Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
      entries.push({ t, op: 'edit', at, key, fields: edited });
      for (const f of fields) versions.push({ id: `${keyId(t, key)}|${f}`, at, device, value: edited[f] });
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
