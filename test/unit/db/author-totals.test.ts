import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { authorDeltas } from '../../../lib/db/author-totals';
import { deleteAccount, deletePost } from '../../../lib/db/delete';
import { clearSample, loadSample } from '../../../lib/db/sample-data';
import { CoursePulseDb, type StoredPost } from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import { exportBackupParts, importBackup, parseBackup } from '../../../lib/io/backup';
import type { PostRecord } from '../../../lib/records';
import { generateSample } from '../../../lib/sample';
import { ADAPTERS } from '../../../lib/sites/index';
import { fixtureJson } from '../fixtures';
import { runs } from '../property/hostile';
import { syntheticPost } from './synthetic';

const NOW = Date.parse('2026-11-27T12:00:00Z');

let db: CoursePulseDb;
beforeEach(async () => {
  db = new CoursePulseDb(`authors-${Math.random()}`);
  await db.open();
});

/** The stored totals, and what counting the posts themselves gives: they must always agree. */
async function totalsAndCounts(of: CoursePulseDb) {
  const totals = new Map(
    (await of.authorTotals.toArray()).map((t) => [`${t.platform}:${t.authorId}`, t.posts]),
  );
  const counts = new Map<string, number>();
  for (const p of await of.posts.toArray())
    counts.set(`${p.platform}:${p.authorId}`, (counts.get(`${p.platform}:${p.authorId}`) ?? 0) + 1);
  return { totals, counts };
}

async function expectTotalsAgree(of: CoursePulseDb = db) {
  const { totals, counts } = await totalsAndCounts(of);
  expect(totals).toEqual(counts);
  return totals;
}

/** Real captures through the real extractors: a user timeline with many authors (retweets, quotes). */
function realPosts(): PostRecord[] {
  const url = 'https://x.com/i/api/graphql/a/UserTweets';
  return ADAPTERS.x
    .extractJson(
      ADAPTERS.x.endpointOf(url)!,
      fixtureJson('twitter/vladkens__twscrape/raw_user_tweets.json'),
      {
        url,
        now: new Date(NOW),
      },
    )
    .records.filter((r): r is PostRecord => r.kind === 'post');
}

// Synthetic posts (labelled): only the fields the counts depend on vary.
const post = (id: string, authorId: string, likes = 1): PostRecord =>
  syntheticPost(id, {
    authorId,
    authorHandle: authorId ? `h${authorId}` : '',
    authorName: '',
    metrics: { likes },
  });

describe('author totals (posts per author, kept on write)', () => {
  it('count the real timeline posts of each author, and stay put when the same posts are seen again', async () => {
    const records = realPosts();
    await applyBatch(db, { batchId: 'real-1', records, failures: [] }, NOW);
    const totals = await expectTotalsAgree();
    expect(totals.size).toBeGreaterThan(1);
    const changed = records.map((r) => ({
      ...r,
      metrics: { ...r.metrics, likes: (r.metrics.likes ?? 0) + 1 },
    }));
    await applyBatch(db, { batchId: 'real-2', records: changed, failures: [] }, NOW + 3600_000);
    expect(await expectTotalsAgree()).toEqual(totals);
  });

  it('move a post from an unknown author to the author a later capture names', async () => {
    await applyBatch(db, { batchId: 'b1', records: [post('1', ''), post('2', '')], failures: [] }, NOW);
    expect(await expectTotalsAgree()).toEqual(new Map([['x:', 2]]));
    await applyBatch(db, { batchId: 'b2', records: [post('1', '42')], failures: [] }, NOW + 1);
    expect(await expectTotalsAgree()).toEqual(
      new Map([
        ['x:', 1],
        ['x:42', 1],
      ]),
    );
  });

  it('follow the deletion of a post and of an account with its posts', async () => {
    await applyBatch(
      db,
      { batchId: 'b1', records: [post('1', '42'), post('2', '42'), post('3', '7')], failures: [] },
      NOW,
    );
    await deletePost(db, 'x', '1');
    expect(await expectTotalsAgree()).toEqual(
      new Map([
        ['x:42', 1],
        ['x:7', 1],
      ]),
    );
    await deleteAccount(db, 'x', '42');
    expect(await expectTotalsAgree()).toEqual(new Map([['x:7', 1]]));
  });

  it('take in sample data and give it back exactly when it is cleared', async () => {
    await applyBatch(db, { batchId: 'real', records: realPosts(), failures: [] }, NOW);
    const before = await expectTotalsAgree();
    await loadSample(db, generateSample({ now: NOW, postsPerAccount: 25, observationsPerPost: 2 }));
    const withSample = await expectTotalsAgree();
    expect([...withSample.keys()].filter((k) => k.includes(':sample-')).length).toBeGreaterThan(0);
    await clearSample(db);
    expect(await expectTotalsAgree()).toEqual(before);
  });

  it('are kept by an import, which does not carry them, and a second import changes nothing', async () => {
    await loadSample(db, generateSample({ now: NOW, postsPerAccount: 20, observationsPerPost: 2 }));
    await applyBatch(db, { batchId: 'real', records: realPosts(), failures: [] }, NOW);
    const text = (await exportBackupParts(db, new Date(NOW))).join('');
    expect(text).not.toContain('authorTotals');
    const target = new CoursePulseDb(`authors-import-${Math.random()}`);
    await applyBatch(target, { batchId: 'other', records: [post('9', '42')], failures: [] }, NOW);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    await importBackup(target, parsed);
    const once = await expectTotalsAgree(target);
    expect(once.get('x:42')).toBe(1);
    await importBackup(target, parsed);
    expect(await expectTotalsAgree(target)).toEqual(once);
  });

  it('agree with the posts after any sequence of captures and deletions (property)', async () => {
    const author = fc.constantFrom('', '1', '2', '3');
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('batch' as const),
        posts: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), author, fc.nat(5)), { maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('deletePost' as const), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('deleteAccount' as const), author }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const run = new CoursePulseDb(`authors-prop-${Math.random()}`);
        let at = NOW;
        for (const [i, s] of steps.entries()) {
          at += 1000;
          if (s.kind === 'batch') {
            const records = s.posts.map(([id, a, likes]) => post(String(id), a, likes));
            await applyBatch(run, { batchId: `p${i}`, records, failures: [] }, at);
          } else if (s.kind === 'deletePost') await deletePost(run, 'x', String(s.id));
          else await deleteAccount(run, 'x', s.author);
        }
        const { totals, counts } = await totalsAndCounts(run);
        run.close();
        expect(totals).toEqual(counts);
      }),
      { numRuns: runs(60) },
    );
    // Sixty databases opened and filled: 4 s alone, over the 5 s default when the machine is busy.
  }, 30_000);
});

describe('authorDeltas', () => {
  const stored = (id: string, authorId: string) => ({ platform: 'x', id, authorId }) as StoredPost;
  it('counts new posts, moved posts and removed posts, and leaves unchanged authors out', () => {
    const deltas = authorDeltas([
      [undefined, stored('1', 'a')],
      [undefined, stored('2', 'a')],
      [stored('3', 'a'), stored('3', 'b')],
      [stored('4', 'c'), stored('4', 'c')],
      [stored('5', 'c'), undefined],
      [stored('6', 'b'), stored('6', 'a')],
    ]);
    expect(new Map([...deltas.values()].map(({ key, delta }) => [key.join(':'), delta]))).toEqual(
      new Map([
        ['x:a', 2],
        ['x:c', -1],
      ]),
    );
  });
});
