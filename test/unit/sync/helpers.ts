/**
 * Shared by the sync engine's tests: devices (databases) connected to a server, real captures through
 * the real extractors, and every synced table of a device for comparing two.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { setClock } from '../../../lib/clock';
import { CoursePulseDb } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { CaptureRecord } from '../../../lib/records';
import { ADAPTERS } from '../../../lib/sites/index';
import { type ConnectOptions, connectSync, DEFAULT_LIMITS, syncUntilIdle } from '../../../lib/sync/engine';
import type { JournalEntry } from '../../../lib/sync/journal';
import type { SyncRemote } from '../../../lib/sync/remote';
import { replayEntries, replayTransaction } from '../../../lib/sync/replay';
import { SYNCED_TABLE_NAMES } from '../../../lib/sync/tables';
import { rowsOf } from '../db/rows';
import { syntheticPost } from '../db/synthetic';
import { fixtureJson } from '../fixtures';

export const T0 = Date.parse('2026-12-01T10:00:00Z');
export const HOUR = 3600_000;
/** Small chunks and pages, so a few hundred real records take many steps. */
export const LIMITS = { ...DEFAULT_LIMITS, chunkEntries: 40, chunksPerPush: 2, pullPage: 2, seedRows: 50 };
const FAST_KEY = { iterations: 1_000 };

export async function device(name: string) {
  const db = new CoursePulseDb(`engine-${name}-${Math.random()}`);
  await db.open();
  return db;
}

export const connect = (db: CoursePulseDb, remote: SyncRemote, extra: Partial<ConnectOptions> = {}) =>
  connectSync(db, remote, { deviceName: 'Laptop', user: 'ana', ...FAST_KEY, ...extra });

/** Real captures through the real extractors. */
function real(site: 'x' | 'weibo' | 'youtube', path: string, url: string, at: number): CaptureRecord[] {
  const adapter = ADAPTERS[site];
  return adapter.extractJson(adapter.endpointOf(url)!, fixtureJson(path), { url, now: new Date(at) }).records;
}
export const xTweets = (at: number) =>
  real(
    'x',
    'twitter/vladkens__twscrape/raw_user_tweets.json',
    'https://x.com/i/api/graphql/a/UserTweets',
    at,
  );
export const weiboList = (at: number) =>
  real(
    'weibo',
    'weibo/MountainDash__nonebot-bison/weibo_ak_list_0.json',
    'https://m.weibo.cn/api/container/getIndex?containerid=1',
    at,
  );

export async function capture(
  db: CoursePulseDb,
  records: CaptureRecord[],
  at: number,
  batchId = `b-${at}-${Math.random()}`,
) {
  setClock(at);
  await applyBatch(db, { batchId, records, failures: [] }, at);
}

/** The same posts later, every third with more likes. */
export const grown = (records: CaptureRecord[]) =>
  records.map((r, i) =>
    r.kind === 'post' && i % 3 === 0 && typeof r.metrics.likes === 'number'
      ? { ...r, metrics: { ...r.metrics, likes: r.metrics.likes + 1 + i } }
      : r,
  );

/** Every synced table of a device, and the tables each device derives from them (which must agree too). */
export async function tables(db: CoursePulseDb) {
  const out: Record<string, unknown[]> = {};
  for (const name of SYNCED_TABLE_NAMES) out[name] = await rowsOf(db, name);
  out.postSnapshots = await db.postSnapshots.toArray();
  out.authorTotals = await db.authorTotals.toArray();
  return out;
}

/**
 * Posts or accounts as their data and history, without where each one's open run of counts begins
 * and which sightings it holds between (runAt, runSeen): devices that synced split a history into
 * runs differently from one device that made every capture (their runs differ too), while the
 * counts, their times and the history derived are the same.
 */
export const asSeen = (rows: readonly unknown[] = []) =>
  rows.map((row) => {
    const { runAt: _runAt, runSeen: _runSeen, ...seen } = row as Record<string, unknown>;
    return seen;
  });

