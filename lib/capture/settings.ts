/**
 * Per-site capture switches live in extension storage, not IndexedDB, because content scripts must
 * read them before capturing and cannot open the extension origin's database.
 */
import { browser } from 'wxt/browser';
import type { Platform } from '../records';

const keyOf = (platform: Platform) => `capture.${platform}`;

export async function captureEnabled(platform: Platform): Promise<boolean> {
  const key = keyOf(platform);
  const stored = await browser.storage.local.get(key);
  return stored[key] !== false;
}

export async function setCaptureEnabled(platform: Platform, on: boolean): Promise<void> {
  await browser.storage.local.set({ [keyOf(platform)]: on });
}

export function watchCaptureSetting(platform: Platform, onChange: (on: boolean) => void): () => void {
  const key = keyOf(platform);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]?.newValue !== false);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
