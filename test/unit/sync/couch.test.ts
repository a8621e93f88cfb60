// @vitest-environment node
// Node's own fetch against a real server: happy-dom's fetch would apply a page's CORS rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  checkConnection,
  couchRemote,
  insecure,
  originPattern,
  serverBase,
  validDbName,
} from '@/lib/sync/couch';
import { SyncError, type SyncErrorKind } from '@/lib/sync/remote';
import { createDatabase, createUser, startTestCouch, type TestCouch, uniqueName } from '../../couch';

async function kindOf(promise: Promise<unknown>): Promise<SyncErrorKind | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof SyncError) return error.kind;
    throw error;
  }
}

describe('addresses and credentials', () => {
  it('keeps an http(s) address without its trailing slash, path prefix included', () => {
    expect(serverBase(' https://couch.example.org/ ')).toBe('https://couch.example.org');
    expect(serverBase('http://nas.local:5984/couchdb//')).toBe('http://nas.local:5984/couchdb');
    expect(originPattern('http://nas.local:5984/couchdb')).toBe('http://nas.local:5984/*');
  });

  it('refuses what is not a plain server address', () => {
    expect(serverBase('couch.example.org')).toBeNull();
    expect(serverBase('ftp://couch.example.org')).toBeNull();
    expect(serverBase('https://alice:pw@couch.example.org')).toBeNull();
    expect(serverBase('https://couch.example.org/?x=1')).toBeNull();
  });

  it('warns about plain http beyond this machine', () => {
    expect(insecure('http://192.168.1.5:5984')).toBe(true);
    expect(insecure('http://127.0.0.1:5984')).toBe(false);
    expect(insecure('http://localhost:5984')).toBe(false);
    expect(insecure('https://couch.example.org')).toBe(false);
  });

  it("checks CouchDB's database name rule", () => {
    expect(validDbName('coursepulse')).toBe(true);
    expect(validDbName('team_a/sales-2026')).toBe(true);
    expect(validDbName('CoursePulse')).toBe(false);
    expect(validDbName('_users')).toBe(false);
    expect(validDbName('1db')).toBe(false);
  });

  it('encodes a non-Latin-1 password as UTF-8', () => {
    expect(basicAuth('alice', '课脉')).toBe(`Basic ${Buffer.from('alice:课脉', 'utf8').toString('base64')}`);
  });
});

describe('a failed fetch in the user terms', () => {
  const config = { url: 'https://couch.example.org', db: 'cp', user: 'alice', password: 'pw' };
  const failing = (error: unknown) => async () => {
    throw error;
  };

  it('is CORS or a block without the host permission, the network with it', async () => {
    const refused = new TypeError('Failed to fetch');
    const blocked = couchRemote(config, { fetch: failing(refused), hostGranted: async () => false });
    const down = couchRemote(config, { fetch: failing(refused), hostGranted: async () => true });
    expect(await kindOf(blocked.info())).toBe('cors');
    expect(await kindOf(down.info())).toBe('unreachable');
  });

  it('times out a server that never answers', async () => {
    const hanging: typeof fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const client = couchRemote(config, { fetch: hanging, timeoutMs: 50 });
    expect(await kindOf(client.info())).toBe('timeout');
  });

  it('tells a missing database from another web server at that address; a 5xx is a server error', async () => {
    const html = couchRemote(config, {
      fetch: async () => new Response('<h1>Not Found</h1>', { status: 404 }),
    });
    expect(await kindOf(html.info())).toBe('server');
    const missing = couchRemote(config, {
      fetch: async () =>
        Response.json({ error: 'not_found', reason: 'Database does not exist.' }, { status: 404 }),
    });
    expect(await kindOf(missing.info())).toBe('notFound');
    const broken = couchRemote(config, {
      fetch: async () => new Response('{"error":"internal_server_error"}', { status: 500 }),
    });
    expect(await kindOf(broken.info())).toBe('server');
    const proxy = couchRemote(config, {
      fetch: async () => new Response('<html>portal</html>', { status: 200 }),
    });
    expect(await kindOf(proxy.info())).toBe('server');
  });

  it('sends only the Authorization header, never cookies', async () => {
    let seen: RequestInit | undefined;
    const client = couchRemote(config, {
      fetch: async (_input, init) => {
        seen = init;
        return Response.json({ db_name: 'cp', doc_count: 0, update_seq: 0 });
      },
    });
    await client.info();
    expect(seen?.credentials).toBe('omit');
    expect((seen?.headers as Record<string, string> | undefined)?.Authorization).toBe(
      basicAuth('alice', 'pw'),
    );
  });
});

