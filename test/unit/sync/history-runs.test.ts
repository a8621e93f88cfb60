/**
 * Posts', accounts' and courses' histories across three devices, with likes (followers, a price)
 * rising, falling and returning, captures without counts (quoted stubs, profile cards) among them,
 * and syncs at any point: every device ends with the same tables, and the history every reader sees
 * is exactly the one a single browser making every capture would have kept, whatever the syncs. Long
 * runs of the same counts (more sightings than a run holds, lib/db/runs.ts MAX_RUN_SEEN) too.
 * Synthetic post, account and course records (labelled: not captures), as the write-path tests use.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setClock } from '../../../lib/clock';
import { observationsOf } from '../../../lib/db/history';
import { accountPoints, coursePoints, MAX_RUN_SEEN } from '../../../lib/db/runs';
import type {
  AccountSnapshot,
  CoursePulseDb,
  CourseSnapshot,
  PostSnapshot,
  StoredAccount,
  StoredCourse,
  StoredPost,
} from '../../../lib/db/schema';
import { applyBatch } from '../../../lib/db/write';
import type { CaptureRecord } from '../../../lib/records';
import { syntheticPost } from '../db/synthetic';
import { journaling, send, tables } from './helpers';

afterEach(() => setClock());

const IDS = ['1', '2'] as const;
const DEVICES = 3;
const t = (n: number) => Date.parse('2026-12-01T00:00:00Z') + n * 60_000;

interface Capture {
  kind: 'capture';
  device: number;
  at: number;
  id: string;
  /** undefined: a capture without counts (a quoted stub). */
  likes?: number;
}
type Step = Capture | { kind: 'sync'; from: number; to: number };

/** Captures and syncs; each capture's likes move by one of `gains` from the entity's last. */
const stepsOf = (gains: fc.Arbitrary<number>, minLength: number, maxLength: number) =>
  fc
    .array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('capture' as const),
            device: fc.integer({ min: 0, max: DEVICES - 1 }),
            id: fc.constantFrom(...IDS),
            gain: gains,
            stub: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('sync' as const),
            from: fc.integer({ min: 0, max: DEVICES - 1 }),
            to: fc.integer({ min: 0, max: DEVICES - 1 }),
          }),
        },
      ),
      { minLength, maxLength },
    )
    .map((raw) => {
      let n = 0;
      const likes = new Map<string, number>();
      return raw.map((r): Step => {
        if (r.kind === 'sync') return r;
        n++;
        likes.set(r.id, Math.max(0, (likes.get(r.id) ?? 2) + r.gain));
        return {
          kind: 'capture',
          device: r.device,
          at: t(n),
          id: r.id,
          likes: r.stub ? undefined : likes.get(r.id),
        };
      });
    });

const steps = stepsOf(fc.integer({ min: -2, max: 2 }), 1, 16);
/** Mostly the same counts again, long enough for runs to fill (MAX_RUN_SEEN sightings between). */
const longRuns = stepsOf(fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 1, -1), 3 * MAX_RUN_SEEN, 5 * MAX_RUN_SEEN);

/** What a capture's count is of: a post's likes, or an account's followers. */
interface Entity {
  name: string;
  /** The record of a capture: `likes` undefined is one without counts (none where a capture always has them). */
  record(c: Capture): CaptureRecord | null;
  /** Each entity's history as readers see it, [time, count]. */
  histories(table: Record<string, unknown[]>): Map<string, Array<[number, number | undefined]>>;
}

const POSTS: Entity = {
  name: 'post',
  record: (c) => syntheticPost(c.id, { metrics: c.likes === undefined ? {} : { likes: c.likes } }),
  histories: (table) => {
    const snapshots = table.postSnapshots as PostSnapshot[];
    return new Map(
      (table.posts as StoredPost[]).map((p) => [
        p.id,
        observationsOf(
          p,
          snapshots.filter((s) => s.postId === p.id),
        ).map((o): [number, number | undefined] => [o.at, o.m.likes]),
      ]),
    );
  },
};

const ACCOUNTS: Entity = {
  name: 'account',
  record: (c) => ({
    kind: 'account',
    platform: 'x',
    id: c.id,
    handle: `dev${c.id}`,
    name: 'Dev',
    followersExact: c.likes !== undefined,
    ...(c.likes === undefined ? {} : { followers: c.likes }),
  }),
  histories: (table) => {
    const points = accountPoints(table.accountSnapshots as AccountSnapshot[]);
    return new Map(
      (table.accounts as StoredAccount[]).map((a) => [
        a.id,
        points
          .filter((p) => p.accountId === a.id)
          .map((p): [number, number | undefined] => [p.at, p.followers]),
      ]),
    );
  },
};

