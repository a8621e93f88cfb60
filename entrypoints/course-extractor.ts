import { extractCourse } from '@/lib/sites/course';

/** Injected by "Save this course" with the activeTab grant; its return value goes to the background. */
export default defineUnlistedScript(() => extractCourse(document, location.href));
