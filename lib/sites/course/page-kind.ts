/**
 * What "Save this course" finds on a page (issue 16): one course, a list of courses, or neither. A
 * platform's home or search page saved as one "course" titled like the page was junk; a page that is
 * neither says so instead.
 */
import type { CourseRecord } from '../../records';
import { extractCoursePage } from './extract';
import { extractListing } from './listing';
import { ruleFor } from './rules';
import { pickCourseNode, readJsonLd, readMicrodata } from './structured';
import { canonicalUrl } from './url';

export type CoursePageRead =
  | { kind: 'course'; course: CourseRecord }
  | { kind: 'list'; page: string; courses: CourseRecord[] }
  | { kind: 'neither'; page: string };

/** Structured data that describes one course or product (not only the site or an article). */
function describesOneCourse(doc: Document): boolean {
  try {
    return !!pickCourseNode(readJsonLd(doc)) || !!pickCourseNode(readMicrodata(doc));
  } catch {
    return false;
  }
}

/**
 * One course when the URL is a known platform's course page or the page describes one course; a list
 * when it lists courses; neither otherwise. Never throws.
 */
export function readCoursePage(doc: Document, url: string): CoursePageRead {
  const page = canonicalUrl(doc, url);
  const hit = ruleFor(url) ?? ruleFor(page);
  if (hit?.rule.isCourseUrl(hit.url)) return { kind: 'course', course: extractCoursePage(doc, url).record };
  const courses = extractListing(doc, url);
  // On a known platform's non-course page even one card is a listing (a search with one result).
  if (courses.length >= 2 || (hit && courses.length === 1)) return { kind: 'list', page, courses };
  const { record } = extractCoursePage(doc, url);
  // An unknown site's sales page without structured data still shows its price.
  if (describesOneCourse(doc) || (!hit && record.price !== null)) return { kind: 'course', course: record };
  return { kind: 'neither', page };
}
