/**
 * "A course you have saved whose price changed since you last saw it is flagged the next time you
 * visit any page of it" (issue 16), within the permissions the extension has. Course sites are not
 * among its hosts, so nothing runs on them by itself: the check runs when the user opens the popup on
 * the page (opening it grants activeTab for that tab). The course extractor reads the page as
 * "Save this course" does; every saved course it finds there (the course itself, any URL that
 * canonicalises to it, or the saved courses a listing shows) is compared with the price last seen and
 * recorded as seen again, so a change adds one price snapshot and is flagged once. Nothing new is
 * saved: courses the user never saved stay unsaved.
 */
import { browser } from 'wxt/browser';
import { now } from '../clock';
import type { CoursePulseDb, Millis, StoredCourse } from '../db/schema';
import { upsertCourses } from '../db/write';
import type { CommandReply } from '../messages';
import type { CourseRecord } from '../records';
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

/** The change between a saved course and its page now; undefined when unchanged, unknown or not saved. */
export function seenPriceChange(
  saved: StoredCourse | undefined,
  page: CourseRecord,
): SeenPriceChange | undefined {
  if (saved?.status !== 'saved' || saved.price === null || page.price === null) return undefined;
  if (saved.price === page.price && saved.currency === page.currency) return undefined;
  return {
    url: page.url,
    title: page.title || saved.title || page.url,
    from: saved.price,
    fromCurrency: saved.currency,
    to: page.price,
    toCurrency: page.currency,
    seenAt: saved.lastSeenAt,
  };
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

/**
 * Checks the saved courses on the page in `tabId` against the prices last seen, records them as seen
 * now, and puts a badge on the tab when a price changed. Quiet on a page with no saved course.
 */
export async function checkSavedCoursesInTab(db: CoursePulseDb, tabId: number): Promise<CommandReply> {
  const read = await readTab(tabId);
  if (read.kind === 'unread') return { ok: false, reason: read.reason };
  const found =
    read.kind === 'course' ? [read.course] : read.kind === 'list' ? validCourses(read.courses) : [];
  const result: CheckResult = { checked: 0, changes: [], lastSeenAt: null };
  if (found.length === 0) return { ok: true, detail: result };
  const saved = await db.courses.bulkGet(found.map((c) => c.url));
  const watched = found.filter((_, i) => saved[i]?.status === 'saved');
  result.checked = watched.length;
  result.changes = found.flatMap((c, i) => seenPriceChange(saved[i], c) ?? []);
  result.lastSeenAt = saved.reduce<Millis | null>(
    (latest, c) => (c?.status === 'saved' ? Math.max(latest ?? 0, c.lastSeenAt) : latest),
    null,
  );
  if (watched.length) await upsertCourses(db, watched, now(), 'saved');
  if (result.changes.length) {
    await browser.action.setBadgeText({ tabId, text: badgeFor(result.changes) }).catch(() => {});
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b45309' }).catch(() => {});
  }
  return { ok: true, detail: result };
}
