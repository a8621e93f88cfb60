/**
 * A thin client over Apache CouchDB's documented HTTP API (also IBM Cloudant and, in tests,
 * pouchdb-server): the four calls sync needs, each bounded by a timeout, every failure classified
 * into what the user can act on. Plain `fetch` works from the service worker; no PouchDB (a second
 * IndexedDB copy and `Function()`, see research/sync.md).
 */

/** Every request aborts after this long: a service worker step must end (research/sync.md). */
export const REQUEST_TIMEOUT_MS = 25_000;

/** What went wrong, in the terms the Settings page explains (one message key each). */
export type CouchErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'blocked'
  | 'unauthorized'
  | 'forbidden'
  | 'noDatabase'
  | 'notCouch'
  | 'server';

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

export interface CouchConfig {
  /** The server's address, e.g. https://couch.example.org or http://127.0.0.1:5984 (a path prefix is kept). */
  url: string;
  db: string;
  user: string;
  password: string;
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

/** One row of `_bulk_docs`' answer: `error: 'conflict'` means the document was already there. */
export interface BulkResult {
  id: string;
  rev?: string;
  error?: string;
  reason?: string;
}

export interface ChangesPage {
  results: Array<{ id: string; seq: string | number; deleted?: boolean; doc?: CouchDoc }>;
  last_seq: string | number;
  pending?: number;
}

export interface DbInfo {
  db_name: string;
  doc_count: number;
  update_seq: string | number;
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
export function classifyResponse(status: number, body: CouchErrorBody | null): CouchError {
  const detail = typeof body?.reason === 'string' ? body.reason : `HTTP ${status}`;
  if (status === 401) return new CouchError('unauthorized', detail, status);
  if (status === 403) return new CouchError('forbidden', detail, status);
  // CouchDB says which: a 404 without its JSON is some other web server at that address.
  if (status === 404) {
    return body?.error === 'not_found'
      ? new CouchError('noDatabase', detail, status)
      : new CouchError('notCouch', detail, status);
  }
  return new CouchError('server', detail, status);
}

/**
 * A fetch that never reached an answer. The browser says only "Failed to fetch" for both a server
 * that is down and one whose CORS refused the extension's origin; with the host permission granted
 * the browser skips CORS (research/sync.md), so then it can only be the network.
 */
export function classifyFailure(error: unknown, hostGranted: boolean): CouchError {
  if (error instanceof CouchError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError') return new CouchError('timeout', message);
  return new CouchError(hostGranted ? 'unreachable' : 'blocked', message);
}

export interface CouchClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Whether the browser holds the host permission for the server (decides how a failed fetch reads). */
  hostGranted?: () => Promise<boolean>;
}

export interface CouchClient {
  readonly base: string;
  /** The name the server knows these credentials by (null: it took them as nobody). */
  session(signal?: AbortSignal): Promise<string | null>;
  info(signal?: AbortSignal): Promise<DbInfo>;
  bulkDocs(docs: CouchDoc[], signal?: AbortSignal): Promise<BulkResult[]>;
  changes(since: string | number, limit: number, signal?: AbortSignal): Promise<ChangesPage>;
  allDocs(keys: string[], signal?: AbortSignal): Promise<Array<{ id: string; doc?: CouchDoc }>>;
}

export function couchClient(config: CouchConfig, options: CouchClientOptions = {}): CouchClient {
  const base = serverBase(config.url);
  if (!base) throw new CouchError('notCouch', `not an http(s) address: ${config.url}`);
  if (!validDbName(config.db))
    throw new CouchError('noDatabase', `not a CouchDB database name: ${config.db}`);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const hostGranted = options.hostGranted ?? (async () => true);
  const dbUrl = `${base}/${encodeURIComponent(config.db)}`;
  const authorization = basicAuth(config.user, config.password);

  async function request<T>(url: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
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
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw classifyFailure(error, await hostGranted().catch(() => false));
    }
    const body = (await response.json().catch(() => null)) as T | CouchErrorBody | null;
    if (!response.ok) throw classifyResponse(response.status, body as CouchErrorBody | null);
    if (body === null)
      throw new CouchError('notCouch', `HTTP ${response.status} without JSON`, response.status);
    return body as T;
  }

  return {
    base,
    session: async (signal) => {
      const answer = await request<{ userCtx?: { name?: unknown } }>(
        `${base}/_session`,
        { method: 'GET' },
        signal,
      );
      return typeof answer.userCtx?.name === 'string' ? answer.userCtx.name : null;
    },
    info: (signal) => request<DbInfo>(dbUrl, { method: 'GET' }, signal),
    bulkDocs: (docs, signal) =>
      request<BulkResult[]>(
        `${dbUrl}/_bulk_docs`,
        { method: 'POST', body: JSON.stringify({ docs }) },
        signal,
      ),
    changes: (since, limit, signal) => {
      const query = new URLSearchParams({ since: String(since), limit: String(limit), include_docs: 'true' });
      return request<ChangesPage>(`${dbUrl}/_changes?${query}`, { method: 'GET' }, signal);
    },
    allDocs: async (keys, signal) => {
      const page = await request<{ rows: Array<{ id?: string; key: string; doc?: CouchDoc | null }> }>(
        `${dbUrl}/_all_docs?include_docs=true`,
        { method: 'POST', body: JSON.stringify({ keys }) },
        signal,
      );
      return page.rows.map((row) => ({ id: row.id ?? row.key, doc: row.doc ?? undefined }));
    },
  };
}

/**
 * Connect's test, in the order that tells the user the one thing to fix: is a CouchDB there and do
 * these credentials log in (`_session`), then may this user read the database. pouchdb-server answers
 * 401 for a member-less login where CouchDB answers 403: the session check tells them apart.
 */
export async function checkConnection(
  client: CouchClient,
  user: string,
  signal?: AbortSignal,
): Promise<DbInfo> {
  const name = await client.session(signal);
  if (name !== user) throw new CouchError('unauthorized', `the server took the login as ${name ?? 'nobody'}`);
  try {
    return await client.info(signal);
  } catch (error) {
    if (error instanceof CouchError && error.kind === 'unauthorized') {
      throw new CouchError('forbidden', error.message, error.status);
    }
    throw error;
  }
}
