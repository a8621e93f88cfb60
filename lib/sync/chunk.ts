/**
 * The documents sync stores: immutable chunks `obs:<device>:<n>` of one device's journal entries,
 * named with the device and the person who contributed them. Whatever comes back from the server is
 * untrusted (another member's broken client, a tampered server): it is checked here with the same
 * row schemas a backup is checked with (lib/io/backup-schema.ts, built on the record contract and
 * its caps) before anything is merged; a document that fails is refused whole, with the reason.
 */
import { z } from 'zod';
import { runRow } from '../db/runs';
import { SCHEMA_VERSION } from '../db/schema';
import { TABLE_SCHEMAS } from '../io/backup-schema';
import { MAX_ID } from '../records';
import { fromBase64, open, type Sealed, seal, toBase64 } from './crypto';
import type { JournalEntry } from './journal';
import type { RemoteDoc } from './remote';
import type { DeviceIdentity } from './state';
import {
  keyOfRow,
  type RowKey,
  SYNCED_TABLE_NAMES,
  SYNCED_TABLES,
  type SyncedTable,
  type SyncKind,
  staysOnDevice,
} from './tables';

/** Per chunk, so one document stays far below CouchDB's 8 MB default and a pull page stays small. */
export const MAX_CHUNK_ENTRIES = 5_000;
export const MAX_CHUNK_CHARS = 4_000_000;
/** The entries' JSON once unpacked: a small packed chunk may not expand into more (a gzip bomb). */
export const MAX_UNPACKED_BYTES = 16_000_000;
/** An observation more than this ahead of the receiving device's clock is refused: a broken clock. */
export const MAX_FUTURE_MS = 24 * 3600_000;

const DEVICE_ID = /^[a-z0-9]{8,40}$/;
const CHUNK_ID = /^obs:([a-z0-9]{8,40}):(\d{10})$/;

export const chunkId = (device: string, n: number): string => `obs:${device}:${String(n).padStart(10, '0')}`;
export const isChunkId = (id: string): boolean => id.startsWith('obs:');
export const chunkDevice = (id: string): string | undefined => CHUNK_ID.exec(id)?.[1];

export const newDeviceId = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 20);

export const isDeviceId = (id: string): boolean => DEVICE_ID.test(id);

export interface ChunkDoc extends RemoteDoc {
  kind: 'coursepulse.chunk';
  v: 1;
  device: { id: string; name: string };
  user: string;
  n: number;
  createdAt: number;
  /** The writer's schema version: a newer writer's rows may not fit this device's schemas. */
  schemaVersion: number;
  /** The entries' JSON, gzipped (repeated keys shrink about sixfold), base64: a plain chunk. */
  packed?: string;
  /** The same gzipped JSON, encrypted: a chunk of an encrypted database. */
  sealed?: Sealed;
}

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The unzipped text, refused beyond `max` bytes without unzipping the rest. */
async function gunzip(bytes: Uint8Array<ArrayBuffer>, max: number): Promise<string> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new Error('unpacks into more than a chunk may hold');
    }
    parts.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(all);
}

export async function buildChunk(
  device: DeviceIdentity,
  n: number,
  entries: JournalEntry[],
  createdAt: number,
  key: CryptoKey | null,
): Promise<ChunkDoc> {
  const _id = chunkId(device.id, n);
  const doc: ChunkDoc = {
    _id,
    kind: 'coursepulse.chunk',
    v: 1,
    device: { id: device.id, name: device.name },
    user: device.user,
    n,
    createdAt,
    schemaVersion: SCHEMA_VERSION,
  };
  const packed = await gzip(JSON.stringify(entries));
  if (key) doc.sealed = await seal(key, _id, packed);
  else doc.packed = toBase64(packed);
  return doc;
}

const millis = z.number().int().nonnegative().max(8.64e15);
const keyPart = z.union([z.string().max(2_000), z.number().finite()]);
const rowKey = z.union([keyPart, z.array(keyPart).min(1).max(3)]);
const sealedSchema = z.strictObject({ iv: z.string().max(32), data: z.string().max(MAX_CHUNK_CHARS) });

const envelope = z.strictObject({
  _id: z.string().regex(CHUNK_ID),
  _rev: z.string().max(200).optional(),
  kind: z.literal('coursepulse.chunk'),
  v: z.literal(1),
  device: z.strictObject({ id: z.string().regex(DEVICE_ID), name: z.string().max(100) }),
  user: z.string().max(MAX_ID),
  n: z.number().int().nonnegative(),
  createdAt: millis,
  schemaVersion: z.number().int().positive(),
  packed: z.string().max(MAX_CHUNK_CHARS).optional(),
  sealed: sealedSchema.optional(),
});

/** One entry's schema per table: a row of that table, a key, or the user fields of that table. */
const ENTRY_SCHEMAS = Object.fromEntries(
  SYNCED_TABLE_NAMES.map((t) => {
    const spec: SyncKind = SYNCED_TABLES[t];
    const row = TABLE_SCHEMAS[t] as unknown as z.ZodObject;
    const fields =
      spec.kind === 'state'
        ? z.strictObject(
            Object.fromEntries(
              spec.userFields.map((f) => [f, (row.shape[f] as z.ZodType).nullable().optional()]),
            ),
          )
        : z.never();
    return [
      t,
      z.discriminatedUnion('op', [
        z.strictObject({ t: z.literal(t), op: z.literal('put'), at: millis, row }),
        z.strictObject({ t: z.literal(t), op: z.literal('del'), at: millis, key: rowKey }),
        z.strictObject({ t: z.literal(t), op: z.literal('edit'), at: millis, key: rowKey, fields }),
      ]),
    ];
  }),
) as Record<string, z.ZodType<JournalEntry>>;

