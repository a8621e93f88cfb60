import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import {
  asSeen,
  capturePost,
  exchange,
  journaling,
  type LikesCapture,
  likesCaptures,
  tables,
} from './helpers';

afterEach(() => setClock());

/**
 * Part of the captures, a partial sync in one direction, the rest, then a full exchange; returns the
 * two devices' tables and those of one device that made every capture itself.
 */
async function scenario(all: LikesCapture[], cut: number, bFirst: boolean) {
  const [a, b, one] = await Promise.all([
    journaling('dev-a', 'converge'),
    journaling('dev-b', 'converge'),
    journaling(null, 'converge'),
  ]);
  await exchange([a, b], all, cut, bFirst, capturePost);
  for (const c of all) await capturePost(one, c);
  const result = await Promise.all([tables(a), tables(b), tables(one)]);
  await Promise.all([a.delete(), b.delete(), one.delete()]);
  return result;
}

describe('sync convergence', () => {
  it('two devices with overlapping captures end with the tables one device would hold, in any order of sync', async () => {
    await fc.assert(
      fc.asyncProperty(
        likesCaptures(['1', '2', '3'], { min: 0, max: 2 }),
        fc.integer({ min: 0, max: 13 }),
        fc.boolean(),
        async (all, cut, bFirst) => {
          const [ta, tb, tOne] = await scenario(all, cut, bFirst);
          expect(ta).toEqual(tb);
          expect(asSeen(ta.posts)).toEqual(asSeen(tOne.posts));
          expect(ta.postSnapshots).toEqual(tOne.postSnapshots);
          expect(ta.authorTotals).toEqual(tOne.authorTotals);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  // Counts that fall back to an earlier value (an unlike) between two devices' observations: each
  // device kept only its changes, so neither can tell where the other's run of equal counts ended.
  // The two still agree; their history may place one change later than one device would have.
  it('two devices agree with each other when counts also fall, in any order of sync', async () => {
    await fc.assert(
      fc.asyncProperty(
        likesCaptures(['1', '2', '3'], { min: -2, max: 2 }),
        fc.integer({ min: 0, max: 13 }),
        fc.boolean(),
        async (all, cut, bFirst) => {
          const [ta, tb] = await scenario(all, cut, bFirst);
          expect(ta).toEqual(tb);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
