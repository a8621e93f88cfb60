/**
 * Sync in bounded steps, resumable at any point. A push step packs this device's journal into at most
 * `chunksPerPush` immutable chunks, decided (planned) and saved before the first request, so a
 * service worker stopped mid-push pushes exactly the same chunks again and the server's conflict
 * answer means "already there". A pull step reads one page of the changes feed and applies it with
 * its checkpoint in one transaction: stopped before the commit, the page is read again; after it,
 * never. Only the background calls these (it is the single writer).
 *
 * Clock skew: history is ordered by each device's own observation times; sync refuses to push from
 * a device whose clock is off the server's by more than MAX_SKEW_MS (the user is told to fix it),
 * and refuses chunks with times far in the future (chunk.ts), so a wrong clock cannot reorder others'
 * history or make their newer captures look old.
 */
import { z } from 'zod';
import { now } from '../clock';
import { type OrderPack, PACK_ORDERS, packKey, unpack } from '../db/order-packs';
import type { CoursePulseDb } from '../db/schema';
import { buildChunk, checkChunk, chunkDevice, isChunkId, newDeviceId } from './chunk';
import { KEYCHECK_ID, type KeycheckDoc, newKeycheck, unlock } from './crypto';
import type { JournalEntry, JournalRow } from './journal';
import type { RemoteSeq, SyncRemote } from './remote';
import { SyncError } from './remote';
import { replayEntries, replayTransaction } from './replay';
import {
  type DeviceIdentity,
  type PlannedChunk,
  type PushState,
  type RefusedDoc,
  readSyncState as read,
  type SyncStateKey,
  type SyncStateRow,
  type SyncStateValue,
  type Tombstone,
  type Version,
} from './state';
import {
  itemEditTime,
  keyId,
  keyOfId,
  keyOfRow,
  SYNCED_TABLE_NAMES,
  SYNCED_TABLES,
  type SyncKind,
  staysOnDevice,
  storeOf,
} from './tables';

export interface SyncLimits {
  /** Journal entries per chunk (about 54 bytes each on the wire for a snapshot). */
  chunkEntries: number;
  /** Characters of JSON per chunk, whatever the entries' size. */
  chunkChars: number;
  chunksPerPush: number;
  /** Documents per changes page. */
  pullPage: number;
  /** Rows copied from the tables into the journal per step when sync is first connected. */
  seedRows: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  chunkEntries: 1_000,
  chunkChars: 1_000_000,
  chunksPerPush: 4,
  pullPage: 4,
  seedRows: 4_000,
};

/** Beyond this, the device's clock is wrong enough to misplace its observations among others'. */
export const MAX_SKEW_MS = 5 * 60_000;
const KEEP_REFUSED = 50;

/** What the user must do before sync can go on (the HTTP side's problems are SyncError). */
export type SetupProblem = 'notConnected' | 'passphraseNeeded' | 'wrongPassphrase' | 'badKeycheck' | 'clock';

export class SyncSetupError extends Error {
  constructor(
    readonly kind: SetupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SyncSetupError';
  }
}

const row = <K extends SyncStateKey>(key: K, value: SyncStateValue<K>) => ({ key, value }) as SyncStateRow;

/** Sets the journal switch from the stored state: run when the database opens (lib/db/schema.ts). */
export async function loadJournalSwitch(db: CoursePulseDb): Promise<void> {
  db.journal.device = (await read(db, 'device'))?.id ?? null;
}

export interface ConnectOptions {
  deviceName: string;
  user: string;
  /** Set to encrypt (or to read an encrypted database); absent for a plain one. */
  passphrase?: string;
  /** PBKDF2 rounds for a new key-check document (tests use fewer). */
  iterations?: number;
}

const keycheckSchema = z.strictObject({
  _id: z.literal(KEYCHECK_ID),
  _rev: z.string().max(200).optional(),
  kind: z.literal('coursepulse.keycheck'),
  v: z.literal(1),
  salt: z.string().max(64),
  iterations: z.number().int().min(1).max(10_000_000),
  check: z.strictObject({ iv: z.string().max(32), data: z.string().max(200) }),
});

/**
 * Connects this device: checks the database answers, settles encryption (a wrong passphrase is
 * caught here, before anything is uploaded or merged), names the device and starts journaling.
 * Everything already stored is then pushed in steps (seeding). Throws SyncError or SyncSetupError.
 */
