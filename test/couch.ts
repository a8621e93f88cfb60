/**
 * The CouchDB-compatible server the sync tests talk to: the one .ci/run started (COUCH_URL), else one
 * of the test file's own on a free port, started with scripts/couch-server.sh and stopped by `stop()`
 * (test files run in parallel: a shared one could stop under another). Each test makes its own
 * database and users, so tests never share state and run against a server that has an admin (as
 * CouchDB does).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../scripts/couch-server.sh', import.meta.url));
/** The admin scripts/couch-server.sh creates (test servers only). */
export const COUCH_ADMIN = { user: 'admin', password: process.env.COUCH_ADMIN_PASSWORD ?? 'coursepulse-ci' };

export interface TestCouch {
  url: string;
  stop: () => void;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startTestCouch(): Promise<TestCouch> {
  const shared = process.env.COUCH_URL;
  if (shared) {
    if (!(await answers(shared))) throw new Error(`COUCH_URL ${shared} does not answer`);
    return { url: shared, stop: () => {} };
  }
  const port = String(await freePort());
  execFileSync('bash', [SCRIPT, 'start', port], { stdio: 'inherit' });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => execFileSync('bash', [SCRIPT, 'stop', port], { stdio: 'inherit' }),
  };
}

const adminAuth = `Basic ${Buffer.from(`${COUCH_ADMIN.user}:${COUCH_ADMIN.password}`).toString('base64')}`;

async function admin(url: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: adminAuth, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

export const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A user that can log in (CouchDB's `_users` document). */
export async function createUser(couch: TestCouch, name: string, password: string): Promise<void> {
  await admin(`${couch.url}/_users/org.couchdb.user:${encodeURIComponent(name)}`, 'PUT', {
    name,
    password,
    roles: [],
    type: 'user',
  });
}

/** A database only `members` may read and write, as the README tells users to set it up. */
export async function createDatabase(couch: TestCouch, db: string, members: string[]): Promise<void> {
  await admin(`${couch.url}/${db}`, 'PUT');
  await admin(`${couch.url}/${db}/_security`, 'PUT', {
    admins: { names: [], roles: [] },
    members: { names: members, roles: [] },
  });
}

/** Every document in a database, design documents aside (what two devices uploaded). */
export async function allDocIds(couch: TestCouch, db: string): Promise<string[]> {
  const page = (await admin(`${couch.url}/${db}/_all_docs`, 'GET')) as { rows: Array<{ id: string }> };
  return page.rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
}
