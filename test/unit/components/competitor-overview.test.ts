// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CompetitorAccount,
  catalogueTrends,
  competitorGroups,
  courseSeries,
  courseTrends,
  coveredFrom,
  postingOver,
  priceChanges,
} from '../../../components/competitor-overview';
import { categoryPositions } from '../../../components/course-position';
import { CoursePulseDb, type StoredCourse } from '../../../lib/db/schema';
import { upsertCourses } from '../../../lib/db/write';
import type { CourseRecord } from '../../../lib/records';
import { readCoursePage } from '../../../lib/sites/course';
import { quietDocument } from '../sites/course/helpers';

const FIRST = 'https://www.udemy.com/course/100-days-of-code/';
const T1 = Date.parse('2026-11-02T09:00:00Z');
const T2 = Date.parse('2026-11-20T18:30:00Z');
const T3 = Date.parse('2026-12-01T08:00:00Z');

/** The real Udemy search page's 31 courses, as the listing extractor reads them. */
function listed(): CourseRecord[] {
  const read = readCoursePage(
    quietDocument('courses/soodaayush__udemy-price-tracker/index.html'),
    'https://www.udemy.com/courses/search/?q=python',
  );
  if (read.kind !== 'list') throw new Error(`a listing, not ${read.kind}`);
  return read.courses;
}

let db: CoursePulseDb;
beforeEach(async () => {
  db = new CoursePulseDb(`test-${Math.random()}`);
  await db.open();
});

describe('price changes, read from what the write path stores', () => {
  it('a second visit with a lowered price is one change in the timeline; an unchanged third visit adds none', async () => {
    const courses = listed();
    await upsertCourses(db, courses, T1, 'saved');
    const lowered = courses.map((c) => (c.url === FIRST ? { ...c, price: 17.99 } : c));
    await upsertCourses(db, lowered, T2, 'saved');
    await upsertCourses(db, lowered, T3, 'saved');
    const snapshots = await db.courseSnapshots.toArray();
    expect(snapshots).toHaveLength(32);
    expect(priceChanges(snapshots)).toEqual([
      { url: FIRST, at: T2, since: T1, from: 21.99, to: 17.99, currency: 'CAD' },
    ]);
    const own = snapshots.filter((s) => s.url === FIRST);
    // The card's list price (CA$139.99) beside the price, in the course's currency.
    expect(courseSeries(own, 'CAD').price).toEqual([
      [T1 / 1000, T2 / 1000],
      [21.99, 17.99],
      [139.99, 139.99],
    ]);
  });

  it('rating trend from the stored snapshots; Udemy cards carry no students, so none is made up', async () => {
    const [first] = listed();
    await upsertCourses(db, [first!], T1, 'saved');
    await upsertCourses(db, [{ ...first!, rating: 4.8 }], T2, 'saved');
    const own = await db.courseSnapshots.where('[url+at]').between([FIRST, 0], [FIRST, Infinity]).toArray();
    expect(courseTrends(own)).toEqual({
      students: null,
      rating: { first: 4.7, last: 4.8, firstAt: T1, lastAt: T2, change: expect.closeTo(0.1, 9) },
    });
    expect(courseSeries(own, 'CAD').audience).toEqual([
      [T1 / 1000, T2 / 1000],
      [null, null],
      [4.7, 4.8],
    ]);
  });

  it('skips observations without a price and does not compare across currencies; newest change first', () => {
    const snap = (url: string, at: number, price: number | null, currency: string | null) => ({
      url,
      at,
      price,
      currency,
    });
    expect(
      priceChanges([
        snap('a', 1, 100, 'CNY'),
        snap('a', 2, null, null),
        snap('a', 3, 80, 'CNY'),
        snap('a', 4, 12, 'USD'),
        snap('a', 5, 10, 'USD'),
        snap('b', 6, 5, 'EUR'),
        snap('b', 7, 0, 'EUR'),
      ]),
    ).toEqual([
      { url: 'b', at: 7, since: 6, from: 5, to: 0, currency: 'EUR' },
      { url: 'a', at: 5, since: 4, from: 12, to: 10, currency: 'USD' },
      { url: 'a', at: 3, since: 1, from: 100, to: 80, currency: 'CNY' },
    ]);
  });
});

