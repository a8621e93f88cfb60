/**
 * What the sync engine needs from the server, and nothing more: the contract between the engine
 * (lib/sync/*) and the HTTP client to CouchDB (lib/sync/couch.ts), so either side can change without
 * the other and the engine is tested against an in-memory server (test/unit/sync/memory-remote.ts).
 *
 * Every document the engine writes is immutable and created once under a deterministic id: a write
 * of an id that already exists is a conflict, which the engine reads as "already there" (a re-push
 * after a stopped service worker). The engine never updates or deletes a document.
 */

/** A document as stored on the server: `_id` always, `_rev` as the server set it. */
export interface RemoteDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

/** CouchDB's sequence: opaque (a string on CouchDB 2+, a number on pouchdb-server); passed back as is. */
export type RemoteSeq = string | number;

export interface RemoteInfo {
  /** The database's name as the server reports it. */
  dbName: string;
  docCount: number;
  updateSeq: RemoteSeq;
  /**
   * The server's clock (epoch ms) from the response's `Date` header, when present: the engine
   * compares it with the device's own clock to report a skewed clock (lib/sync/engine.ts).
   */
  serverTime?: number;
}

/** The outcome of one document of a bulk write, in the order of the request. */
export type PutResult =
  | { id: string; ok: true }
  /** The id exists already (CouchDB 409): for the engine's immutable documents, "already there". */
  | { id: string; ok: false; conflict: true }
  /** Refused by the server for this document only (a validate_doc_update guard: 403 forbidden). */
  | { id: string; ok: false; conflict?: false; reason: string };

export interface ChangeRow {
  id: string;
  seq: RemoteSeq;
  deleted?: boolean;
  /** Present: changes are always read with include_docs. Absent for a deleted document. */
  doc?: RemoteDoc;
}

export interface ChangesPage {
  /** In the server's order; at most `limit` rows. */
  results: ChangeRow[];
  /** The sequence to pass as `since` for the next page. */
  lastSeq: RemoteSeq;
}

export interface SyncRemote {
  /** The database's info; throws SyncError('notFound') when it does not exist. */
  info(): Promise<RemoteInfo>;
  /** Creates documents without `_rev` (create-only); one result per document, in order. */
  bulkPut(docs: RemoteDoc[]): Promise<PutResult[]>;
  /** One page of the changes feed after `since` (0 or undefined: from the start), with documents. */
  changes(since: RemoteSeq | undefined, limit: number): Promise<ChangesPage>;
  /** One document, or null when there is none (404). */
  get(id: string): Promise<RemoteDoc | null>;
}

/** Why a request failed, in the words the Settings page needs to say what is wrong. */
export type SyncErrorKind =
  /** No answer: DNS, refused connection, network down ("Failed to fetch" without CORS headers too). */
  | 'unreachable'
  /** The request took longer than the engine allows and was aborted. */
  | 'timeout'
  /** 401: wrong user or password. */
  | 'unauthorized'
  /** 403: not a member of the database, or a validate_doc_update guard refused. */
  | 'forbidden'
  /** 404 on the database: no such database. */
  | 'notFound'
  /** The origin answered but the browser blocked the response (no host permission, CORS off). */
  | 'cors'
  /** 5xx, or a response that is not what CouchDB sends. */
  | 'server';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** A failure worth retrying later as is (the next alarm); the others need the user to act. */
export const isTransient = (error: unknown): boolean =>
  error instanceof SyncError &&
  (error.kind === 'unreachable' || error.kind === 'timeout' || error.kind === 'server');