export async function connectSync(
  db: CoursePulseDb,
  remote: SyncRemote,
  options: ConnectOptions,
): Promise<DeviceIdentity> {
  const info = await remote.info();
  checkClock(info.serverTime);
  const key = await settleKey(remote, options);
  const device: DeviceIdentity = {
    id: newDeviceId(),
    name: options.deviceName.slice(0, 100),
    user: options.user.slice(0, 200),
  };
  await db.transaction('rw', [db.syncState, db.syncJournal], async () => {
    await db.syncJournal.clear();
    await db.syncState.clear();
    await db.syncState.bulkPut([
      row('device', device),
      row('crypto', { key }),
      row('push', { nextChunk: 0, planned: [] }),
      row('pull', { refused: [] }),
      row('seed', { table: 0, done: false }),
      row('error', null),
    ]);
    if (info.serverTime !== undefined)
      await db.syncState.put(row('clock', { skewMs: info.serverTime - now(), at: now() }));
  });
  db.journal.device = device.id;
  return device;
}

async function settleKey(remote: SyncRemote, options: ConnectOptions): Promise<CryptoKey | null> {
  const found = await remote.get(KEYCHECK_ID);
  if (!found) {
    if (!options.passphrase) return null;
    const made = await newKeycheck(options.passphrase, options.iterations);
    const [result] = await remote.bulkPut([{ ...made.doc }]);
    if (result?.ok) return made.key;
    // Another device made one at the same moment: its passphrase rules.
    return settleKey(remote, options);
  }
  const parsed = keycheckSchema.safeParse(found);
  if (!parsed.success)
    throw new SyncSetupError('badKeycheck', 'the key-check document on the server is malformed');
  if (!options.passphrase) throw new SyncSetupError('passphraseNeeded', 'this database is encrypted');
  const key = await unlock(parsed.data as KeycheckDoc, options.passphrase);
  if (!key) throw new SyncSetupError('wrongPassphrase', 'the passphrase does not open this database');
  return key;
}

function checkClock(serverTime: number | undefined): void {
  if (serverTime === undefined) return;
  const skew = serverTime - now();
  if (Math.abs(skew) > MAX_SKEW_MS)
    throw new SyncSetupError(
      'clock',
      `this device's clock is ${Math.round(skew / 60_000)} min off the server's`,
    );
}

/** Stops syncing: the journal and the connection go; tombstones and edit versions stay for a reconnect. */
export async function disconnectSync(db: CoursePulseDb): Promise<void> {
  db.journal.device = null;
  await db.transaction('rw', [db.syncState, db.syncJournal], async () => {
    await db.syncJournal.clear();
    await db.syncState.clear();
  });
}

/**
 * Inside a step's write transaction: the device is still the one the step began with. Disconnect
 * (and Connect again) replaces or clears it, in a transaction of its own, so a step whose request
 * answered after Disconnect writes nothing of it.
 */
async function stillConnected(read: (key: 'device') => Promise<unknown>, device: DeviceIdentity) {
  const current = (await read('device')) as { value?: DeviceIdentity } | undefined;
  if (current?.value?.id !== device.id)
    throw new SyncSetupError('notConnected', 'sync was disconnected during this step');
}

async function connected(db: CoursePulseDb): Promise<{ device: DeviceIdentity; key: CryptoKey | null }> {
  const device = await read(db, 'device');
  if (!device) throw new SyncSetupError('notConnected', 'sync is not connected');
  return { device, key: (await read(db, 'crypto'))?.key ?? null };
}

export interface PushResult {
  chunks: number;
  entries: number;
  /** More is waiting: the journal, or rows still to seed. */
  more: boolean;
}

/** One push step: at most `chunksPerPush` chunks, in one request. */
export async function pushStep(
  db: CoursePulseDb,
  remote: SyncRemote,
  limits = DEFAULT_LIMITS,
): Promise<PushResult> {
  const { device, key } = await connected(db);
  // A plain device must not write plaintext into a database that became encrypted.
  if (!key && (await remote.get(KEYCHECK_ID)))
    throw new SyncSetupError('passphraseNeeded', 'this database is encrypted now');
  const push = await plan(db, device, limits);
  if (push.planned.length === 0) return { chunks: 0, entries: 0, more: false };
  const docs = [];
  let entries = 0;
  for (const chunk of push.planned) {
    const rows = await db.syncJournal.where('seq').between(chunk.fromSeq, chunk.toSeq, true, true).toArray();
    const content = compact(rows);
    entries += content.length;
    docs.push(await buildChunk(device, chunk.n, content, now(), key));
  }
  const results = await remote.bulkPut(docs);
  const done = push.planned.filter(
    (_, i) => results[i]?.ok || (results[i] && 'conflict' in results[i]! && results[i]!.conflict),
  );
  const left = push.planned.filter((c) => !done.includes(c));
  await db.transaction('rw', [db.syncJournal, db.syncState], async () => {
    await stillConnected((key) => db.syncState.get(key), device);
    for (const c of done) await db.syncJournal.where('seq').between(c.fromSeq, c.toSeq, true, true).delete();
    await db.syncState.put(row('push', { ...push, planned: left, lastAt: now() }));
  });
  const refused = results.find((r) => r && !r.ok && !('conflict' in r && r.conflict));
  if (refused)
    throw new SyncError(
      'forbidden',
      `the server refused ${refused.id}: ${'reason' in refused ? refused.reason : ''}`,
    );
  const seed = await read(db, 'seed');
  return {
    chunks: done.length,
    entries,
    more: left.length > 0 || !seed?.done || (await db.syncJournal.count()) > 0,
  };
}

