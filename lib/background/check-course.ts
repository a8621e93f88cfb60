/**
 * "A course you have saved whose price changed since you last saw it is flagged the next time you
 * visit any page of it" (issue 16), within the permissions the extension has.
 *
 * The visit: the background learns a tab's address from tabs.onUpdated only where the browser shows
 * it, that is on hosts the extension holds (the three social sites; in the e2e build the course
 * hosts it is given; any origin a user grants) and on the tab where activeTab was granted. There, a
 * page of a saved course (its canonical URL, courseUrlOf) whose stored price differs from the price
 * the user last saw (StoredCourse.priceSeen) gets a badge and a title saying what changed. Course
 * sites are not among the release build's hosts, and without the `tabs` permission, webNavigation or
 * a content script on them Chrome and Firefox hide their tabs' addresses: there the flag waits for
 * the popup.
 *
 * The popup: opening it grants activeTab on the tab. The course extractor reads the page as "Save
 * this course" does; every saved course found there (the course itself, the page's own course key,
 * or the saved courses a listing shows) is compared with the price last seen, recorded as captured
 * (a change adds one price snapshot) and as seen, and the tab's flag is cleared. Nothing new is
 * saved: courses the user never saved stay unsaved.
 */
import { browser } from 'wxt/browser';
import { dateFormat, priceText } from '@/components/format';
import { now } from '../clock';
import type { CoursePulseDb, Millis, PriceSeen, StoredCourse } from '../db/schema';
import { markPricesSeen, upsertCourses } from '../db/write';
import type { CommandReply } from '../messages';
import type { CourseRecord } from '../records';
import { courseUrlOf } from '../sites/course/rules';
import { readTab, validCourses } from './read-tab';

/** A saved course whose page now shows another price than the one last seen. */
export interface SeenPriceChange {
  url: string;
  title: string;
  from: number;
  fromCurrency: string | null;
  to: number;
  toCurrency: string | null;
  /** When the old price was last seen. */
  seenAt: Millis;
}

/** What a course's price is compared with, and what it is now. */
type Priced = Pick<StoredCourse, 'url' | 'title' | 'price' | 'currency'>;

function change(saved: StoredCourse, seen: PriceSeen, current: Priced): SeenPriceChange | undefined {
  if (seen.price === null || current.price === null) return undefined;
  if (seen.price === current.price && seen.currency === current.currency) return undefined;
  return {
    url: current.url,
    title: current.title || saved.title || current.url,
    from: seen.price,
    fromCurrency: seen.currency,
    to: current.price,
    toCurrency: current.currency,
    seenAt: seen.at,
  };
}

/** The price a saved course was last captured at. */
const lastCaptured = (c: StoredCourse): PriceSeen => ({
  price: c.price,
  currency: c.currency,
  at: c.lastSeenAt,
});

/** The change between a saved course and its page now; undefined when unchanged, unknown or not saved. */
export function seenPriceChange(
  saved: StoredCourse | undefined,
  page: CourseRecord,
): SeenPriceChange | undefined {
  return saved?.status === 'saved' ? change(saved, lastCaptured(saved), page) : undefined;
}

/**
 * The change since the user last saw a saved course's price: to its page now when read, else to
 * its stored price (a later save, from a listing or another device, may have changed it). Courses
 * saved before prices were marked seen compare with their last capture.
 */
export function unseenPriceChange(
  saved: StoredCourse | undefined,
  page?: CourseRecord,
): SeenPriceChange | undefined {
  if (saved?.status !== 'saved') return undefined;
  return change(saved, saved.priceSeen ?? lastCaptured(saved), page ?? saved);
}

export interface CheckResult {
  /** Saved courses found on the page. */
  checked: number;
  changes: SeenPriceChange[];
  /** When the courses checked were last seen before this visit (the latest of them). */
  lastSeenAt: Millis | null;
}

