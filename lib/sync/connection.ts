/**
 * Sync's server and credentials, in extension storage (never synced, never in backups): the password
 * stays on this device. The passphrase is not kept: the key derived from it is, in the engine's
 * state (lib/sync/engine.ts). Without a stored connection the background makes no request at all.
 */
import { browser } from 'wxt/browser';
import { type CouchConfig, originPattern } from './couch';

export interface SyncConnection extends CouchConfig {
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

const CONNECTION_KEY = 'sync.connection';

export async function readConnection(): Promise<SyncConnection | null> {
  const stored = await browser.storage.local.get(CONNECTION_KEY);
  return (stored[CONNECTION_KEY] as SyncConnection | undefined) ?? null;
}

export async function saveConnection(connection: SyncConnection): Promise<void> {
  await browser.storage.local.set({ [CONNECTION_KEY]: connection });
}

export async function forgetConnection(): Promise<void> {
  await browser.storage.local.remove(CONNECTION_KEY);
}

/**
 * Gives up the host permission for the server (from an extension page, after Disconnect). Another
 * feature holding the same origin is impossible: the extension's only hosts are the three sites,
 * which are required and never a sync server's address in practice.
 */
export async function removeHostGrant(url: string): Promise<void> {
  await browser.permissions.remove({ origins: [originPattern(url)] }).catch(() => false);
}

export function watchConnection(onChange: (connection: SyncConnection | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CONNECTION_KEY in changes) {
      onChange((changes[CONNECTION_KEY]?.newValue as SyncConnection | undefined) ?? null);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
