/**
 * Stored posts per author, kept on write. The overview shows each own account's post count, and
 * Chromium's IndexedDB counts an index range by walking it (100-130 ms for an account's 20k posts),
 * so the counts are kept instead. Writes that know the posts they add, move or delete (capture,
 * deleting a post, loading sample data, restoring a backup) apply those changes; deleting an account
 * drops its row; clearing the sample, which deletes by id range, recounts the sample's authors.
 */
import type { Table } from 'dexie';
import type { Platform } from '../record-keys';
import type { AuthorTotal, StoredPost } from './schema';

export type AuthorKey = [Platform, string];

const keyText = ([platform, authorId]: AuthorKey) => `${platform}\u0000${authorId}`;

/** How each author's post count moves when `before` is replaced by `after` (undefined: no post). */
export function authorDeltas(
  changes: Iterable<readonly [StoredPost | undefined, StoredPost | undefined]>,
): Map<string, { key: AuthorKey; delta: number }> {
  const deltas = new Map<string, { key: AuthorKey; delta: number }>();
  const add = (post: StoredPost, delta: number) => {
    const key: AuthorKey = [post.platform, post.authorId];
    const entry = deltas.get(keyText(key)) ?? { key, delta: 0 };
    entry.delta += delta;
    deltas.set(keyText(key), entry);
  };
  for (const [before, after] of changes) {
    if (before?.authorId === after?.authorId && before?.platform === after?.platform) continue;
    if (before) add(before, -1);
    if (after) add(after, 1);
  }
  for (const [text, { delta }] of deltas) if (delta === 0) deltas.delete(text);
  return deltas;
}

/**
 * Applies `deltas` to the stored totals. `stored` holds totals already read (by author key text);
 * authors missing from it are read here. An author left with no posts loses its row.
 */
export async function applyAuthorDeltas(
  totals: Table<AuthorTotal, AuthorKey>,
  deltas: Map<string, { key: AuthorKey; delta: number }>,
  stored: ReadonlyMap<string, AuthorTotal | undefined>,
): Promise<void> {
  if (deltas.size === 0) return;
  const unread = [...deltas.values()].filter(({ key }) => !stored.has(keyText(key))).map(({ key }) => key);
  // Only an author a post moved away from is not among the batch's authors read up front.
  const read = unread.length ? new Map([...stored, ...(await readAuthorTotals(totals, unread))]) : stored;
  const puts: AuthorTotal[] = [];
  const gone: AuthorKey[] = [];
  for (const [text, { key, delta }] of deltas) {
    const posts = (read.get(text)?.posts ?? 0) + delta;
    if (posts > 0) puts.push({ platform: key[0], authorId: key[1], posts });
    else gone.push(key);
  }
  await Promise.all([totals.bulkPut(puts), totals.bulkDelete(gone)]);
}

/** The stored totals of these authors, by author key text (for applyAuthorDeltas). */
export async function readAuthorTotals(
  totals: Table<AuthorTotal, AuthorKey>,
  authors: Iterable<AuthorKey>,
): Promise<Map<string, AuthorTotal | undefined>> {
  const keys = uniqueAuthors(authors);
  const rows = await totals.bulkGet(keys);
  return new Map(keys.map((key, i) => [keyText(key), rows[i]]));
}

/** Counts these authors' posts again from the posts index (each count walks its range). */
export async function recountAuthors(
  posts: Table<StoredPost, AuthorKey>,
  totals: Table<AuthorTotal, AuthorKey>,
  authors: Iterable<AuthorKey>,
): Promise<void> {
  const keys = uniqueAuthors(authors);
  const counts = await Promise.all(keys.map((key) => posts.where('[platform+authorId]').equals(key).count()));
  await Promise.all([
    totals.bulkPut(
      keys.flatMap(([platform, authorId], i) =>
        counts[i]! > 0 ? [{ platform, authorId, posts: counts[i]! }] : [],
      ),
    ),
    totals.bulkDelete(keys.filter((_, i) => counts[i] === 0)),
  ]);
}

/** Every author's count from scratch (the schema upgrade that introduced the totals). */
export async function recountAllAuthors(
  posts: Table<StoredPost, AuthorKey>,
  totals: Table<AuthorTotal, AuthorKey>,
): Promise<void> {
  await totals.clear();
  const authors = (await posts.orderBy('[platform+authorId]').uniqueKeys()) as unknown as AuthorKey[];
  await recountAuthors(posts, totals, authors);
}

function uniqueAuthors(authors: Iterable<AuthorKey>): AuthorKey[] {
  return [...new Map([...authors].map((key) => [keyText(key), key])).values()];
}
