import { readCoursePage } from '@/lib/sites/course';

/**
 * Injected by "Save this course" with the activeTab grant; its return value goes to the background:
 * one course, the courses a listing page lists, or neither.
 */
export default defineUnlistedScript(() => readCoursePage(document, location.href));
