/**
 * A thin client over Apache CouchDB's documented HTTP API (also IBM Cloudant and, in tests,
 * pouchdb-server): the SyncRemote the engine needs (lib/sync/remote.ts), each request bounded by a
 * timeout, every failure classified into what the user can act on. Plain `fetch` works from the service worker; no PouchDB (a second
 * IndexedDB copy and `Function()`, see research/sync.md).
 */
import {
  type PutResult,
  type RemoteDoc,
  type RemoteInfo,
  type RemoteSeq,
  SyncError,
  type SyncRemote,
} from './remote';

/** Every request aborts after this long: a service worker step must end (research/sync.md). */
export const REQUEST_TIMEOUT_MS = 25_000;

export interface CouchConfig {
  /** The server's address, e.g. https://couch.example.org or http://127.0.0.1:5984 (a path prefix is kept). */
  url: string;
  db: string;
  user: string;
  password: string;
}

/** CouchDB's rule for database names (the server refuses anything else with 400). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
export const MAX_DB_NAME = 238;

export const validDbName = (name: string): boolean => name.length <= MAX_DB_NAME && DB_NAME.test(name);

/** The server's address without a trailing slash, or null when it is not an http(s) URL. */
export function serverBase(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // Credentials belong in their own fields, never in the address that is shown and stored.
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return null;
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The match pattern asked for with `permissions.request`: that server's origin, nothing else. */
export const originPattern = (base: string): string => `${new URL(base).origin}/*`;

/** Plain http anywhere but this machine sends the password readable by anyone on the way. */
export function insecure(base: string): boolean {
  const { protocol, hostname } = new URL(base);
  return protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** `Basic` credentials of a UTF-8 user and password (btoa alone refuses anything beyond Latin-1). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

interface CouchErrorBody {
  error?: unknown;
  reason?: unknown;
}

/** A failed response in the user's terms. */
export function classifyResponse(status: number, body: CouchErrorBody | null): SyncError {
  const detail = typeof body?.reason === 'string' ? body.reason : `HTTP ${status}`;
  if (status === 401) return new SyncError('unauthorized', detail, status);
  if (status === 403) return new SyncError('forbidden', detail, status);
  // CouchDB says which: a 404 without its JSON is some other web server at that address.
  if (status === 404 && body?.error === 'not_found') return new SyncError('notFound', detail, status);
  return new SyncError('server', detail, status);
}

/**
 * A fetch that never reached an answer. The browser says only "Failed to fetch" for both a server
 * that is down and one whose CORS refused the extension's origin; with the host permission granted
 * the browser skips CORS (research/sync.md), so then it can only be the network.
 */
export function classifyFailure(error: unknown, hostGranted: boolean): SyncError {
  if (error instanceof SyncError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError') return new SyncError('timeout', message);
  return new SyncError(hostGranted ? 'unreachable' : 'cors', message);
}

export interface CouchClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Whether the browser holds the host permission for the server (decides how a failed fetch reads). */
  hostGranted?: () => Promise<boolean>;
  /** Aborted by Disconnect: no request starts after it, and one under way is cut. */
  signal?: AbortSignal;
}

/** SyncRemote over HTTP, plus the login check Connect needs. */
export interface CouchRemote extends SyncRemote {
  readonly base: string;
  /** The name the server knows these credentials by (null: it took them as nobody). */
  session(): Promise<string | null>;
}

interface CouchBulkRow {
  id: string;
  error?: string;
  reason?: string;
}

interface CouchChanges {
  results: Array<{ id: string; seq: RemoteSeq; deleted?: boolean; doc?: RemoteDoc }>;
  last_seq: RemoteSeq;
}

interface CouchInfo {
  db_name: string;
  doc_count: number;
  update_seq: RemoteSeq;
}

/** A bulk row in the engine's terms: CouchDB's 409 `conflict` is "already there". */
export function putResult(row: CouchBulkRow): PutResult {
  if (!row.error) return { id: row.id, ok: true };
  if (row.error === 'conflict') return { id: row.id, ok: false, conflict: true };
  return { id: row.id, ok: false, reason: `${row.error}: ${row.reason ?? ''}`.trim() };
}

export function couchRemote(config: CouchConfig, options: CouchClientOptions = {}): CouchRemote {
  const base = serverBase(config.url);
  if (!base) throw new SyncError('unreachable', `not an http(s) address: ${config.url}`);
  if (!validDbName(config.db)) throw new SyncError('notFound', `not a CouchDB database name: ${config.db}`);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const hostGranted = options.hostGranted ?? (async () => true);
  const dbUrl = `${base}/${encodeURIComponent(config.db)}`;
  const authorization = basicAuth(config.user, config.password);

  async function request<T>(
    url: string,
    init: RequestInit = { method: 'GET' },
  ): Promise<{ body: T; date: string | null }> {
    options.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        ...init,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: authorization,
        },
        // The Authorization header is the only credential: no cookies of the server's site.
        credentials: 'omit',
        cache: 'no-store',
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      });
    } catch (error) {
      throw classifyFailure(error, await hostGranted().catch(() => false));
    }
    const body = (await response.json().catch(() => null)) as T | CouchErrorBody | null;
    if (!response.ok) throw classifyResponse(response.status, body as CouchErrorBody | null);
    // A captive portal or a proxy's page: not CouchDB's JSON.
    if (body === null || typeof body !== 'object') {
      throw new SyncError('server', `HTTP ${response.status} without CouchDB's JSON`, response.status);
    }
    return { body: body as T, date: response.headers.get('Date') };
  }

  return {
    base,
    session: async () => {
      const { body } = await request<{ userCtx?: { name?: unknown } }>(`${base}/_session`);
      return typeof body.userCtx?.name === 'string' ? body.userCtx.name : null;
    },
    info: async () => {
      const { body, date } = await request<CouchInfo>(dbUrl);
      const serverTime = date ? Date.parse(date) : Number.NaN;
      return {
        dbName: body.db_name,
        docCount: body.doc_count,
        updateSeq: body.update_seq,
        ...(Number.isFinite(serverTime) && { serverTime }),
      };
    },
    bulkPut: async (docs) => {
      const { body } = await request<CouchBulkRow[]>(`${dbUrl}/_bulk_docs`, {
        method: 'POST',
        body: JSON.stringify({ docs }),
      });
      if (!Array.isArray(body) || body.length !== docs.length) {
        throw new SyncError('server', 'a bulk write answered with another number of rows');
      }
      return body.map(putResult);
    },
    changes: async (since, limit) => {
      const query = new URLSearchParams({
        since: String(since ?? 0),
        limit: String(limit),
        include_docs: 'true',
      });
      const { body } = await request<CouchChanges>(`${dbUrl}/_changes?${query}`);
      if (!Array.isArray(body.results)) throw new SyncError('server', 'a changes page without results');
      return { results: body.results, lastSeq: body.last_seq };
    },
    get: async (id) => {
      try {
        return (await request<RemoteDoc>(`${dbUrl}/${encodeURIComponent(id)}`)).body;
      } catch (error) {
        if (error instanceof SyncError && error.kind === 'notFound') return null;
        throw error;
      }
    },
  };
}

/**
 * Connect's test, in the order that tells the user the one thing to fix: is a CouchDB there and do
 * these credentials log in (`_session`), then may this user read the database. pouchdb-server answers
 * 401 for a logged-in non-member where CouchDB answers 403: the session check tells them apart.
 */
export async function checkConnection(remote: CouchRemote, user: string): Promise<RemoteInfo> {
  const name = await remote.session();
  if (name !== user) throw new SyncError('unauthorized', `the server took the login as ${name ?? 'nobody'}`);
  try {
    return await remote.info();
  } catch (error) {
    if (error instanceof SyncError && error.kind === 'unauthorized') {
      throw new SyncError('forbidden', error.message, error.status);
    }
    throw error;
  }
}
