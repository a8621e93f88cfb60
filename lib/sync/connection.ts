/**
 * Sync's connection and its status, in extension storage (never synced, never in backups): the
 * password and passphrase stay on this device. The connection's presence is what "sync is on" means:
 * without it the background makes no request at all.
 */
import { browser } from 'wxt/browser';
import type { Millis } from '../db/schema';
import type { CouchConfig } from './couch';
import type { SyncErrorKind } from './remote';

export interface SyncConnection extends CouchConfig {
  /** The end-to-end encryption passphrase; absent: documents travel as they are. */
  passphrase?: string;
  /** What this browser is called beside what it contributed ("Chrome on Windows"). */
  deviceName: string;
}

export const MAX_DEVICE_NAME = 60;

/** A first name for this browser, from its user agent: the user may rename it at Connect. */
export function defaultDeviceName(userAgent: string): string {
  const browserName = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /CrOS/.test(userAgent)
      ? 'ChromeOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browserName} · ${system}` : browserName;
}

/** What the last sync step left, for Settings and the popup. */
export interface SyncStatus {
  /** The end of the last step that reached the server without an error. */
  lastSyncAt?: Millis;
  /** Local changes not yet on the server. */
  pending?: number;
  /** Documents received and refused (malformed, oversized, hostile), by id, from the last steps. */
  refused?: string[];
  /** The last step's failure; cleared by the next success. */
  error?: { kind: SyncErrorKind | 'passphrase'; message: string; at: Millis };
}

const CONNECTION_KEY = 'sync.connection';
const STATUS_KEY = 'sync.status';

export async function readConnection(): Promise<SyncConnection | null> {
  const stored = await browser.storage.local.get(CONNECTION_KEY);
  return (stored[CONNECTION_KEY] as SyncConnection | undefined) ?? null;
}

export async function saveConnection(connection: SyncConnection): Promise<void> {
  await browser.storage.local.set({ [CONNECTION_KEY]: connection, [STATUS_KEY]: {} });
}

export async function forgetConnection(): Promise<void> {
  await browser.storage.local.remove([CONNECTION_KEY, STATUS_KEY]);
}

export async function readStatus(): Promise<SyncStatus> {
  const stored = await browser.storage.local.get(STATUS_KEY);
  return (stored[STATUS_KEY] as SyncStatus | undefined) ?? {};
}

export async function writeStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

function watchKey<T>(key: string, onChange: (value: T | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]?.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const watchConnection = (onChange: (connection: SyncConnection | null) => void): (() => void) =>
  watchKey<SyncConnection>(CONNECTION_KEY, (value) => onChange(value ?? null));

export const watchStatus = (onChange: (status: SyncStatus) => void): (() => void) =>
  watchKey<SyncStatus>(STATUS_KEY, (value) => onChange(value ?? {}));
