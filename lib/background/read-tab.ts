/**
 * The course extractor run in a tab (lib/sites/course/page-kind.ts) and its answer validated: one
 * course, a list of courses, neither, or a page that could not be read and why. Used by "Save this
 * course" and by the popup's check of saved courses.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { MAX_BATCH_RECORDS, MAX_URL } from '../record-keys';
import { CourseRecord } from '../records';

/** What the extractor returns (lib/sites/course/page-kind.ts); each listed course is checked on its own. */
const PageRead = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('course'), course: z.unknown() }),
  z.strictObject({
    kind: z.literal('list'),
    page: z.string().max(MAX_URL),
    courses: z.array(z.unknown()).max(MAX_BATCH_RECORDS),
  }),
  z.strictObject({ kind: z.literal('neither'), page: z.string().max(MAX_URL) }),
]);

/** What the tab holds, read by the course extractor and validated; a page that cannot be read says why. */
export type TabRead =
  | { kind: 'course'; course: CourseRecord }
  | { kind: 'list'; courses: unknown[] }
  | { kind: 'neither' }
  | { kind: 'unread'; reason: string };

/** Runs the course extractor in the tab (the activeTab grant of a menu click or of opening the popup). */
export async function readTab(tabId: number): Promise<TabRead> {
  let found: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/course-extractor.js'],
    });
    found = injection?.result;
  } catch (error) {
    return {
      kind: 'unread',
      reason: `cannot read this page: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const read = PageRead.safeParse(found);
  if (read.success && read.data.kind === 'neither') return { kind: 'neither' };
  if (read.success && read.data.kind === 'list') return { kind: 'list', courses: read.data.courses };
  const parsed = CourseRecord.safeParse(
    read.success && read.data.kind === 'course' ? read.data.course : found,
  );
  if (!parsed.success)
    return {
      kind: 'unread',
      reason: `no course data: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    };
  return { kind: 'course', course: parsed.data };
}

/** The listed courses that pass the record contract; the others are dropped one by one. */
export const validCourses = (found: unknown[]): CourseRecord[] =>
  found.flatMap((c) => {
    const parsed = CourseRecord.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