const COURSES: Entity = {
  name: 'course',
  // A course page's capture always sees a price: one without keeps the price known (lib/db/write.ts).
  record: (c) =>
    c.likes === undefined
      ? null
      : {
          kind: 'course',
          url: `https://courses.example/${c.id}`,
          title: `Course ${c.id}`,
          provider: 'Example',
          price: c.likes,
          currency: 'USD',
          source: 'site',
        },
  histories: (table) => {
    const points = coursePoints(table.courseSnapshots as CourseSnapshot[]);
    return new Map(
      (table.courses as StoredCourse[]).map((course) => {
        const id = course.url.split('/').at(-1)!;
        const own = points.filter((p) => p.url === course.url);
        return [id, own.map((p): [number, number | undefined] => [p.at, p.price ?? undefined])];
      }),
    );
  },
};

async function capture(db: CoursePulseDb, entity: Entity, c: Capture) {
  const record = entity.record(c);
  if (!record) return;
  setClock(c.at);
  await applyBatch(db, { batchId: `${c.device}-${c.at}`, records: [record], failures: [] }, c.at);
}

/**
 * Runs the steps on three devices, each capture preceded (with `pullFirst`) by a pull of everything
 * the others journaled, then a full exchange; returns every device's tables.
 */
async function run(entity: Entity, all: Step[], pullFirst: boolean) {
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, (_, i) => journaling(`dev-${i}`, 'post-runs')),
  );
  const sent = devices.map(() => devices.map(() => 0));
  const sync = async (from: number, to: number) => {
    if (from !== to) sent[from]![to] = await send(devices[from]!, devices[to]!, sent[from]![to]);
  };
  for (const step of all) {
    if (step.kind === 'sync') await sync(step.from, step.to);
    else {
      if (pullFirst) for (let from = 0; from < DEVICES; from++) await sync(from, step.device);
      await capture(devices[step.device]!, entity, step);
    }
  }
  for (let from = 0; from < DEVICES; from++) for (let to = 0; to < DEVICES; to++) await sync(from, to);
  const result = await Promise.all(devices.map(tables));
  await Promise.all(devices.map((d) => d.delete()));
  return result;
}

/** What one browser that made every capture keeps: the captures with counts where the likes change. */
function oneBrowser(all: Step[], id: string) {
  const out: Array<[number, number | undefined]> = [];
  for (const s of all)
    if (s.kind === 'capture' && s.id === id && s.likes !== undefined && out.at(-1)?.[1] !== s.likes)
      out.push([s.at, s.likes]);
  return out;
}

function expectSameAndChangesOnly(entity: Entity, result: Array<Record<string, unknown[]>>) {
  for (const other of result.slice(1)) expect(other).toEqual(result[0]);
  for (const history of entity.histories(result[0]!).values())
    history.forEach(([, likes], i) => {
      if (i > 0) expect(likes).not.toBe(history[i - 1]![1]);
    });
}

