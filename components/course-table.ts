/** Sorting and filtering of the course table (pure): unknown values sort last whichever the direction. */
import type { StoredCourse } from '@/lib/db/schema';

export type CourseSortKey = 'title' | 'provider' | 'price' | 'students' | 'rating' | 'lastSeenAt';
export type CourseStatusFilter = 'all' | StoredCourse['status'] | 'mine';

export function sortCourses(
  courses: readonly StoredCourse[],
  key: CourseSortKey,
  ascending: boolean,
): StoredCourse[] {
  const value = (c: StoredCourse): string | number | null => {
    const v = c[key];
    return v === undefined || v === null || v === '' ? null : (v as string | number);
  };
  return [...courses].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  });
}

export function filterCourses(
  courses: readonly StoredCourse[],
  status: CourseStatusFilter,
  text: string,
): StoredCourse[] {
  const needle = text.trim().toLowerCase();
  return courses.filter((c) => {
    if (status === 'mine' ? !c.mine : status !== 'all' && c.status !== status) return false;
    // Dismissed sightings stay out of "all": the user said they are not courses worth tracking.
    if (status === 'all' && c.status === 'dismissed') return false;
    if (!needle) return true;
    return `${c.title}\n${c.provider}\n${c.instructor ?? ''}\n${c.url}`.toLowerCase().includes(needle);
  });
}