/**
 * A post's snapshot as a browser of schema 10 or older synced it: one observation, which is a run
 * seen once (lib/db/runs.ts), so such a browser's chunks still merge while it awaits its update.
 */
const OLD_SNAPSHOT = z.strictObject({
  t: z.literal('postSnapshots'),
  op: z.literal('put'),
  at: millis,
  row: TABLE_SCHEMAS.postSnapshots,
});
const asRun = ({ at, row }: z.infer<typeof OLD_SNAPSHOT>): JournalEntry => ({
  t: 'postRuns',
  op: 'put',
  at,
  row: { ...runRow(row.platform, row.postId, row.at, row.at, row.m, row.approx) },
});

export type CheckedChunk =
  | { ok: true; id: string; device: { id: string; name: string }; user: string; entries: JournalEntry[] }
  | { ok: false; id: string; reason: string }
  /** Sealed, and this device has no key: not refused, but nothing can be merged until it has one. */
  | { ok: false; id: string; locked: true };

/** Checks a chunk from the server, opening it with `key` when sealed; never throws. */
export async function checkChunk(doc: RemoteDoc, key: CryptoKey | null, now: number): Promise<CheckedChunk> {
  const id = String(doc._id).slice(0, 200);
  const refuse = (reason: string): CheckedChunk => ({ ok: false, id, reason: reason.slice(0, 300) });
  if (JSON.stringify(doc).length > MAX_CHUNK_CHARS + 10_000) return refuse('larger than a chunk may be');
  const parsed = envelope.safeParse(doc);
  if (!parsed.success) return refuse(`malformed chunk: ${firstIssue(parsed.error)}`);
  const chunk = parsed.data;
  if (chunkDevice(chunk._id) !== chunk.device.id) return refuse('chunk id names another device');
  if (chunk.schemaVersion > SCHEMA_VERSION)
    return refuse(`written by a newer CoursePulse (schema ${chunk.schemaVersion}): update this browser's`);
  if (!chunk.sealed === !chunk.packed) return refuse('neither or both of packed and sealed');
  if (chunk.sealed && !key) return { ok: false, id, locked: true };
  let raw: unknown;
  try {
    const bytes = chunk.sealed ? await open(key!, chunk._id, chunk.sealed) : fromBase64(chunk.packed!);
    raw = JSON.parse(await gunzip(bytes, MAX_UNPACKED_BYTES));
  } catch (error) {
    return refuse(
      chunk.sealed && !(error instanceof SyntaxError) && !String(error).includes('unpacks')
        ? 'cannot be decrypted with this passphrase, or was altered'
        : `cannot be unpacked: ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(raw) || raw.length > MAX_CHUNK_ENTRIES) return refuse('no entries, or too many');
  const entries: JournalEntry[] = [];
  for (const [i, item] of raw.entries()) {
    const table = (item as { t?: string } | null)?.t ?? '';
    const old = table === 'postSnapshots' ? OLD_SNAPSHOT.safeParse(item) : null;
    if (old?.success) {
      const run = asRun(old.data);
      const problem = problemOf(run, now);
      if (problem) return refuse(`entry ${i}: ${problem}`);
      entries.push(run);
      continue;
    }
    const schema = ENTRY_SCHEMAS[table];
    if (!schema) return refuse(`entry ${i}: not a synced table`);
    const entry = schema.safeParse(item);
    if (!entry.success) return refuse(`entry ${i}: ${firstIssue(entry.error)}`);
    const problem = problemOf(entry.data, now);
    if (problem) return refuse(`entry ${i}: ${problem}`);
    entries.push(entry.data);
  }
  return { ok: true, id: chunk._id, device: chunk.device, user: chunk.user, entries };
}

/** What the row schemas cannot say: a key of the right shape, nothing device-local, a sane time. */
function problemOf(entry: JournalEntry, now: number): string | null {
  const key: RowKey = entry.op === 'put' ? keyOfRow(entry.t, entry.row) : entry.key;
  if (entry.op !== 'put' && JSON.stringify(key) !== JSON.stringify(keyShape(entry.t, key)))
    return 'key of the wrong shape';
  if (staysOnDevice(entry.t, key, entry.op === 'put' ? entry.row : undefined)) return 'device-local row';
  const times = [entry.at];
  if (entry.op === 'put') {
    for (const f of ['lastSeenAt', 'at', 'last', 'metricsAt', 'countsSeenAt'] as const)
      times.push(Number(entry.row[f] ?? 0));
    // A post's sightings between need not precede its last observation, as a run's must (backup-schema).
    times.push(...((entry.row.runSeen as number[] | undefined) ?? []));
  }
  if (times.some((t) => t > now + MAX_FUTURE_MS)) return 'observed in the future (a wrong clock)';
  return null;
}

/** The key as the table's primary key would be: parts of the right types and count. */
function keyShape(table: SyncedTable, key: RowKey): RowKey | null {
  const parts = Array.isArray(key) ? key : [key];
  const types: Record<SyncedTable, string[]> = {
    posts: ['string', 'string'],
    accounts: ['string', 'string'],
    comments: ['string', 'string'],
    postRuns: ['string', 'string', 'number'],
    accountSnapshots: ['string', 'string', 'number'],
    courses: ['string'],
    courseSnapshots: ['string', 'number'],
    campaigns: ['number'],
    settings: ['string'],
    orders: ['string', 'string'],
    trackedLinks: ['string'],
    themeEdits: ['string'],
    attributionDecisions: ['string'],
  };
  const want = types[table]!;
  if (parts.length !== want.length || parts.some((p, i) => typeof p !== want[i])) return null;
  return key;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
}
