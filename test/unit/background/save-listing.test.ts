// @vitest-environment happy-dom
/**
 * "Save this course" on a listing page (issue 16), the background's side: the preview's answer saves
 * only courses the background itself read from the page, only for the preview it opened (nonce), and a
 * page that is neither a course nor a list saves nothing. The tab's extractor runs on a real capture.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { saveCourseFromTab, saveListingChoice } from '../../../lib/background/save-course';
import { setClock } from '../../../lib/clock';
import { CoursePulseDb } from '../../../lib/db/schema';
import { readCoursePage } from '../../../lib/sites/course';
import { quietDocument } from '../sites/course/helpers';

const TAB = 7;
const PAGE = 'https://www.udemy.com/courses/search/?q=python';
const read = readCoursePage(quietDocument('courses/soodaayush__udemy-price-tracker/index.html'), PAGE);
let db: CoursePulseDb;
let injected: Array<{ func?: { name: string }; args?: unknown[] }>;
/** What the tab's extractor returns in the next save. */
let extracted: unknown;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CoursePulseDb(`listing-${Math.random()}`);
  await db.open();
  setClock(Date.UTC(2026, 11, 6, 12));
  injected = [];
  extracted = read;
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string[]) => [key, ...(subs ?? [])].join(' '),
    getUILanguage: () => 'en',
  });
  Object.assign(fakeBrowser.action, {
    setBadgeText: async () => {},
    setBadgeBackgroundColor: async () => {},
  });
  Object.assign(fakeBrowser.scripting, {
    executeScript: vi.fn(async (options: { files?: string[]; func?: { name: string }; args?: unknown[] }) => {
      if (options.files) return [{ result: extracted }];
      injected.push(options);
      return [{ result: undefined }];
    }),
  });
});
afterEach(() => setClock());

const nonceOfPreview = () => {
  const preview = injected.find((i) => i.func?.name === 'showListingPreviewInPage');
  return preview?.args?.[2] as string;
};

describe('saving a listing page', () => {
  it('shows a preview of the 31 listed courses and saves only the ones picked, linked to the page', async () => {
    expect(await saveCourseFromTab(db, TAB)).toEqual({ ok: true, detail: { listed: 31 } });
    expect(await db.courses.count()).toBe(0);
    const items = injected.find((i) => i.func?.name === 'showListingPreviewInPage')?.args?.[0] as Array<{
      title: string;
      price: string;
      saved: boolean;
    }>;
    expect(items).toHaveLength(31);
    expect(items[0]).toMatchObject({ price: 'CA$21.99', saved: false });
    const first = 'https://www.udemy.com/course/100-days-of-code/';
    const reply = await saveListingChoice(
      db,
      { type: 'listing.save', nonce: nonceOfPreview(), urls: [first, 'https://evil.example/course/x'] },
      TAB,
    );
    expect(reply).toEqual({ ok: true, detail: { saved: 1 } });
    expect((await db.courses.toArray()).map((c) => [c.url, c.listedOn, c.price])).toEqual([
      [first, 'https://www.udemy.com/courses/search/', 21.99],
    ]);
    // Seen again with another price: the preview flags the change since the course was saved.
    extracted = {
      ...(read as { kind: 'list'; page: string; courses: Array<{ price: number | null }> }),
      courses: (read as { courses: Array<{ url: string; price: number | null }> }).courses.map((c) =>
        c.url === first ? { ...c, price: 17.99 } : c,
      ),
    };
    const nonce = nonceOfPreview();
    injected = [];
    await saveCourseFromTab(db, TAB);
    const again = injected[0]?.args?.[0] as Array<{ saved: boolean; changed?: string }>;
    expect(again[0]).toMatchObject({ saved: true, changed: 'listingPriceChanged CA$21.99' });
    expect(again[1]).toMatchObject({ saved: false });
    expect(again[1]?.changed).toBeUndefined();
    // The first preview is replaced: answering it saves nothing.
    expect(await saveListingChoice(db, { type: 'listing.save', nonce, urls: [first] }, TAB)).toMatchObject({
      ok: false,
    });
  });

  it('refuses an answer with another nonce or from another tab', async () => {
    await saveCourseFromTab(db, TAB);
    const urls = ['https://www.udemy.com/course/100-days-of-code/'];
    const forged = { type: 'listing.save', nonce: '0123456789abcdef0123', urls };
    expect(await saveListingChoice(db, forged, TAB)).toMatchObject({ ok: false });
    expect(
      await saveListingChoice(db, { type: 'listing.save', nonce: nonceOfPreview(), urls }, TAB + 1),
    ).toMatchObject({ ok: false });
    expect(await db.courses.count()).toBe(0);
  });

  it('saves nothing on a page that is neither one course nor a list, and says so', async () => {
    extracted = { kind: 'neither', page: 'https://www.classcentral.com/about' };
    expect(await saveCourseFromTab(db, TAB)).toEqual({ ok: false, reason: 'listingNeither' });
    expect(await db.courses.count()).toBe(0);
    expect(injected.map((i) => i.func?.name)).toEqual(['showToastInPage']);
  });

  it('saving a course page again says when its price changed since it was saved', async () => {
    const course = (read as { courses: Array<Record<string, unknown>> }).courses[0];
    extracted = { kind: 'course', course };
    await saveCourseFromTab(db, TAB);
    extracted = { kind: 'course', course: { ...course, price: 17.99 } };
    setClock(Date.UTC(2026, 11, 7, 12));
    injected = [];
    await saveCourseFromTab(db, TAB);
    const toast = injected.find((i) => i.func?.name === 'showToastInPage')?.args?.[0];
    expect(toast).toContain('listingPriceChanged CA$21.99');
    expect((await db.courseSnapshots.toArray()).map((snapshot) => snapshot.price)).toEqual([21.99, 17.99]);
  });
});
