import type { CourseRecord } from '../../records';

/** Where a field came from, in order of trust; 'visible' is the page text heuristics. */
export type Layer = 'site' | 'jsonld' | 'microdata' | 'opengraph' | 'visible';

/** What one layer found on a page; every field optional, absent when the layer did not say. */
export interface CourseFields {
  url?: string;
  title?: string;
  provider?: string;
  instructor?: string;
  price?: number;
  currency?: string;
  listPrice?: number;
  /** The page says the course is free but gives no Offer (`isAccessibleForFree`): a last resort. */
  freeHint?: boolean;
  students?: number;
  rating?: number;
  ratingCount?: number;
  lessons?: number;
  language?: string;
}

/**
 * One known course platform. The file name is the rule id. `extract` reads the platform's own markup
 * or embedded state; `json` reads its API bodies (null: not this platform's API).
 */
export interface CourseRule {
  id: string;
  /** Provider name shown when the page names no institution ("极客时间"). */
  name: string;
  /** Hosts of the platform's pages and APIs. */
  matches(url: URL): boolean;
  /** The URL names one course (for links in posts). */
  isCourseUrl(url: URL): boolean;
  /** The currency a bare "¥" or number means on this platform. */
  currency?: string;
  /** The course's own URL for a page URL (drops "/learn/lecture/…"), or null to keep it. */
  courseUrl?(url: URL): string | null;
  extract?(doc: Document, url: string): CourseFields;
  /** Listing pages (search results, Discover): one record per course card. */
  list?(doc: Document, url: string): CourseRecord[];
  json?(url: string, body: unknown): CourseRecord[] | null;
}