describe('competitors: instructors of saved courses and competitor accounts', () => {
  const account = (id: string, name: string, handle: string): CompetitorAccount => ({
    platform: 'x',
    id,
    name,
    handle,
  });
  const saved = () =>
    listed().map((c) => ({ ...c, status: 'saved' as const, firstSeenAt: T1, lastSeenAt: T1 }));

  it('an account whose name is one of the names an instructor line gives is that competitor', () => {
    const jose = account('1', 'Jose Salvatierra', 'jslvtr');
    const other = account('2', 'Someone Else', 'else');
    const groups = competitorGroups(saved(), [jose, other]);
    const teclado = groups.find((g) => g.key === 'Jose Salvatierra, Teclado by Jose Salvatierra');
    expect(teclado).toMatchObject({ accounts: [jose], linkedBy: 'name' });
    expect(teclado?.courses).toHaveLength(2);
    // Unclaimed accounts follow the catalogues, alone.
    expect(groups.at(-1)).toEqual({
      key: 'x:2',
      name: 'Someone Else',
      courses: [],
      accounts: [other],
      linkedBy: null,
    });
    expect(groups.filter((g) => g.courses.length > 0).reduce((n, g) => n + g.courses.length, 0)).toBe(31);
  });

  it("the user's link wins: an account linked to another instructor, or none, is not matched by name", () => {
    const jose = account('1', 'Jose Salvatierra', 'jslvtr');
    const groups = competitorGroups(saved(), [jose], {
      'Jose Portilla': 'x:1',
      'Dr. Angela Yu': '',
    });
    expect(groups.find((g) => g.key === 'Jose Portilla')).toMatchObject({
      accounts: [jose],
      linkedBy: 'user',
    });
    expect(groups.find((g) => g.key.startsWith('Jose Salvatierra'))).toMatchObject({
      accounts: [],
      linkedBy: null,
    });
    expect(groups.find((g) => g.key === 'Dr. Angela Yu')).toMatchObject({ accounts: [], linkedBy: null });
    expect(groups.some((g) => g.key === 'x:1')).toBe(false);
  });

  it("the user's own course in its category: price among same-currency competitors, ranks by rating", () => {
    const courses: Array<StoredCourse> = saved();
    const mine = {
      ...courses[0]!,
      url: 'https://www.udemy.com/course/mine/',
      mine: true,
      price: 15,
      rating: 4.65,
    };
    const positions = categoryPositions([...courses, mine, { ...mine, url: 'u', provider: 'Gumroad' }]);
    const prices = courses.map((c) => c.price as number).sort((a, b) => a - b);
    expect(positions).toEqual([
      {
        url: mine.url,
        category: 'Udemy',
        currency: 'CAD',
        price: 15,
        compared: 31,
        cheaper: prices.filter((p) => p < 15).length,
        median: prices[15],
        students: null,
        rating: {
          rank: 1 + courses.filter((c) => (c.rating ?? 0) > 4.65).length,
          of: 1 + courses.filter((c) => c.rating !== undefined).length,
        },
      },
    ]);
  });
});

describe('posting cadence and engagement', () => {
  const NOW = Date.parse('2026-12-06T12:00:00Z');
  const post = (daysAgo: number, metrics: Record<string, number>) => ({
    createdAt: new Date(NOW - daysAgo * 86_400_000).toISOString(),
    metrics,
  });

  it('posts per week over the last weeks, median engagements and median rate by views', () => {
    const posts = [
      post(1, { likes: 10, views: 100 }),
      post(8, { likes: 20, comments: 10, views: 1000 }),
      post(20, { likes: 4 }),
      post(30, { likes: 6, views: 60 }),
      // Older than 4 weeks: outside.
      post(40, { likes: 1000, views: 1000 }),
      { createdAt: null, metrics: { likes: 1 } },
    ];
    expect(postingOver(posts, NOW, { weeks: 4 })).toEqual({
      posts: 3,
      perWeek: 0.75,
      medianEngagements: 10,
      medianRate: expect.closeTo(0.065, 9),
      weeks: 4,
    });
    expect(postingOver([], NOW, { weeks: 4 })).toMatchObject({ posts: 0, perWeek: null, medianRate: null });
  });

  it('an account read only to its newest N posts counts its cadence over the span those cover', () => {
    const busy = [post(0.5, { likes: 1 }), post(1, { likes: 1 }), post(7, { likes: 1 })];
    const quiet = [post(20, { likes: 1 })];
    const from = coveredFrom([busy, quiet], 3);
    expect(from).toBe(NOW - 7 * 86_400_000);
    // Three posts in the week the read covers, not three in eight weeks.
    expect(postingOver(busy, NOW, { weeks: 8, coveredFrom: from }).perWeek).toBe(3);
    expect(postingOver(busy, NOW, { weeks: 8 }).perWeek).toBe(3 / 8);
  });
});

describe("a competitor's catalogue at a glance", () => {
  it('adds up students, averages ratings and counts cuts and rises, over the courses that show them', () => {
    const trend = (first: number, last: number) => ({
      first,
      last,
      firstAt: 1,
      lastAt: 2,
      change: last - first,
    });
    expect(
      catalogueTrends(
        [
          { students: trend(100, 150), rating: trend(4.0, 4.4) },
          { students: trend(10, 10), rating: null },
          { students: null, rating: trend(4.6, 4.6) },
          { students: null, rating: null },
        ],
        [
          { from: 10, to: 8 },
          { from: 8, to: 9 },
          { from: 20, to: 5 },
        ],
      ),
    ).toEqual({
      students: { total: 160, change: 50, courses: 2 },
      rating: { mean: 4.5, change: expect.closeTo(0.2, 9), courses: 2 },
      cuts: 2,
      rises: 1,
    });
    expect(catalogueTrends([], [])).toEqual({ students: null, rating: null, cuts: 0, rises: 0 });
  });
});
