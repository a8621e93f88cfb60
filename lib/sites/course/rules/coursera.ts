/**
 * Coursera (coursera.org). Course pages carry JSON-LD, which the generic layers read; this rule adds
 * the provider name and reads two API shapes: courses.v1 (`elements` or `linked["courses.v1"]`,
 * {id, slug, name, courseType}) and the old class.coursera.org "about" topic JSON
 * ({shortName, name, instructor}). Fixtures: test/fixtures/courses/coursera-dl__coursera-dl/.
 */
import type { CourseRecord } from '../../../records';
import { isObject, text, toRecord } from '../record';
import type { CourseRule } from '../types';

const ORIGIN = 'https://www.coursera.org';
const COURSE_PATH = /^\/(learn|specializations|professional-certificates|projects|course|degrees)\/[^/]+/;

function fromCoursesV1(items: unknown[]): CourseRecord[] {
  return items.filter(isObject).flatMap((c) => {
    const slug = text(c.slug);
    if (!slug) return [];
    const url = `${ORIGIN}/learn/${encodeURIComponent(slug)}`;
    return [toRecord({ url, title: text(c.name), provider: 'Coursera' }, 'site', url)];
  });
}

function json(_url: string, body: unknown): CourseRecord[] | null {
  if (!isObject(body)) return null;
  const linked = isObject(body.linked) ? body.linked['courses.v1'] : undefined;
  if (Array.isArray(linked)) return fromCoursesV1(linked);
  if (Array.isArray(body.elements) && body.elements.some((e) => isObject(e) && 'courseType' in e)) {
    return fromCoursesV1(body.elements);
  }
  // The old "about" topic JSON: no price and no enrolment, the instructor as plain text.
  const shortName = text(body.shortName);
  if (shortName && text(body.name) && ('instructor' in body || 'estimatedClassWorkload' in body)) {
    const url = `${ORIGIN}/course/${encodeURIComponent(shortName)}`;
    return [
      toRecord(
        { url, title: text(body.name), provider: 'Coursera', instructor: text(body.instructor) },
        'site',
        url,
      ),
    ];
  }
  return null;
}

export const coursera: CourseRule = {
  id: 'coursera',
  name: 'Coursera',
  matches: (url) => /(^|\.)coursera\.org$/.test(url.hostname),
  isCourseUrl: (url) => COURSE_PATH.test(url.pathname),
  json,
};
