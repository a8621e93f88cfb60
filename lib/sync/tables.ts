/**
 * Which tables sync, and how each one merges. A new table of the user's data syncs by one line here
 * (its row schema comes from lib/io/backup-schema.ts, the same one a backup is checked with). Derived
 * tables (rollups, author totals, health) are absent: each device rebuilds its own.
 */
import type { Millis } from '../db/schema';
import type { TableName } from '../io/backup-schema';
import { SAMPLE_PREFIX } from '../sample';

export type SyncKind =
  /**
   * Something observed, with firstSeenAt/lastSeenAt: merged field by field, the newer observation
   * winning; `userFields` are the user's edits on it, which follow the latest edit instead.
   */
  | { kind: 'state'; userFields: readonly string[] }
  /** One observation (or run of equal ones) at a time, keyed by its time: rows unite. */
  | { kind: 'points'; owner: OwnerTable }
  /**
   * The user's own item: the latest edit (or deletion) wins, whole. `editedAt` names the row's own
   * edit time, where it has one. `bulk`: imported by the hundred thousand (orders), so versioned only
   * while sync is on: keeping their versions while it is off doubled every import's writes (bench
   * orders-layout) for browsers that never sync.
   */
  | { kind: 'item'; editedAt?: string; bulk?: true };

type OwnerTable = 'posts' | 'accounts' | 'courses';

export const SYNCED_TABLES = {
  posts: { kind: 'state', userFields: [] },
  postRuns: { kind: 'points', owner: 'posts' },
  accounts: { kind: 'state', userFields: ['role', 'captureOff', 'ownerAnswer'] },
  accountSnapshots: { kind: 'points', owner: 'accounts' },
  courses: { kind: 'state', userFields: ['status', 'mine', 'priceSeen'] },
  courseSnapshots: { kind: 'points', owner: 'courses' },
  comments: { kind: 'state', userFields: [] },
  campaigns: { kind: 'item' },
  settings: { kind: 'item' },
  orders: { kind: 'item', bulk: true },
  trackedLinks: { kind: 'item' },
  themeEdits: { kind: 'item', editedAt: 'updatedAt' },
  attributionDecisions: { kind: 'item', editedAt: 'decidedAt' },
} as const satisfies Partial<Record<TableName, SyncKind>>;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];
export const isSyncedTable = (name: string): name is SyncedTable => Object.hasOwn(SYNCED_TABLES, name);

/**
 * What a write to `name` keeps while sync is off (lib/sync/journal.ts), for a later Connect to send
 * with its time: user items' versions (not orders', `bulk`), and observed rows' deletions
 * (tombstones) and user-field edits (field versions).
 */
export function keptWhileOff(name: string): readonly string[] {
  if (!isSyncedTable(name)) return [];
  const spec: SyncKind = SYNCED_TABLES[name];
  if (spec.kind === 'item') return spec.bulk ? [] : ['syncVersions'];
  if (spec.kind === 'points') return [];
  return spec.userFields.length ? ['syncTombstones', 'syncVersions'] : ['syncTombstones'];
}

/**
 * When an item was last edited as far as its row tells: its own edit time where it has one, else 0,
 * an edit of unknown time, older than any edit a device recorded.
 */
export function itemEditTime(table: SyncedTable, row: Record<string, unknown>): Millis {
  const spec: SyncKind = SYNCED_TABLES[table];
  const at = spec.kind === 'item' && spec.editedAt ? row[spec.editedAt] : undefined;
  return typeof at === 'number' ? at : 0;
}

/**
 * The store a synced table's rows live in: orders sync one item per order but are stored packed
 * (lib/db/order-packs.ts), and the journal records a written pack's changed orders.
 */
export const ORDER_PACKS = 'orderPacks';
export const storeOf = (table: SyncedTable): string => (table === 'orders' ? ORDER_PACKS : table);
export const isJournaledStore = (name: string): boolean => isSyncedTable(name) || name === ORDER_PACKS;

/** Tables the journal writes next to a synced table, in the same transaction. */
export const JOURNAL_TABLES = ['syncJournal', 'syncTombstones', 'syncVersions'] as const;

/**
 * Settings that stay on this device: sync's own (its connection differs per device) and the sample
 * data's bookkeeping.
 */
export const isDeviceSetting = (key: string): boolean => key.startsWith('sync') || key.startsWith('sample.');

/**
 * Tables whose rows' deletions stay on the device: a post's run is deleted only when the post row
 * comes to hold it open (lib/db/settle.ts), which every device does alike once it knows the same
 * runs, or with its post, whose deletion carries its history (lib/sync/replay.ts).
 */
export const deletionStaysOnDevice = (table: string): boolean => table === 'postRuns';

/** Primary key of a row of a synced table, as Dexie stores it. */
export type RowKey = string | number | Array<string | number>;

/** The entity whose history a points row belongs to: its owner's key. */
export function ownerKey(table: SyncedTable, row: Record<string, unknown>): RowKey | undefined {
  switch (table) {
    case 'postRuns':
      return [row.platform as string, row.postId as string];
    case 'accountSnapshots':
      return [row.platform as string, row.accountId as string];
    case 'courseSnapshots':
      return row.url as string;
    default:
      return undefined;
  }
}

/** The primary key of `row` in `table`, following lib/db/schema.ts. */
export function keyOfRow(table: SyncedTable, row: Record<string, unknown>): RowKey {
  switch (table) {
    case 'posts':
    case 'accounts':
    case 'comments':
      return [row.platform as string, row.id as string];
    case 'postRuns':
      return [row.platform as string, row.postId as string, row.at as number];
    case 'accountSnapshots':
      return [row.platform as string, row.accountId as string, row.at as number];
    case 'courses':
      return row.url as string;
    case 'courseSnapshots':
      return [row.url as string, row.at as number];
    case 'campaigns':
      return row.id as number;
    case 'settings':
      return row.key as string;
    case 'orders':
      return [row.platform as string, row.orderId as string];
    case 'trackedLinks':
      return row.code as string;
    case 'themeEdits':
      return row.theme as string;
    case 'attributionDecisions':
      return row.order as string;
  }
}

/** One string per (table, key), for maps and the tombstone and version tables. */
export const keyId = (table: string, key: RowKey): string => `${table}|${JSON.stringify(key)}`;

/** The synced table and key a keyId names; undefined for a user field's version id (keyId + '|' + field). */
export function keyOfId(id: string): { t: SyncedTable; key: RowKey } | undefined {
  const bar = id.indexOf('|');
  const t = id.slice(0, bar);
  if (!isSyncedTable(t)) return undefined;
  try {
    return { t, key: JSON.parse(id.slice(bar + 1)) as RowKey };
  } catch {
    return undefined;
  }
}

/** Rows that never leave the device: generated sample data (ids with SAMPLE_PREFIX, lib/sample.ts) and device settings. */
export function staysOnDevice(table: SyncedTable, key: RowKey, row?: Record<string, unknown>): boolean {
  if (row?.sample === true) return true;
  if (table === 'settings') return isDeviceSetting(String(key));
  const parts = Array.isArray(key) ? key : [key];
  return parts.some(
    (p) => typeof p === 'string' && (p.startsWith(SAMPLE_PREFIX) || p.includes(`/${SAMPLE_PREFIX}`)),
  );
}

/**
 * A key for a new user item in a table with auto-incremented keys (campaigns): random, so two
 * devices each creating their first item do not both make item 1 and overwrite each other once
 * synced. Below 2^52, so the table's own key generator keeps room above it.
 */
export function newItemId(): number {
  const [high, low] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (high! % 2 ** 20) * 2 ** 32 + low! + 1;
}
