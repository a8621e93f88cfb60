/**
 * Sync's device-local bookkeeping (schema version 7): who this device is, how far it has pushed and
 * pulled, and the memory that makes replays order-independent (tombstones, edit versions).
 */
import type { CoursePulseDb, Millis } from '../db/schema';
import type { RemoteSeq } from './remote';

/** When a key was deleted: observations up to then are gone, later ones bring it back. */
export interface Tombstone {
  /** keyId(table, key), lib/sync/tables.ts. */
  id: string;
  at: Millis;
}

/**
 * The latest edit of a user item (id = keyId) or of one user field of an observed row
 * (id = keyId + '|' + field), with its value for a field: the latest (at, device) wins everywhere.
 */
export interface Version {
  id: string;
  at: Millis;
  device: string;
  value?: unknown;
  deleted?: boolean;
}

export interface DeviceIdentity {
  /** Random, made once per device when sync is connected; names its chunks. */
  id: string;
  /** What the user calls this browser ("Laptop Chrome"). */
  name: string;
  /** The CouchDB user it syncs as: who contributed. */
  user: string;
}

/** A chunk being pushed: which journal entries it holds, decided before the first request. */
export interface PlannedChunk {
  n: number;
  fromSeq: number;
  toSeq: number;
}

export interface PushState {
  /** The number of this device's next chunk. */
  nextChunk: number;
  /** Chunks planned and perhaps on the server already: pushed again as they were after a stop. */
  planned: PlannedChunk[];
  lastAt?: Millis;
}

/** Copying rows stored before sync was connected into the journal, table by table. */
export interface SeedState {
  table: number;
  /** The last primary key copied from that table. */
  after?: unknown;
  done: boolean;
}

export interface RefusedDoc {
  id: string;
  reason: string;
  at: Millis;
}

export interface PullState {
  since?: RemoteSeq;
  lastAt?: Millis;
  /** Documents of the server's feed read so far, this device's own included. */
  read?: number;
  /** The documents the server held, asked while more remained to read: a long pull's progress. */
  total?: number;
  /** The latest refused documents, newest last (capped). */
  refused: RefusedDoc[];
}

export type SyncStateRow =
  | { key: 'device'; value: DeviceIdentity }
  | { key: 'push'; value: PushState }
  | { key: 'pull'; value: PullState }
  | { key: 'seed'; value: SeedState }
  | { key: 'crypto'; value: { key: CryptoKey | null } }
  | { key: 'error'; value: { kind: string; message: string; at: Millis } | null }
  | { key: 'clock'; value: { skewMs: number; at: Millis } };

export type SyncStateKey = SyncStateRow['key'];
export type SyncStateValue<K extends SyncStateKey> = Extract<SyncStateRow, { key: K }>['value'];

export async function readSyncState<K extends SyncStateKey>(
  db: CoursePulseDb,
  key: K,
): Promise<SyncStateValue<K> | undefined> {
  const found = (await db.syncState.get(key)) as { value: SyncStateValue<K> } | undefined;
  return found?.value;
}

/**
 * What the popup and Settings show of sync. Here, beside the state it reads, rather than in the
 * engine: the popup then loads no part of the engine (nor zod, which checks what the server sends).
 */
export interface SyncStatus {
  connected: boolean;
  device?: DeviceIdentity;
  encrypted: boolean;
  /** Journal entries not yet pushed. */
  pending: number;
  /** Rows stored before connecting are still being copied up. */
  seeding: boolean;
  /** A long pull (a new device's first) under way: documents read of those the server holds. */
  receiving?: { read: number; total: number };
  lastPushAt?: number;
  lastPullAt?: number;
  error: SyncStateValue<'error'>;
  refused: RefusedDoc[];
  /** Server clock minus this device's, measured when connecting. */
  clockSkewMs?: number;
}

export async function syncStatus(db: CoursePulseDb): Promise<SyncStatus> {
  const [device, crypto, push, pull, seed, error, clock, pending] = await Promise.all([
    readSyncState(db, 'device'),
    readSyncState(db, 'crypto'),
    readSyncState(db, 'push'),
    readSyncState(db, 'pull'),
    readSyncState(db, 'seed'),
    readSyncState(db, 'error'),
    readSyncState(db, 'clock'),
    db.syncJournal.count(),
  ]);
  return {
    connected: !!device,
    device,
    encrypted: !!crypto?.key,
    pending,
    seeding: !!device && !seed?.done,
    ...(pull?.total === undefined
      ? {}
      : { receiving: { read: Math.min(pull.read ?? 0, pull.total), total: pull.total } }),
    lastPushAt: push?.lastAt,
    lastPullAt: pull?.lastAt,
    error: error ?? null,
    refused: pull?.refused ?? [],
    clockSkewMs: clock?.skewMs,
  };
}
