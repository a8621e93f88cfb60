/**
 * "Save this course": with the activeTab grant of the click, run the course extractor in that tab,
 * validate what it returns, store it, and confirm in the page and on the badge. On a listing page
 * (issue 16) it shows a preview of the listed courses instead; the courses the user picks there are
 * saved, each linked to the page. A page that is neither one course nor a list saves nothing and says so.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { formatCount, priceText } from '@/components/format';
import { now } from '../clock';
import type { CoursePulseDb, StoredCourse } from '../db/schema';
import { logFailure, upsertCourses } from '../db/write';
import type { CommandReply } from '../messages';
import { MAX_BATCH_RECORDS, MAX_URL } from '../record-keys';
import { CourseRecord } from '../records';
import { seenPriceChange } from './check-course';
import { type PreviewItem, showListingPreviewInPage } from './listing-preview';
import { readTab, validCourses } from './read-tab';
import { showToastInPage } from './toast';

/** The preview's answer, sent from the tab: the URLs picked and the nonce of the preview shown. */
const ListingChoice = z.strictObject({
  type: z.literal('listing.save'),
  nonce: z.string().min(16).max(64),
  urls: z.array(z.string().max(MAX_URL)).max(MAX_BATCH_RECORDS),
});

/** A preview waiting for the user, per tab; in session storage so a service-worker restart keeps it. */
interface PendingListing {
  nonce: string;
  page: string;
  courses: CourseRecord[];
}
const pendingKey = (tabId: number) => `listing:${tabId}`;

export async function saveCourseFromTab(db: CoursePulseDb, tabId: number): Promise<CommandReply> {
  const at = now();
  const read = await readTab(tabId);
  if (read.kind === 'unread') {
    await logFailure(db, { extractor: 'course.page', reason: read.reason }, at);
    await confirm(tabId, { ok: false, reason: read.reason });
    return { ok: false, reason: read.reason };
  }
  if (read.kind === 'neither') {
    const reason = browser.i18n.getMessage('listingNeither');
    await confirm(tabId, { ok: false, reason });
    return { ok: false, reason };
  }
  if (read.kind === 'list') return previewListing(db, tabId, read.courses);
  const before = await db.courses.get(read.course.url);
  const changed = priceChange(before, read.course, browser.i18n.getUILanguage());
  await upsertCourses(db, [read.course], at, 'saved');
  await confirm(tabId, { ok: true, course: read.course, changed });
  return { ok: true, detail: read.course };
}

async function previewListing(db: CoursePulseDb, tabId: number, found: unknown[]): Promise<CommandReply> {
  const courses = validCourses(found);
  if (courses.length === 0) {
    const reason = browser.i18n.getMessage('listingNeither');
    await confirm(tabId, { ok: false, reason });
    return { ok: false, reason };
  }
  const saved = await db.courses.bulkGet(courses.map((c) => c.url));
  const nonce = crypto.randomUUID();
  const pending: PendingListing = { nonce, page: courses[0]?.listedOn ?? '', courses };
  await browser.storage.session.set({ [pendingKey(tabId)]: pending });
  const i18n = browser.i18n;
  const tag = i18n.getUILanguage();
  const items: PreviewItem[] = courses.map((c, i) => ({
    url: c.url,
    title: c.title || c.url,
    price: c.price === null ? i18n.getMessage('toastNoPrice') : priceText(c.price, c.currency, tag),
    listPrice: c.listPrice === undefined ? undefined : priceText(c.listPrice, c.currency, tag),
    details: [
      c.instructor,
      c.students === undefined ? '' : i18n.getMessage('listingStudents', [formatCount(c.students, tag)]),
      c.rating === undefined ? '' : `★ ${c.rating}`,
    ]
      .filter(Boolean)
      .join(' · '),
    saved: saved[i]?.status === 'saved',
    changed: priceChange(saved[i], c, tag),
  }));
  await browser.scripting.executeScript({
    target: { tabId },
    func: showListingPreviewInPage,
    args: [
      items,
      {
        heading: i18n.getMessage('listingHeading', [String(courses.length)]),
        save: i18n.getMessage('listingSave', ['{count}']),
        cancel: i18n.getMessage('listingCancel'),
        all: i18n.getMessage('listingAll'),
        none: i18n.getMessage('listingNone'),
        saved: i18n.getMessage('listingAlreadySaved'),
        listPrice: i18n.getMessage('listingListPrice'),
      },
      nonce,
      // The e2e test reads the preview's rows; a real page must not reach into it.
      import.meta.env.VITE_E2E ? 'open' : 'closed',
    ],
  });
  return { ok: true, detail: { listed: courses.length } };
}

