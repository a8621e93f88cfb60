/**
 * A CouchDB database in memory, with CouchDB's semantics where the engine relies on them: create-only
 * writes answer a conflict for an existing id, the changes feed lists each document once at its latest
 * sequence, in sequence order. A test helper: never shipped.
 */
import {
  type ChangesPage,
  type PutResult,
  type RemoteDoc,
  type RemoteInfo,
  type RemoteSeq,
  SyncError,
  type SyncRemote,
} from '../../../lib/sync/remote';

export class MemoryRemote implements SyncRemote {
  private docs = new Map<string, { doc: RemoteDoc; seq: number }>();
  private seq = 0;
  /** Set to fail the next requests: the error is thrown before anything is written or read. */
  failNext: SyncError[] = [];
  /** Set to write only this many documents of the next bulk write, then throw (a dropped connection). */
  cutBulkAfter: number | undefined;
  requests = 0;
  serverTime: number | undefined;

  constructor(readonly dbName = 'coursepulse') {}

  private enter(): void {
    this.requests++;
    const failure = this.failNext.shift();
    if (failure) throw failure;
  }

  async info(): Promise<RemoteInfo> {
    this.enter();
    return {
      dbName: this.dbName,
      docCount: this.docs.size,
      updateSeq: this.seq,
      serverTime: this.serverTime,
    };
  }

  async bulkPut(docs: RemoteDoc[]): Promise<PutResult[]> {
    this.enter();
    const results: PutResult[] = [];
    for (const [i, doc] of docs.entries()) {
      if (this.cutBulkAfter !== undefined && i >= this.cutBulkAfter) {
        this.cutBulkAfter = undefined;
        throw new SyncError('unreachable', 'connection dropped mid-write');
      }
      if (this.docs.has(doc._id)) {
        results.push({ id: doc._id, ok: false, conflict: true });
        continue;
      }
      // A copy, as a server keeps its own: later changes to the caller's object do not leak in.
      this.docs.set(doc._id, { doc: { ...structuredClone(doc), _rev: '1-x' }, seq: ++this.seq });
      results.push({ id: doc._id, ok: true });
    }
    this.cutBulkAfter = undefined;
    return results;
  }

  async changes(since: RemoteSeq | undefined, limit: number): Promise<ChangesPage> {
    this.enter();
    const after = Number(since ?? 0);
    const rows = [...this.docs.values()]
      .filter((d) => d.seq > after)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
    return {
      results: rows.map((r) => ({ id: r.doc._id, seq: r.seq, doc: structuredClone(r.doc) })),
      lastSeq: rows.length ? rows[rows.length - 1]!.seq : after,
    };
  }

  async get(id: string): Promise<RemoteDoc | null> {
    this.enter();
    const found = this.docs.get(id);
    return found ? structuredClone(found.doc) : null;
  }

  /** What a tampered server or another member's broken client could store: any document at all. */
  plant(doc: RemoteDoc): void {
    this.docs.set(doc._id, { doc, seq: ++this.seq });
  }

  ids(): string[] {
    return [...this.docs.keys()].sort();
  }
}
