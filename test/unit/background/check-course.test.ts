// @vitest-environment happy-dom
/**
 * The popup's check of saved courses on the page it is opened on (issue 16's price-changed flag): the
 * tab's extractor runs on a real capture (the Udemy search page); only courses saved before are
 * compared, recorded as seen, and flagged once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  badgeFor,
  checkSavedCoursesInTab,
  flagCourseVisit,
  type SeenPriceChange,
} from '../../../lib/background/check-course';
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
let titles: Array<{ tabId?: number; title: string }>;
/** The address of the tab as the browser shows it to the extension (undefined: hidden). */
let tabUrl: string | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CoursePulseDb(`check-${Math.random()}`);
  await db.open();
  setClock(VISIT);
  badge = [];
  titles = [];
  tabUrl = undefined;
  Object.assign(fakeBrowser.action, {
    setBadgeText: async (details: { tabId?: number; text: string }) => void badge.push(details),
    setBadgeBackgroundColor: async () => {},
    setTitle: async (details: { tabId?: number; title: string }) => void titles.push(details),
  });
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string[]) => [key, ...(subs ?? [])].join(' | '),
    getUILanguage: () => 'en',
  });
  Object.assign(fakeBrowser.tabs, {
    get: async (id: number) => ({ id, url: tabUrl }),
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
  it('shows a saved course whose price changed since last seen, once, with one new snapshot', async () => {
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
    // The popup shows the change itself; the badge is for visits (flagCourseVisit).
    expect(badge).toEqual([]);
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
    expect(badge).toEqual([]);
    // Seeing the same price again is no edit of the user's (sync would carry one per popup opened).
    expect((await db.courses.get(FIRST))?.priceSeen).toEqual({ price: 17.99, currency: 'CAD', at: VISIT });
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

  it('a visit to any page of a saved course whose price a later save changed flags its tab; the popup marks it seen and clears the flag', async () => {
    // Saved from the listing at CA$21.99, then saved again from it at CA$17.99: not seen yet.
    await upsertCourses(db, listed.slice(0, 3), SAVED_AT, 'saved');
    await upsertCourses(db, [{ ...listed[0]!, price: 17.99 }], SAVED_AT + 3_600_000, 'saved');
    expect((await db.courses.get(FIRST))?.priceSeen).toEqual({ price: 21.99, currency: 'CAD', at: SAVED_AT });

    // A lecture of the course, with a coupon and a fragment: the same course key as the saver's.
    const lecture = 'https://www.udemy.com/course/100-days-of-code/learn/lecture/19583566?couponCode=X#notes';
    expect(await flagCourseVisit(db, TAB, lecture)).toMatchObject({ url: FIRST, from: 21.99, to: 17.99 });
    expect(badge).toEqual([{ tabId: TAB, text: '↓' }]);
    expect(titles).toEqual([
      {
        tabId: TAB,
        title:
          'competitorVisitBadge | 100 Days of Code: The Complete Python Pro Bootcamp for 2023 | CA$21.99 | CA$17.99 | Nov 20, 2026',
      },
    ]);
    // Another tab on a saved course whose price held, and one whose address is hidden: no flag.
    expect(await flagCourseVisit(db, TAB + 1, listed[1]!.url)).toBeUndefined();
    expect(await flagCourseVisit(db, TAB + 2, undefined)).toBeUndefined();
    expect(badge).toHaveLength(1);

    // The popup on the lecture (a page the extractor cannot call one course or a list): the change
    // is shown, recorded as seen, and the flag cleared; the next visit flags nothing.
    tabUrl = lecture;
    extracted = { kind: 'neither', page: lecture };
    expect(await checkSavedCoursesInTab(db, TAB)).toMatchObject({
      ok: true,
      detail: { checked: 1, changes: [{ url: FIRST, from: 21.99, to: 17.99, seenAt: SAVED_AT }] },
    });
    expect((await db.courses.get(FIRST))?.priceSeen).toEqual({ price: 17.99, currency: 'CAD', at: VISIT });
    expect(badge.at(-1)).toEqual({ tabId: TAB, text: '' });
    expect(titles.at(-1)).toEqual({ tabId: TAB, title: 'extName' });
    expect(await flagCourseVisit(db, TAB, lecture)).toBeUndefined();
    expect(badge).toHaveLength(2);
    // Nothing new was captured from a page that shows no course: no snapshot added.
    expect(await db.courseSnapshots.count()).toBe(4);
  });

  it('leaving a flagged page clears the flag, even where the new address is hidden', async () => {
    await upsertCourses(db, [listed[0]!], SAVED_AT, 'saved');
    await upsertCourses(db, [{ ...listed[0]!, price: 24.99 }], SAVED_AT + 1, 'saved');
    expect(await flagCourseVisit(db, TAB, FIRST)).toMatchObject({ from: 21.99, to: 24.99 });
    expect(badge).toEqual([{ tabId: TAB, text: '↑' }]);
    await flagCourseVisit(db, TAB, undefined);
    expect(badge.at(-1)).toEqual({ tabId: TAB, text: '' });
    // Cleared once: a tab never flagged keeps whatever badge it has (a save's ✓).
    await flagCourseVisit(db, TAB, 'https://www.udemy.com/');
    expect(badge).toHaveLength(2);
  });

  it('a page it cannot read still shows the change of the saved course whose address it is', async () => {
    await upsertCourses(db, [listed[0]!], SAVED_AT, 'saved');
    await upsertCourses(db, [{ ...listed[0]!, price: 17.99 }], SAVED_AT + 1, 'saved');
    tabUrl = FIRST;
    extracted = new Error('Cannot access contents of the page');
    expect(await checkSavedCoursesInTab(db, TAB)).toMatchObject({
      ok: true,
      detail: { checked: 1, changes: [{ from: 21.99, to: 17.99 }] },
    });
    expect((await db.courses.get(FIRST))?.priceSeen?.price).toBe(17.99);
  });

  it('saving is seeing: a sighting becomes saved at the price then shown; a course saved before keeps its seen price', async () => {
    await upsertCourses(db, [{ ...listed[0]!, source: 'post', seenIn: '1' }], SAVED_AT, 'sighting');
    expect((await db.courses.get(FIRST))?.priceSeen).toBeUndefined();
    await upsertCourses(db, [listed[0]!], SAVED_AT + 1, 'saved');
    expect((await db.courses.get(FIRST))?.priceSeen).toEqual({
      price: 21.99,
      currency: 'CAD',
      at: SAVED_AT + 1,
    });
    await upsertCourses(db, [{ ...listed[0]!, price: 9.99 }], SAVED_AT + 2, 'saved');
    expect((await db.courses.get(FIRST))?.priceSeen?.price).toBe(21.99);
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