/**
 * The chunks to push: those planned before (a step stopped after or during its request), else the
 * next journal entries, seeding the journal from the tables first when it is empty.
 */
async function plan(db: CoursePulseDb, device: DeviceIdentity, limits: SyncLimits): Promise<PushState> {
  return db.transaction(
    'rw',
    [db.syncJournal, db.syncState, db.syncTombstones, db.syncVersions, ...SYNCED_TABLE_NAMES.map(storeOf)],
    async () => {
      await stillConnected((key) => db.syncState.get(key), device);
      const push = (await read(db, 'push')) ?? { nextChunk: 0, planned: [] };
      if (push.planned.length) return push;
      const batch = limits.chunkEntries * limits.chunksPerPush;
      let rows = await db.syncJournal.limit(batch).toArray();
      // A seed page may hold only rows that stay on the device, or end a table: go on to the next.
      while (rows.length === 0 && (await seedStep(db, limits)))
        rows = await db.syncJournal.limit(batch).toArray();
      const planned: PlannedChunk[] = [];
      let current: PlannedChunk | undefined;
      let count = 0;
      let chars = 0;
      for (const r of rows) {
        const size = JSON.stringify(r).length;
        if (!current || count >= limits.chunkEntries || chars + size > limits.chunkChars) {
          if (planned.length === limits.chunksPerPush) break;
          current = { n: push.nextChunk + planned.length, fromSeq: r.seq!, toSeq: r.seq! };
          planned.push(current);
          count = 0;
          chars = 0;
        }
        current.toSeq = r.seq!;
        count++;
        chars += size;
      }
      const next: PushState = { ...push, nextChunk: push.nextChunk + planned.length, planned };
      await db.syncState.put(row('push', next));
      return next;
    },
  );
}

/** A row written many times between two pushes travels once, as last written. */
function compact(rows: JournalRow[]): JournalEntry[] {
  const lastPut = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.op === 'put' && SYNCED_TABLES[r.t].kind !== 'points')
      lastPut.set(keyId(r.t, keyOfRow(r.t, r.row)), i);
  });
  return rows
    .filter(
      (r, i) =>
        r.op !== 'put' ||
        SYNCED_TABLES[r.t].kind === 'points' ||
        lastPut.get(keyId(r.t, keyOfRow(r.t, r.row))) === i,
    )
    .map(({ seq: _seq, ...entry }) => entry as JournalEntry);
}

/**
 * After the tables, seeding sends the deletions this device keeps (lib/sync/journal.ts): observed
 * rows' tombstones, then the user items' deleted versions. Rows deleted here are absent from the
 * tables, yet the server may hold them from before (deleted while sync was off, or not pushed before
 * a Disconnect): without these, the next pull would bring them back.
 */
const SEED_DELETIONS = ['syncTombstones', 'syncVersions'] as const;
const SEED_SOURCES = SYNCED_TABLE_NAMES.length + SEED_DELETIONS.length;

/** One page of seeding: its entries, the versions now sent as this device's, where the next begins. */
interface SeedPage {
  entries: JournalEntry[];
  versions: Version[];
  /** The last key read, while the source may hold more. */
  after?: unknown;
}

/**
 * Copies the next rows stored before sync was connected into the journal, then the deletions kept;
 * false once all are. Runs inside plan's transaction.
 */
