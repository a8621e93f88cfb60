/**
 * Pieces every X extractor (GraphQL, REST, DOM) shares: the caps of the record contract, the post
 * URL, and a collector that keeps each post and account once per extraction.
 */
import { MAX_BIO, MAX_ID, MAX_LIST, MAX_NAME, MAX_TEXT, MAX_URL } from '../../record-keys';
import type { AccountRecord, Extraction, Metrics, PostRecord } from '../../records';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Native ids are decimal strings (19 digits exceed 2^53, so numbers are never trusted). */
export const isNativeId = (v: unknown): v is string => typeof v === 'string' && /^\d{1,25}$/.test(v);

/** The first candidate that is a native id, else '' (an author id is never free text of any length). */
export const nativeIdOr = (...candidates: unknown[]): string => candidates.find(isNativeId) ?? '';

export const name = (s: string | undefined): string => (s ?? '').slice(0, MAX_NAME);
export const text = (s: string | undefined): string => (s ?? '').slice(0, MAX_TEXT);
/** Profile text as shown, capped; absent (not "") when the response does not carry it. */
export const bio = (s: string | undefined): string | undefined => s?.slice(0, MAX_BIO);
export const location = (s: string | undefined): string | undefined => s?.slice(0, MAX_NAME);

/** `https://x.com/<handle>/status/<id>`; X also resolves `/i/status/<id>` when the author is unknown. */
export const postUrl = (handle: string, id: string): string =>
  `https://x.com/${/^\w{1,50}$/.test(handle) ? handle : 'i'}/status/${id}`;

/** http(s) only, within the URL cap, each once, at most 50. */
export function httpLinks(urls: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    if (out.size >= MAX_LIST) break;
    if (u && u.length <= MAX_URL && /^https?:\/\//i.test(u)) out.add(u);
  }
  return [...out];
}

export function hashtagList(tags: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    if (out.size >= MAX_LIST) break;
    if (t) out.add(t.slice(0, MAX_NAME));
  }
  return [...out];
}

export function pruneMetrics(m: Metrics): Metrics {
  const out: Metrics = {};
  for (const [key, value] of Object.entries(m) as Array<[keyof Metrics, number | undefined]>) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export const validId = (id: string): boolean => id.length > 0 && id.length <= MAX_ID;

/**
 * Keeps each post and account once. X repeats a tweet in one response (quoted by five retweets, or
 * both pinned and in the timeline); a later copy only fills counts the first one lacked.
 */
export class RecordSet {
  private readonly posts = new Map<string, PostRecord>();
  private readonly accounts = new Map<string, AccountRecord>();
  readonly failures: Extraction['failures'] = [];

  hasPost(id: string): boolean {
    return this.posts.has(id);
  }

  addPost(post: PostRecord): void {
    const seen = this.posts.get(post.id);
    if (!seen) {
      this.posts.set(post.id, post);
      return;
    }
    for (const [key, value] of Object.entries(post.metrics) as Array<[keyof Metrics, number]>) {
      if (seen.metrics[key] === undefined) seen.metrics[key] = value;
    }
  }

  addAccount(account: AccountRecord): void {
    const seen = this.accounts.get(account.id);
    if (!seen) {
      this.accounts.set(account.id, account);
      return;
    }
    seen.followers ??= account.followers;
    seen.following ??= account.following;
    seen.posts ??= account.posts;
    seen.bio ??= account.bio;
    seen.location ??= account.location;
    if (!seen.handle) seen.handle = account.handle;
    if (!seen.name) seen.name = account.name;
    if (account.viewerIsOwner) seen.viewerIsOwner = true;
  }

  fail(extractor: string, reason: string): void {
    if (this.failures.length < 50) this.failures.push({ extractor, reason: reason.slice(0, 500) });
  }

  get postCount(): number {
    return this.posts.size;
  }

  toExtraction(): Extraction {
    const records: Extraction['records'] = [...this.posts.values(), ...this.accounts.values()];
    for (const account of records) if (account.kind === 'account') stripUndefined(account);
    return { records, failures: this.failures };
  }
}

/** Optional counts are left out rather than set to undefined, so records compare and serialise cleanly. */
function stripUndefined(record: AccountRecord): void {
  if (record.followers === undefined) delete record.followers;
  if (record.following === undefined) delete record.following;
  if (record.posts === undefined) delete record.posts;
  if (record.bio === undefined) delete record.bio;
  if (record.location === undefined) delete record.location;
}