export async function idle(db: CoursePulseDb, remote: SyncRemote) {
  const { more } = await syncUntilIdle(db, remote, 60_000, LIMITS);
  expect(more).toBe(false);
}

/** A database journaling as `device` (null: not connected), without a server. */
export async function journaling(device: string | null, prefix = 'journal') {
  const db = new CoursePulseDb(`${prefix}-${Math.random()}`);
  await db.open();
  db.journal.device = device;
  return db;
}

/** A likes capture of a synthetic post (labelled: not a capture of a site), as the post sync tests make. */
export async function capturePost(db: CoursePulseDb, c: LikesCapture) {
  setClock(c.at);
  await applyBatch(
    db,
    {
      batchId: `${c.device}-${c.at}`,
      records: [syntheticPost(c.id, { metrics: { likes: c.likes }, text: c.text })],
      failures: [],
    },
    c.at,
  );
}

export interface LikesCapture {
  device: 0 | 1;
  at: number;
  id: string;
  likes: number;
  /** Empty for a partial capture (a card without its text). */
  text: string;
}

/** Captures of a few entities (`ids`) spread over two devices, likes moving by `gains` from 2 (never below 0). */
export const likesCaptures = (ids: string[], gains: { min: number; max: number }) =>
  fc
    .array(
      fc.record({
        device: fc.constantFrom(0 as const, 1 as const),
        id: fc.constantFrom(...ids),
        step: fc.integer({ min: 1, max: 3_600_000 }),
        gain: fc.integer(gains),
        partial: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    )
    .map((raw) => {
      let at = Date.parse('2026-12-01T00:00:00Z');
      const likes = new Map<string, number>();
      return raw.map((r): LikesCapture => {
        at += r.step;
        likes.set(r.id, Math.max(0, (likes.get(r.id) ?? 2) + r.gain));
        return {
          device: r.device,
          at,
          id: r.id,
          likes: likes.get(r.id)!,
          text: r.partial ? '' : `text ${r.id}`,
        };
      });
    });

/**
 * Two devices' captures in time order with sync between them, without a server: those before `cut`,
 * a partial sync in one direction (A's, or B's with `bFirst`), the rest, then a full exchange
 * starting with the other direction.
 */
export async function exchange<C extends { device: 0 | 1 }>(
  devices: [CoursePulseDb, CoursePulseDb],
  all: C[],
  cut: number,
  bFirst: boolean,
  capture: (db: CoursePulseDb, c: C) => Promise<void>,
): Promise<void> {
  const [a, b] = devices;
  const split = Math.min(cut, all.length);
  for (const c of all.slice(0, split)) await capture(devices[c.device], c);
  const sentA = bFirst ? 0 : await send(a, b);
  const sentB = bFirst ? await send(b, a) : 0;
  for (const c of all.slice(split)) await capture(devices[c.device], c);
  if (bFirst) {
    await send(a, b, sentA);
    await send(b, a, sentB);
  } else {
    await send(b, a, sentB);
    await send(a, b, sentA);
  }
}

/** Everything `from` journaled after `after`, replayed into `to` as `from`'s device (a pull, without a server). */
export async function send(from: CoursePulseDb, to: CoursePulseDb, after = 0): Promise<number> {
  const rows = await from.syncJournal.where('seq').above(after).toArray();
  const entries = rows.map(({ seq: _seq, ...e }) => e as JournalEntry);
  await replayTransaction(to, [], (tx) => replayEntries(tx, from.journal.device!, entries));
  return rows.at(-1)?.seq ?? after;
}

/** The campaign the item tests edit and delete, named as the test needs. */
export const CAMPAIGN = 7;
export const campaignNamed = (name: string) => ({
  id: CAMPAIGN,
  name,
  platforms: ['x' as const],
  start: '2026-12-01',
  end: '2026-12-07',
  cost: null,
  counts: {},
  postIds: [],
  createdAt: T0,
});
