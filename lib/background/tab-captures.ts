/**
 * What was captured in each tab, for the popup's "on this page" list. Kept in session storage so a
 * service-worker restart keeps it and a browser restart forgets it.
 */
import { browser } from 'wxt/browser';
import type { CaptureRecord } from '../records';

export interface TabCaptures {
  posts: Array<[string, string]>;
  accounts: Array<[string, string]>;
  courses: string[];
}

const MAX_PER_KIND = 300;
const keyOf = (tabId: number) => `tab.${tabId}`;

export async function rememberTabCapture(tabId: number, records: CaptureRecord[]): Promise<void> {
  const current = await tabCaptures(tabId);
  const add = <T>(list: T[], item: T, same: (a: T) => boolean) => {
    if (!list.some(same)) list.unshift(item);
    list.length = Math.min(list.length, MAX_PER_KIND);
  };
  for (const r of records) {
    if (r.kind === 'post')
      add(current.posts, [r.platform, r.id], ([p, id]) => p === r.platform && id === r.id);
    else if (r.kind === 'account')
      add(current.accounts, [r.platform, r.id], ([p, id]) => p === r.platform && id === r.id);
    else if (r.kind === 'course') add(current.courses, r.url, (u) => u === r.url);
  }
  await browser.storage.session.set({ [keyOf(tabId)]: current });
}

const noCaptures = (): TabCaptures => ({ posts: [], accounts: [], courses: [] });

export async function tabCaptures(tabId: number): Promise<TabCaptures> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)] as TabCaptures | undefined;
  return stored ?? noCaptures();
}

/**
 * Calls `listener` with the tab's captures now and whenever the background keeps more, until the
 * returned function is called: a popup opened before the page's first capture is kept must still
 * show it (the database rows it would read do not exist yet, so no live query would notice them).
 */
export function watchTabCaptures(tabId: number, listener: (captures: TabCaptures) => void): () => void {
  const key = keyOf(tabId);
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    changed = true;
    listener((changes[key]!.newValue as TabCaptures | undefined) ?? noCaptures());
  };
  browser.storage.onChanged.addListener(onChanged);
  void tabCaptures(tabId).then((captures) => {
    // A change that arrived while reading is newer than what the read returned.
    if (!changed) listener(captures);
  });
  return () => browser.storage.onChanged.removeListener(onChanged);
}
