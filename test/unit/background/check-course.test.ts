// @vitest-environment happy-dom
/**
 * The popup's check of saved courses on the page it is opened on (issue 16's price-changed flag): the
 * tab's extractor runs on a real capture (the Udemy search page); only courses saved before are
 * compared, recorded as seen, and flagged once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeFor, checkSavedCoursesInTab, type SeenPriceChange } from '../../../lib/background/check-course';
import { setClock } from '../../../lib/clock';
import { CoursePulseDb } from '../../../lib/db/schema';
import { upsertCourses } from '../../../lib/db/write';
import type { CourseRecord } from '../../../lib/records';
import { readCoursePage } from '../../../lib/sites/course';
import { quietDocument } from '../sites/course/helpers';

const TAB = 9;
const FIRST = 'https://www.udemy.com/course/100-days-of-code/';
const SAVED_AT = Date.UTC(2026, 10, 20, 9);
const VISIT = Date.UTC(2026, 11, 6, 12);
const read = readCoursePage(
  quietDocument('courses/soodaayush__udemy-price-tracker/index.html'),
  'https://www.udemy.com/courses/search/?q=python',
);
if (read.kind !== 'list') throw new Error(`a listing, not ${read.kind}`);
const listed = read.courses as CourseRecord[];
const withFirstAt = (price: number) => ({
  ...read,
  courses: listed.map((c) => (c.url === FIRST ? { ...c, price } : c)),
});

let db: CoursePulseDb;
let extracted: unknown;
let badge: Array<{ tabId?: number; text: string }>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CoursePulseDb(`check-${Math.random()}`);
  await db.open();
  setClock(VISIT);
  badge = [];
  Object.assign(fakeBrowser.action, {
    setBadgeText: async (details: { tabId?: number; text: string }) => void badge.push(details),
    setBadgeBackgroundColor: async () => {},
  });
  Object.assign(fakeBrowser.scripting, {
    executeScript: vi.fn(async () => {
      if (extracted instanceof Error) throw extracted;
      return [{ result: extracted }];
    }),
  });
});
afterEach(() => setClock());

describe("the popup's check of saved courses on the page", () => {
  it('flags a saved course whose price changed since last seen, once, with one new snapshot and a badge', async () => {
    await upsertCourses(db, listed.slice(0, 3), SAVED_AT, 'saved');
    extracted = withFirstAt(17.99);
    expect(await checkSavedCoursesInTab(db, TAB)).toEqual({
      ok: true,
      detail: {
        checked: 3,
        lastSeenAt: SAVED_AT,
        changes: [
          {
            url: FIRST,
            title: '100 Days of Code: The Complete Python Pro Bootcamp for 2023',
            from: 21.99,
            fromCurrency: 'CAD',
            to: 17.99,
            toCurrency: 'CAD',
            seenAt: SAVED_AT,
          },
        ],
      },
    });
    expect(badge).toEqual([{ tabId: TAB, text: '↓' }]);
    const history = await db.courseSnapshots
      .where('[url+at]')
      .between([FIRST, 0], [FIRST, Infinity])
      .toArray();
    expect(history.map((s) => [s.at, s.price])).toEqual([
      [SAVED_AT, 21.99],
      [VISIT, 17.99],
    ]);
    // The 28 listed courses never saved stay unsaved.
    expect(await db.courses.count()).toBe(3);

    // Seen now: the next visit at the same price flags nothing and adds nothing.
    setClock(VISIT + 60_000);
    expect(await checkSavedCoursesInTab(db, TAB)).toMatchObject({
      ok: true,
      detail: { checked: 3, changes: [], lastSeenAt: VISIT },
    });
    expect(await db.courseSnapshots.count()).toBe(4);
    expect(badge).toHaveLength(1);
  });

  it('a page with no saved course, a sighting only, or a page it cannot read writes nothing', async () => {
    extracted = withFirstAt(17.99);
    expect(await checkSavedCoursesInTab(db, TAB)).toEqual({
      ok: true,
      detail: { checked: 0, changes: [], lastSeenAt: null },
    });
    await upsertCourses(db, [{ ...listed[0]!, source: 'post', seenIn: '1' }], SAVED_AT, 'sighting');
    expect(await checkSavedCoursesInTab(db, TAB)).toMatchObject({ detail: { checked: 0, changes: [] } });
    extracted = { kind: 'neither', page: 'https://www.udemy.com/about/' };
    expect(await checkSavedCoursesInTab(db, TAB)).toMatchObject({ detail: { checked: 0 } });
    extracted = new Error('Cannot access contents of the page');
    expect(await checkSavedCoursesInTab(db, TAB)).toEqual({
      ok: false,
      reason: 'cannot read this page: Cannot access contents of the page',
    });
    expect((await db.courses.toArray()).map((c) => c.status)).toEqual(['sighting']);
    expect(badge).toEqual([]);
  });

  it('the badge says which way prices went, "$" when mixed or in another currency', () => {
    const change = (from: number, to: number, toCurrency = 'CNY'): SeenPriceChange => ({
      url: 'u',
      title: 't',
      from,
      fromCurrency: 'CNY',
      to,
      toCurrency,
      seenAt: 0,
    });
    expect(badgeFor([change(99, 79), change(10, 0)])).toBe('↓');
    expect(badgeFor([change(79, 99)])).toBe('↑');
    expect(badgeFor([change(79, 99), change(99, 79)])).toBe('$');
    expect(badgeFor([change(79, 12, 'USD')])).toBe('$');
  });
});
