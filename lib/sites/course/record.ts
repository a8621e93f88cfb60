import { MAX_NAME, MAX_PRICE, MAX_TITLE, MAX_URL } from '../../record-keys';
import type { CourseRecord } from '../../records';
import type { CourseFields } from './types';

/** The fields a course page should give; `missing` lists the ones it did not. */
export const CORE_FIELDS = ['title', 'price', 'currency', 'instructor', 'students', 'rating'] as const;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trimmed, whitespace-collapsed string, or undefined for anything empty or not a string/number. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s || undefined;
}

/** A finite non-negative number from a number or a numeric string ("4.73333", "0"). */
export function num(v: unknown): number | undefined {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A non-negative safe integer (students, ratings, lessons). */
export function int(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** Ratings on another scale (bestRating 10 or 100) are brought to 0–5 unless they already fit 0–10. */
export function rating(value: unknown, best?: unknown): number | undefined {
  const v = num(value);
  if (v === undefined) return undefined;
  const b = num(best);
  if (v <= 10) return v;
  return b && b > 10 && v <= b ? Math.round((v / b) * 5 * 1000) / 1000 : undefined;
}

/** "en_US" → "en-US"; "en-us" → "en-US". */
export function languageTag(raw: unknown): string | undefined {
  const s = text(raw);
  if (!s || s.length > 35) return undefined;
  const [lang, region, ...rest] = s.replace(/_/g, '-').split('-');
  if (!lang || !/^[A-Za-z]{2,8}$/.test(lang)) return undefined;
  return [
    lang.toLowerCase(),
    ...(region ? [region.length === 2 ? region.toUpperCase() : region] : []),
    ...rest,
  ].join('-');
}

const amountOrNull = (v: number | undefined): number | null =>
  v !== undefined && Number.isFinite(v) && v >= 0 && v <= MAX_PRICE ? v : null;

const clip = (s: string | undefined, max: number) => (s && s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A contract-shaped record from merged fields: absent stays absent, `missing` names the gaps. */
export function toRecord(
  fields: CourseFields,
  source: CourseRecord['source'],
  fallbackUrl: string,
  extra: { seenIn?: string } = {},
): CourseRecord {
  // A page's "¥99999999999" or priceCurrency "E" is no price the contract can hold: unknown, not wrong.
  const price = amountOrNull(fields.price) ?? (fields.price === undefined && fields.freeHint ? 0 : null);
  const record: CourseRecord = {
    kind: 'course',
    url: fields.url && fields.url.length <= MAX_URL ? fields.url : fallbackUrl,
    title: clip(fields.title, MAX_TITLE) ?? '',
    provider: clip(fields.provider, MAX_NAME) ?? '',
    price,
    currency: fields.currency && /^[A-Z]{3}$/.test(fields.currency) ? fields.currency : null,
    source,
  };
  if (fields.instructor) record.instructor = clip(fields.instructor, MAX_NAME);
  const listPrice = amountOrNull(fields.listPrice);
  if (listPrice !== null && price !== null && listPrice > price) record.listPrice = listPrice;
  if (fields.students !== undefined) record.students = fields.students;
  if (fields.rating !== undefined) record.rating = fields.rating;
  if (fields.ratingCount !== undefined) record.ratingCount = fields.ratingCount;
  if (fields.lessons !== undefined) record.lessons = fields.lessons;
  if (fields.language) record.language = fields.language;
  if (extra.seenIn) record.seenIn = extra.seenIn;
  const missing = CORE_FIELDS.filter(
    (f) => record[f] === undefined || record[f] === null || record[f] === '',
  );
  if (missing.length) record.missing = missing;
  return record;
}

/**
 * Course records from an API body whose course objects sit at some shallow depth: every object
 * `isCourse` accepts is read with `read`. Null when the body holds no such object at all (not this
 * platform's shape), so the caller can try the next rule.
 */
export function coursesInBody(
  body: unknown,
  isCourse: (v: Record<string, unknown>) => boolean,
  read: (v: Record<string, unknown>) => CourseRecord | null,
): CourseRecord[] | null {
  const found: CourseRecord[] = [];
  let seen = false;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (isCourse(v)) {
      seen = true;
      const record = read(v);
      if (record) found.push(record);
      return;
    }
    for (const child of Object.values(v)) visit(child, depth + 1);
  };
  visit(body, 0);
  return seen ? found : null;
}