describe('against a CouchDB-compatible server', () => {
  let couch: TestCouch;
  const db = uniqueName('cp');
  const alice = { user: uniqueName('alice'), password: 'apw 课' };
  const eve = { user: uniqueName('eve'), password: 'epw' };
  const client = (who: { user: string; password: string }, name = db) =>
    couchRemote({ url: couch.url, db: name, ...who });

  beforeAll(async () => {
    couch = await startTestCouch();
    await createUser(couch, alice.user, alice.password);
    await createUser(couch, eve.user, eve.password);
    await createDatabase(couch, db, [alice.user]);
  }, 120_000);
  afterAll(() => couch?.stop());

  it('connects a member', async () => {
    const info = await checkConnection(client(alice), alice.user);
    expect(info.dbName).toBe(db);
    // The Date header: the engine compares clocks with it.
    expect(info.serverTime).toBeGreaterThan(0);
  });

  it('says which of password, database and rights is wrong', async () => {
    expect(await kindOf(checkConnection(client({ ...alice, password: 'wrong' }), alice.user))).toBe(
      'unauthorized',
    );
    expect(await kindOf(checkConnection(client(alice, 'no-such-db'), alice.user))).toBe('notFound');
    expect(await kindOf(checkConnection(client(eve), eve.user))).toBe('forbidden');
  });

  it('says a closed port is unreachable', async () => {
    const closed = couchRemote({ url: 'http://127.0.0.1:9', db, ...alice }, { timeoutMs: 5_000 });
    expect(await kindOf(closed.info())).toBe('unreachable');
  });

  it('pushes, re-pushes idempotently, pulls changes in pages and reads documents by id', async () => {
    const me = client(alice);
    const docs = [1, 2, 3].map((i) => ({ _id: `obs:dev1:${i}`, n: i }));
    expect(await me.bulkPut(docs)).toEqual(docs.map((d) => ({ id: d._id, ok: true })));
    // A re-push after a killed worker: the same ids are already there.
    expect(await me.bulkPut(docs)).toEqual(docs.map((d) => ({ id: d._id, ok: false, conflict: true })));

    const page1 = await me.changes(undefined, 2);
    expect(page1.results.map((r) => r.doc?.n)).toEqual([1, 2]);
    const page2 = await me.changes(page1.lastSeq, 2);
    expect(page2.results.map((r) => r.doc?.n)).toEqual([3]);
    const page3 = await me.changes(page2.lastSeq, 2);
    expect(page3.results).toEqual([]);

    expect((await me.get('obs:dev1:2'))?.n).toBe(2);
    expect(await me.get('obs:dev1:9')).toBeNull();
  });

  it("reports a refused document by id: a non-member's write", async () => {
    const stranger = client(eve);
    const results = await stranger.bulkPut([{ _id: 'obs:eve:1' }]).catch((error: SyncError) => error.kind);
    // CouchDB refuses the whole request (403); pouchdb-server answers per document.
    if (Array.isArray(results)) {
      expect(results).toEqual([
        { id: 'obs:eve:1', ok: false, reason: expect.stringMatching(/unauthorized|forbidden/) },
      ]);
    } else {
      expect(['forbidden', 'unauthorized']).toContain(results);
    }
  });
});