/** The saved price a course had before the page's price, in words; undefined when unchanged or unknown. */
function priceChange(saved: StoredCourse | undefined, page: CourseRecord, tag: string): string | undefined {
  const change = seenPriceChange(saved, page);
  return change
    ? browser.i18n.getMessage('listingPriceChanged', [priceText(change.from, change.fromCurrency, tag)])
    : undefined;
}

/**
 * The user's pick from the preview in tab `tabId`: the picked courses of the pending preview (the
 * background's own validated copies, never records from the page) are saved, linked to the page.
 */
export async function saveListingChoice(
  db: CoursePulseDb,
  message: unknown,
  tabId: number | undefined,
): Promise<CommandReply> {
  const choice = ListingChoice.safeParse(message);
  if (!choice.success || tabId === undefined) return { ok: false, reason: 'not a listing choice' };
  const key = pendingKey(tabId);
  const pending = (await browser.storage.session.get(key))[key] as PendingListing | undefined;
  if (!pending || pending.nonce !== choice.data.nonce) {
    const reason = browser.i18n.getMessage('listingExpired');
    await confirm(tabId, { ok: false, reason });
    return { ok: false, reason };
  }
  await browser.storage.session.remove(key);
  const picked = new Set(choice.data.urls);
  const courses = pending.courses.filter((c) => picked.has(c.url));
  await upsertCourses(db, courses, now(), 'saved');
  await confirm(tabId, { ok: true, saved: courses.length });
  return { ok: true, detail: { saved: courses.length } };
}

/** A link is saved as a course to complete the next time its page is saved. */
export async function saveCourseLink(
  db: CoursePulseDb,
  tabId: number,
  linkUrl: string,
  linkText?: string,
): Promise<CommandReply> {
  const candidate = {
    kind: 'course',
    url: linkUrl,
    title: (linkText ?? '').trim().slice(0, 300),
    provider: safeHost(linkUrl),
    price: null,
    currency: null,
    source: 'site',
    missing: ['price', 'students', 'rating'],
  };
  const parsed = CourseRecord.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: 'not an http(s) link' };
  await upsertCourses(db, [parsed.data], now(), 'link');
  await confirm(tabId, { ok: true, course: parsed.data });
  return { ok: true, detail: parsed.data };
}

const safeHost = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

type Outcome =
  | { ok: true; course: CourseRecord; changed?: string }
  | { ok: true; saved: number }
  | { ok: false; reason: string };

async function confirm(tabId: number, outcome: Outcome): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }).catch(() => {});
  await browser.action
    .setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#16a34a' : '#dc2626' })
    .catch(() => {});
  const i18n = browser.i18n;
  const message = !outcome.ok
    ? i18n.getMessage('toastFailed', [outcome.reason])
    : 'saved' in outcome
      ? i18n.getMessage('listingSavedCount', [String(outcome.saved)])
      : [
          i18n.getMessage('toastSaved', [outcome.course.title || outcome.course.url]),
          outcome.course.price !== null
            ? `${outcome.course.currency ?? ''} ${outcome.course.price}`.trim()
            : i18n.getMessage('toastNoPrice'),
          outcome.changed ?? '',
          outcome.course.missing?.length
            ? i18n.getMessage('toastMissing', [outcome.course.missing.join(', ')])
            : '',
        ]
          .filter(Boolean)
          .join(' · ');
  await browser.scripting
    .executeScript({
      target: { tabId },
      func: showToastInPage,
      args: [
        message,
        browser.runtime.getURL('/options.html#courses'),
        i18n.getMessage('toastEdit'),
        outcome.ok,
      ],
    })
    .catch(() => {});
}
