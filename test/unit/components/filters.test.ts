import { describe, expect, it } from 'vitest';
import { pricePositions } from '../../../components/course-position';
import { filterCourses, sortCourses } from '../../../components/course-table';
import { NO_FILTER, postMatcher } from '../../../components/post-filter';
import type { StoredCourse, StoredPost } from '../../../lib/db/schema';

const post = (over: Partial<StoredPost>): StoredPost => ({
  platform: 'x',
  id: '1',
  url: 'https://x.com/a/status/1',
  authorId: 'a',
  authorHandle: 'alice',
  authorName: 'Alice',
  text: 'Rust tips',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdAtApprox: false,
  format: 'text',
  repostOf: null,
  metrics: {},
  metricsExact: true,
  links: [],
  hashtags: ['rust'],
  approx: [],
  metricsAt: 0,
  firstSeenAt: 0,
  lastSeenAt: 0,
  ...over,
});

describe('post filter', () => {
  const roles = new Map([
    ['x:a', 'mine' as const],
    ['x:b', 'competitor' as const],
  ]);
  const posts = [
    post({ id: '1' }),
    post({
      id: '2',
      authorId: 'b',
      authorHandle: 'bob',
      format: 'video',
      createdAt: '2026-02-01T00:00:00.000Z',
    }),
    post({ id: '3', authorId: 'c', text: 'Go news', hashtags: [], createdAt: null }),
  ];
  const ids = (filter: Partial<typeof NO_FILTER>) =>
    posts.filter(postMatcher({ ...NO_FILTER, ...filter }, roles)).map((p) => p.id);

  it('filters by owner, format, dates and text', () => {
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ ownership: 'mine' })).toEqual(['1']);
    expect(ids({ ownership: 'competitor' })).toEqual(['2']);
    expect(ids({ ownership: 'other' })).toEqual(['3']);
    expect(ids({ format: 'video' })).toEqual(['2']);
    // The end date takes the whole day; posts without a date drop out of a date filter.
    expect(ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['1']);
    expect(ids({ to: '2026-02-28' })).toEqual(['2']);
    expect(ids({ text: 'BOB' })).toEqual(['2']);
    expect(ids({ text: 'go' })).toEqual(['3']);
  });
});

const course = (over: Partial<StoredCourse>): StoredCourse => ({
  url: 'https://example.com/c',
  title: 'C',
  provider: 'P',
  price: null,
  currency: null,
  source: 'site',
  status: 'saved',
  firstSeenAt: 0,
  lastSeenAt: 0,
  ...over,
});

describe('course table', () => {
  const courses = [
    course({ url: 'u1', title: 'Rust', price: 199, currency: 'CNY', mine: true }),
    course({ url: 'u2', title: 'Go', price: 99, currency: 'CNY' }),
    course({ url: 'u3', title: 'Python', price: 499, currency: 'CNY', status: 'sighting' }),
    course({ url: 'u4', title: 'TS', price: 20, currency: 'USD' }),
    course({ url: 'u5', title: 'Old', price: null, status: 'dismissed' }),
  ];

  it('sorts with unknown values last in both directions', () => {
    const all = [...courses, course({ url: 'u6', title: 'Free?', price: null })];
    expect(sortCourses(all, 'price', true).map((c) => c.url)).toEqual(['u4', 'u2', 'u1', 'u3', 'u5', 'u6']);
    expect(sortCourses(all, 'price', false).map((c) => c.url)).toEqual(['u3', 'u1', 'u2', 'u4', 'u5', 'u6']);
    expect(sortCourses(all, 'title', true)[0]!.title).toBe('Free?');
  });

  it('filters by status (dismissed hidden from "all") and text', () => {
    expect(filterCourses(courses, 'all', '').map((c) => c.url)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(filterCourses(courses, 'sighting', '').map((c) => c.url)).toEqual(['u3']);
    expect(filterCourses(courses, 'mine', '').map((c) => c.url)).toEqual(['u1']);
    expect(filterCourses(courses, 'dismissed', '').map((c) => c.url)).toEqual(['u5']);
    expect(filterCourses(courses, 'all', 'pyth').map((c) => c.url)).toEqual(['u3']);
  });

  it("places the user's course among same-currency competitors only", () => {
    expect(pricePositions(courses)).toEqual([
      {
        url: 'u1',
        currency: 'CNY',
        price: 199,
        compared: 2,
        cheaper: 1,
        dearer: 1,
        median: 299,
        percentile: 0.5,
      },
    ]);
    expect(
      pricePositions([course({ url: 'm', price: 10, currency: 'EUR', mine: true }), courses[1]!])[0],
    ).toMatchObject({
      compared: 0,
      median: null,
      percentile: null,
    });
  });
});
