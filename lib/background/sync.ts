/**
 * Sync in the background, the single writer: Connect and Disconnect from the Settings page, and the
 * engine's bounded steps after captures, on the alarm and when the dashboard opens. Every request
 * goes to the connected server, built from the stored connection; with none stored, nothing runs.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { CoursePulseDb } from '../db/schema';
import {
  forgetConnection,
  MAX_DEVICE_NAME,
  readConnection,
  type SyncConnection,
  saveConnection,
} from '../sync/connection';
import { checkConnection, couchRemote, MAX_DB_NAME, originPattern } from '../sync/couch';
import { connectSync, disconnectSync, SyncSetupError, syncUntilIdle } from '../sync/engine';
import { SyncError } from '../sync/remote';
import {
  CAPTURE_DEBOUNCE_MS,
  debounce,
  SYNC_ALARM,
  SYNC_PERIOD_MINUTES,
  serialSteps,
} from '../sync/schedule';
import { syncStatus } from '../sync/state';

const connection = z.strictObject({
  url: z.string().min(1).max(2_000),
  db: z.string().min(1).max(MAX_DB_NAME),
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(1_000),
  deviceName: z.string().min(1).max(MAX_DEVICE_NAME),
});

/** What the extension's pages ask of sync (the background refuses them from a tab, as all commands). */
export const SyncMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('sync.connect'),
    connection,
    passphrase: z.string().max(1_000).optional(),
  }),
  z.strictObject({ type: z.literal('sync.disconnect') }),
  z.strictObject({ type: z.literal('sync.now') }),
]);
export type SyncMessage = z.infer<typeof SyncMessage>;

/** A failure the Settings page explains by its kind (lib/sync/remote.ts, engine's SetupProblem). */
export type SyncReply = { ok: true } | { ok: false; kind: string; message: string };

export const isSyncMessage = (type: unknown): boolean => typeof type === 'string' && type.startsWith('sync.');

function remoteFor(stored: SyncConnection, signal?: AbortSignal) {
  const origins = [originPattern(stored.url)];
  return couchRemote(stored, { hostGranted: () => browser.permissions.contains({ origins }), signal });
}

const failure = (error: unknown): SyncReply => ({
  ok: false,
  kind: error instanceof SyncError || error instanceof SyncSetupError ? error.kind : 'internal',
  message: error instanceof Error ? error.message : String(error),
});

export interface SyncRunner {
  handle(message: unknown): Promise<SyncReply>;
  /** Disconnects, once any running step has stopped: nothing is requested or written after it. */
  disconnect(): Promise<void>;
  afterCapture(): void;
  /** A step now (or right after the running one); resolves when the step it joined ends. */
  now(): Promise<void>;
  onAlarm(name: string): void;
  /** At the worker's start: the alarm again if the browser dropped it. */
  resume(): Promise<void>;
}

export function syncRunner(db: CoursePulseDb): SyncRunner {
  // Aborted by Disconnect: the running step's request is cut and no further step starts.
  let stop = new AbortController();
  // The engine keeps a step's error in its status (Settings and the popup show it): nothing to add.
  const step = serialSteps(async () => {
    const stored = await readConnection();
    if (!stored || !(await syncStatus(db)).connected) return;
    const { signal } = stop;
    await syncUntilIdle(db, remoteFor(stored, signal), undefined, undefined, signal).catch(() => undefined);
  });
  const afterCapture = debounce(() => void step(), CAPTURE_DEBOUNCE_MS);

  async function connect(message: Extract<SyncMessage, { type: 'sync.connect' }>): Promise<SyncReply> {
    const stored: SyncConnection = message.connection;
    const remote = remoteFor(stored);
    await checkConnection(remote, stored.user);
    await connectSync(db, remote, {
      deviceName: stored.deviceName,
      user: stored.user,
      ...(message.passphrase && { passphrase: message.passphrase }),
    });
    await saveConnection(stored);
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    void step();
    return { ok: true };
  }

  async function disconnect(): Promise<void> {
    await browser.alarms.clear(SYNC_ALARM);
    await forgetConnection();
    stop.abort();
    await step.idle();
    stop = new AbortController();
    await disconnectSync(db);
  }

  return {
    async handle(raw) {
      const parsed = SyncMessage.safeParse(raw);
      if (!parsed.success) return { ok: false, kind: 'internal', message: parsed.error.message };
      const message = parsed.data;
      try {
        if (message.type === 'sync.connect') return await connect(message);
        if (message.type === 'sync.disconnect') {
          await disconnect();
          return { ok: true };
        }
        void step();
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    disconnect,
    afterCapture,
    now: step,
    onAlarm: (name) => {
      if (name === SYNC_ALARM) void step();
    },
    async resume() {
      if (!(await readConnection())) return;
      if (!(await browser.alarms.get(SYNC_ALARM))) {
        await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
      }
    },
  };
}
