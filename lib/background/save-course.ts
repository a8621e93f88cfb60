/**
 * "Save this course": with the activeTab grant of the click, run the course extractor in that tab,
 * validate what it returns, store it, and confirm in the page and on the badge.
 */
import { browser } from 'wxt/browser';
import { now } from '../clock';
import type { CoursePulseDb } from '../db/schema';
import { logFailure, upsertCourses } from '../db/write';
import type { CommandReply } from '../messages';
import { CourseRecord } from '../records';
import { showToastInPage } from './toast';

export async function saveCourseFromTab(db: CoursePulseDb, tabId: number): Promise<CommandReply> {
  const at = now();
  let found: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/course-extractor.js'],
    });
    found = injection?.result;
  } catch (error) {
    const reason = `cannot read this page: ${error instanceof Error ? error.message : String(error)}`;
    await logFailure(db, { extractor: 'course.page', reason }, at);
    await confirm(tabId, { ok: false, reason });
    return { ok: false, reason };
  }
  const parsed = CourseRecord.safeParse(found);
  if (!parsed.success) {
    const reason = `no course data: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
    await logFailure(db, { extractor: 'course.page', reason }, at);
    await confirm(tabId, { ok: false, reason });
    return { ok: false, reason };
  }
  await upsertCourses(db, [parsed.data], at, 'saved');
  await confirm(tabId, { ok: true, course: parsed.data });
  return { ok: true, detail: parsed.data };
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

type Outcome = { ok: true; course: CourseRecord } | { ok: false; reason: string };

async function confirm(tabId: number, outcome: Outcome): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }).catch(() => {});
  await browser.action
    .setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#16a34a' : '#dc2626' })
    .catch(() => {});
  const i18n = browser.i18n;
  const message = outcome.ok
    ? [
        i18n.getMessage('toastSaved', [outcome.course.title || outcome.course.url]),
        outcome.course.price !== null
          ? `${outcome.course.currency ?? ''} ${outcome.course.price}`.trim()
          : i18n.getMessage('toastNoPrice'),
        outcome.course.missing?.length
          ? i18n.getMessage('toastMissing', [outcome.course.missing.join(', ')])
          : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : i18n.getMessage('toastFailed', [outcome.reason]);
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