/** The badge of a page whose saved courses changed price: which way, in one character. */
export function badgeFor(changes: readonly SeenPriceChange[]): string {
  const same = changes.filter((c) => c.fromCurrency === c.toCurrency);
  if (same.length && same.every((c) => c.to < c.from)) return '↓';
  if (same.length && same.every((c) => c.to > c.from)) return '↑';
  return '$';
}

/** Tabs showing a price flag, in session storage so a service-worker restart still clears them. */
const flagKey = (tabId: number) => `priceFlag:${tabId}`;

async function showFlag(tabId: number, flagged: SeenPriceChange): Promise<void> {
  const i18n = browser.i18n;
  const tag = i18n.getUILanguage();
  const title = i18n.getMessage('competitorVisitBadge', [
    flagged.title,
    priceText(flagged.from, flagged.fromCurrency, tag),
    priceText(flagged.to, flagged.toCurrency, tag),
    dateFormat(tag, { dateStyle: 'medium' }).format(new Date(flagged.seenAt)),
  ]);
  await browser.storage.session.set({ [flagKey(tabId)]: flagged.url });
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeFor([flagged]) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#b45309' }),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => {});
}

/** Removes the tab's price flag, if it shows one (other badges, such as a save's, stay). */
export async function clearFlag(tabId: number): Promise<void> {
  const key = flagKey(tabId);
  if ((await browser.storage.session.get(key))[key] === undefined) return;
  await browser.storage.session.remove(key);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') }),
  ]).catch(() => {});
}

/**
 * A tab landed on `url` (undefined when the browser does not show it to the extension): flags it
 * when the URL is a page of a saved course whose price changed since the user last saw it, and
 * clears an earlier flag otherwise.
 */
export async function flagCourseVisit(
  db: CoursePulseDb,
  tabId: number,
  url: string | undefined,
): Promise<SeenPriceChange | undefined> {
  const key = url ? courseUrlOf(url) : null;
  const flagged = key ? unseenPriceChange(await db.courses.get(key)) : undefined;
  if (flagged) await showFlag(tabId, flagged);
  else await clearFlag(tabId);
  return flagged;
}

/** The course key of the tab's address, where the browser shows it (activeTab, a host it holds). */
async function tabCourseUrl(tabId: number): Promise<string | null> {
  const url = await browser.tabs.get(tabId).then(
    (tab) => tab.url,
    () => undefined,
  );
  return url ? courseUrlOf(url) : null;
}

/**
 * The popup's check of the page in `tabId`: the saved courses it shows, or whose page it is,
 * against the prices the user last saw; records them as captured and seen, and clears the tab's
 * flag. Quiet on a page with no saved course.
 */
export async function checkSavedCoursesInTab(db: CoursePulseDb, tabId: number): Promise<CommandReply> {
  const [read, visited] = await Promise.all([readTab(tabId), tabCourseUrl(tabId)]);
  const found =
    read.kind === 'course' ? [read.course] : read.kind === 'list' ? validCourses(read.courses) : [];
  const keys = found.map((c) => c.url);
  if (visited && !keys.includes(visited)) keys.push(visited);
  const saved = await db.courses.bulkGet(keys);
  const watched = keys.filter((_, i) => saved[i]?.status === 'saved');
  if (read.kind === 'unread' && watched.length === 0) return { ok: false, reason: read.reason };
  const result: CheckResult = {
    checked: watched.length,
    changes: keys.flatMap((_, i) => unseenPriceChange(saved[i], found[i]) ?? []),
    lastSeenAt: saved.reduce<Millis | null>(
      (latest, c) => (c?.status === 'saved' ? Math.max(latest ?? 0, c.lastSeenAt) : latest),
      null,
    ),
  };
  if (watched.length === 0) return { ok: true, detail: result };
  const at = now();
  const captured = found.filter((_, i) => saved[i]?.status === 'saved');
  if (captured.length) await upsertCourses(db, captured, at, 'saved');
  await markPricesSeen(db, watched, at);
  await clearFlag(tabId);
  return { ok: true, detail: result };
}