async function seedStep(db: CoursePulseDb, limits: SyncLimits): Promise<boolean> {
  const seed = (await read(db, 'seed')) ?? { table: 0, done: false };
  if (seed.done) return false;
  const device = (await read(db, 'device'))!;
  const name = SYNCED_TABLE_NAMES[seed.table];
  const page = name
    ? await seedRows(db, name, seed.after, limits.seedRows, device)
    : await seedDeletions(
        db,
        SEED_DELETIONS[seed.table - SYNCED_TABLE_NAMES.length]!,
        seed.after,
        limits.seedRows,
        device,
      );
  const nextTable = page.after === undefined ? seed.table + 1 : seed.table;
  await db.syncJournal.bulkAdd(page.entries as JournalRow[]);
  await db.syncVersions.bulkPut(page.versions);
  await db.syncState.put(
    row('seed', { table: nextTable, after: page.after, done: nextTable >= SEED_SOURCES }),
  );
  return true;
}

async function seedRows(
  db: CoursePulseDb,
  name: (typeof SYNCED_TABLE_NAMES)[number],
  after: unknown,
  seedRows: number,
  device: DeviceIdentity,
): Promise<SeedPage> {
  const table = db.table(storeOf(name));
  // Orders are stored packed: a page is whole packs, about seedRows orders, unpacked into rows.
  const packed = name === 'orders';
  const limit = packed ? Math.max(1, Math.floor(seedRows / PACK_ORDERS)) : seedRows;
  const stored = (await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
    .limit(limit)
    .toArray()) as Array<Record<string, unknown>>;
  const page = packed ? (unpack(stored as unknown as OrderPack[]) as unknown as typeof stored) : stored;
  const rows = page.filter((r) => !staysOnDevice(name, keyOfRow(name, r), r));
  const spec: SyncKind = SYNCED_TABLES[name];
  const item = spec.kind === 'item';
  const fields = spec.kind === 'state' ? spec.userFields : [];
  const ids = item || fields.length ? rows.map((r) => keyId(name, keyOfRow(name, r))) : [];
  const [known, fieldVersions] = await Promise.all([
    db.syncVersions.bulkGet(item ? ids : []),
    db.syncVersions.bulkGet(ids.flatMap((id) => fields.map((f) => `${id}|${f}`))),
  ]);
  const at = now();
  const entries: JournalEntry[] = [];
  const versions: Version[] = [];
  rows.forEach((r, i) => {
    if (!item) {
      entries.push({ t: name, op: 'put', at, row: r });
      // A user field goes as an edit of its time (made while sync was off, or not pushed before a
      // Disconnect), to beat older edits made elsewhere: the put's value gives way to any edit the
      // other device knows. One made while off becomes this device's, as the others record it.
      fields.forEach((f, j) => {
        const version = fieldVersions[i * fields.length + j];
        if (!version) return;
        const key = keyOfRow(name, r);
        entries.push({ t: name, op: 'edit', at: version.at, key, fields: { [f]: version.value ?? null } });
        if (!version.device) versions.push({ ...version, device: device.id });
      });
      return;
    }
    // An item goes as of its last edit (kept even while sync was off, lib/sync/journal.ts), not as
    // of now: a device joining with old items must not beat newer edits made elsewhere.
    const version = known[i];
    const edited = version?.at ?? itemEditTime(name, r);
    entries.push({ t: name, op: 'put', at: edited, row: r });
    if (!version?.device) versions.push({ id: ids[i]!, at: edited, device: device.id });
  });
  const last = stored[stored.length - 1];
  return {
    entries,
    versions,
    after:
      stored.length === limit && last
        ? packed
          ? packKey(last as unknown as OrderPack)
          : keyOfRow(name, last)
        : undefined,
  };
}

/**
 * Observed rows' tombstones and the user items' deleted versions, each as a deletion of its time
 * (whoever deleted it: sending one again changes nothing). A deletion made while sync was off
 * becomes this device's, as the others record it.
 */
async function seedDeletions(
  db: CoursePulseDb,
  source: (typeof SEED_DELETIONS)[number],
  after: unknown,
  limit: number,
  device: DeviceIdentity,
): Promise<SeedPage> {
  const table = db.table(source);
  const stored = (await (after === undefined
    ? table.orderBy(':id')
    : table.where(':id').above(after as string)
  )
    .limit(limit)
    .toArray()) as Array<Tombstone | Version>;
  const entries: JournalEntry[] = [];
  const versions: Version[] = [];
  for (const r of stored) {
    const version = source === 'syncVersions' ? (r as Version) : undefined;
    if (version && !version.deleted) continue;
    const named = keyOfId(r.id);
    if (!named || staysOnDevice(named.t, named.key)) continue;
    if (SYNCED_TABLES[named.t].kind !== (version ? 'item' : 'state')) continue;
    entries.push({ t: named.t, op: 'del', at: r.at, key: named.key });
    if (version && !version.device) versions.push({ ...version, device: device.id });
  }
  return { entries, versions, after: stored.length === limit ? stored.at(-1)?.id : undefined };
}