describe('histories as runs, on three devices', () => {
  for (const entity of [POSTS, ACCOUNTS, COURSES]) {
    it(`a${entity === ACCOUNTS ? 'n' : ''} ${entity.name}'s is exactly one browser’s history when each device pulls the others before it captures`, async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (all) => {
          const result = await run(entity, all, true);
          expectSameAndChangesOnly(entity, result);
          const seen = entity.histories(result[0]!);
          for (const id of IDS) {
            const expected = oneBrowser(all, id);
            if (all.some((s) => s.kind === 'capture' && s.id === id))
              expect(seen.get(id) ?? []).toEqual(expected);
          }
        }),
        { numRuns: 100, seed: 15 },
      );
    }, 600_000);

    for (const [name, arbitrary, numRuns] of [
      ['', steps, 100],
      [' over long runs of the same counts', longRuns, 25],
    ] as const)
      it(`${entity.name}s' are exactly one browser’s history whatever the syncs${name}`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (all) => {
            const result = await run(entity, all, false);
            expectSameAndChangesOnly(entity, result);
            const seen = entity.histories(result[0]!);
            for (const id of IDS) expect(seen.get(id) ?? []).toEqual(oneBrowser(all, id));
          }),
          { numRuns, seed: 15 },
        );
      }, 600_000);

    it(`${entity.name}s' date a return at the first sighting after other counts that fell inside a run unseen`, async () => {
      const all: Step[] = [
        { kind: 'capture', device: 0, at: t(1), id: '1', likes: 5 },
        { kind: 'capture', device: 1, at: t(2), id: '1', likes: 6 },
        { kind: 'capture', device: 0, at: t(3), id: '1', likes: 5 },
        { kind: 'capture', device: 0, at: t(5), id: '1', likes: 5 },
      ];
      const result = await run(entity, all, false);
      expectSameAndChangesOnly(entity, result);
      expect(entity.histories(result[0]!).get('1')).toEqual([
        [t(1), 5],
        [t(2), 6],
        [t(3), 5],
      ]);
      // A third device's counts inside the same run: the returns on either side of them too.
      const inside = await run(
        entity,
        [...all, { kind: 'capture' as const, device: 2, at: t(4), id: '1', likes: 7 }].sort(
          (x, y) => (x as Capture).at - (y as Capture).at,
        ),
        false,
      );
      expect(entity.histories(inside[0]!).get('1')).toEqual([
        [t(1), 5],
        [t(2), 6],
        [t(3), 5],
        [t(4), 7],
        [t(5), 5],
      ]);
    });

    it(`${entity.name}s' keep a run of many sightings in rows of at most ${MAX_RUN_SEEN} between`, async () => {
      const sightings = 3 * MAX_RUN_SEEN + 5;
      const all: Step[] = [
        ...Array.from(
          { length: sightings },
          (_, i): Step => ({
            kind: 'capture',
            device: 0,
            at: t(2 * i + 2),
            id: '1',
            likes: 5,
          }),
        ),
        // Another device's counts between two of the long run's sightings, pulled only afterwards.
        { kind: 'capture', device: 1, at: t(2 * MAX_RUN_SEEN + 7), id: '1', likes: 6 },
      ];
      const [tablesOf] = await run(entity, all, false);
      expect(entity.histories(tablesOf!).get('1')).toEqual(oneBrowser(all.toSorted(byTime), '1'));
      const rows = Object.values(tablesOf!).flat() as Array<{ seen?: number[]; runSeen?: number[] }>;
      for (const row of rows)
        expect((row.seen ?? row.runSeen ?? []).length).toBeLessThanOrEqual(MAX_RUN_SEEN);
      // Every sighting is kept: the run's rows hold them all.
      const kept = rows.flatMap((r) => [...(r.seen ?? []), ...(r.runSeen ?? [])]).length;
      expect(kept).toBeGreaterThanOrEqual(sightings - 2 * Math.ceil(sightings / MAX_RUN_SEEN));
    });
  }
});

const byTime = (x: Step, y: Step) => (x as Capture).at - (y as Capture).at;

describe('a course seen on its page and in a post, on two devices', () => {
  for (const pageFirst of [true, false])
    it(`keeps its page's price whichever syncs first (${pageFirst ? 'page' : 'post'} device first)`, async () => {
      const [page, post] = await Promise.all([
        journaling('dev-page', 'course-src'),
        journaling('dev-post', 'course-src'),
      ]);
      const course = (price: number, source: 'site' | 'post', at: number) => {
        setClock(at);
        const record = {
          ...COURSES.record({ kind: 'capture', device: 0, at, id: '1', likes: price })!,
          source,
        };
        return applyBatch(
          source === 'post' ? post : page,
          { batchId: `${source}-${at}`, records: [record], failures: [] },
          at,
        );
      };
      await course(199, 'site', t(1));
      await course(99, 'post', t(2));
      await course(99, 'post', t(3));
      const [first, second] = pageFirst ? [page, post] : [post, page];
      const sent = await send(first, second);
      await send(second, first);
      await send(first, second, sent);
      const [a, b] = await Promise.all([tables(page), tables(post)]);
      expect(a).toEqual(b);
      expect(a.courses).toMatchObject([{ price: 199, source: 'site' }]);
      // The post's price is in the history, where it was seen; the page's stays the course's.
      expect(COURSES.histories(a).get('1')).toEqual([
        [t(1), 199],
        [t(2), 99],
      ]);
      await Promise.all([page.delete(), post.delete()]);
    });
});
