/**
 * Competitor course listings (issue 5): pure extractors for course pages, course-platform API bodies
 * and posts that mention courses. Imports nothing from the browser, zod or Dexie, so the background can
 * inject it (entrypoints/course-extractor.ts) and the CLI can run it on saved pages.
 */
export { type CoursePage, extractCourse, extractCoursePage } from './extract';
export { coursesInPost } from './in-post';
export { extractCourseJson } from './json';
export { dedupeCourses, extractListing } from './listing';
export { type CoursePageRead, readCoursePage } from './page-kind';
export { COURSE_RULES, courseUrlOf, isCourseUrl } from './rules';
export { canonicalUrl, cleanUrl } from './url';