export interface PullResult {
  /** Chunks merged. */
  chunks: number;
  refused: RefusedDoc[];
  more: boolean;
}

/** One pull step: one page of the changes feed, checked, merged with its checkpoint. */
export async function pullStep(
  db: CoursePulseDb,
  remote: SyncRemote,
  limits = DEFAULT_LIMITS,
): Promise<PullResult> {
  const { device, key } = await connected(db);
  const pull = (await read(db, 'pull')) ?? { refused: [] };
  // How far a long pull is (a new device's first): the server's count, asked before each page of a
  // first pull and of one still under way. The engine never deletes a document, so each is read
  // once and the count is what there is to read.
  const counting = pull.since === undefined || pull.total !== undefined;
  const total = counting ? (await remote.info()).docCount : undefined;
  const page = await remote.changes(pull.since, limits.pullPage);
  const at = now();
  const checked = [];
  for (const change of page.results) {
    if (change.deleted || !change.doc || !isChunkId(change.id) || chunkDevice(change.id) === device.id)
      continue;
    const chunk = await checkChunk(change.doc, key, at);
    if (!chunk.ok && 'locked' in chunk) {
      // Sealed, and this device has no key: if the database is encrypted, stop before merging
      // anything of the page; if it is not, the sealed chunk is no one's and is refused.
      if (await remote.get(KEYCHECK_ID))
        throw new SyncSetupError('passphraseNeeded', 'this database is encrypted now');
      checked.push({
        ok: false as const,
        id: chunk.id,
        reason: 'sealed, in a database without a passphrase',
      });
    } else checked.push(chunk);
  }
  const refused: RefusedDoc[] = checked.flatMap((c) =>
    !c.ok && 'reason' in c ? [{ id: c.id, reason: c.reason, at }] : [],
  );
  const good = checked.flatMap((c) => (c.ok ? [c] : []));
  const more = page.results.length >= limits.pullPage;
  await replayTransaction(db, ['syncState'], async (tx) => {
    await stillConnected((key) => tx.table('syncState').get(key), device);
    await tx.table('syncState').put(
      row('pull', {
        since: page.lastSeq as RemoteSeq,
        lastAt: at,
        read: (pull.read ?? 0) + page.results.length,
        ...(more && total !== undefined ? { total } : {}),
        refused: [...pull.refused, ...refused].slice(-KEEP_REFUSED),
      }),
    );
    for (const chunk of good) await replayEntries(tx, chunk.device.id, chunk.entries);
  });
  return { chunks: good.length, refused, more };
}

export interface StepResult {
  pushed: PushResult;
  pulled: PullResult;
  more: boolean;
}

/**
 * One push step and one pull step; the outcome (or the error, which is rethrown) is kept for the
 * status. The background calls it after captures, on its alarm and when the dashboard opens, again
 * while `more` and its time allows.
 */
export async function syncStep(
  db: CoursePulseDb,
  remote: SyncRemote,
  limits = DEFAULT_LIMITS,
): Promise<StepResult> {
  const device = await read(db, 'device');
  try {
    const pushed = await pushStep(db, remote, limits);
    const pulled = await pullStep(db, remote, limits);
    await keepOutcome(db, device, null);
    return { pushed, pulled, more: pushed.more || pulled.more };
  } catch (error) {
    const kind = error instanceof SyncError || error instanceof SyncSetupError ? error.kind : 'internal';
    const message = String((error as Error).message ?? error).slice(0, 300);
    await keepOutcome(db, device, { kind, message, at: now() });
    throw error;
  }
}

/** The step's outcome for the status, unless the device was disconnected meanwhile. */
async function keepOutcome(
  db: CoursePulseDb,
  device: DeviceIdentity | undefined,
  error: SyncStateValue<'error'>,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    if (device && (await read(db, 'device'))?.id === device.id) await db.syncState.put(row('error', error));
  });
}

/**
 * Steps until nothing is left or `budgetMs` has passed (an MV3 service worker may be stopped after
 * 30 s of work): what the alarm and the after-capture trigger call. Rethrows a step's error; once
 * `signal` is aborted (Disconnect) no further step starts.
 */
export async function syncUntilIdle(
  db: CoursePulseDb,
  remote: SyncRemote,
  budgetMs = 20_000,
  limits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<{ steps: number; more: boolean }> {
  const start = performance.now();
  let steps = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { more } = await syncStep(db, remote, limits);
    steps++;
    if (!more || performance.now() - start > budgetMs) return { steps, more };
  }
}
