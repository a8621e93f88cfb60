/**
 * Udemy (udemy.com). Pages: OpenGraph plus `udemy_com:price` ("€ 84,99"); search cards carry
 * `data-purpose` attributes ("seo-current-price", "seo-rating", …). APIs (api-2.0 courses, search,
 * discovery units): objects with `_class: "course"`; api-2.0/pricing: `pricing_result` per course id.
 * Fixtures: test/fixtures/courses/{CealanM__cv, soodaayush__udemy-price-tracker, derekhackettnyc__tmdb,
 * totosugito__waviv_admin, JirakJ__personal-website-2021, guyathomas__encourse, DarkShadow232__www.udemy.com}.
 */

import { parseCount } from '../../../parse/count';
import { normaliseCurrency, parsePrice } from '../../../parse/price';
import type { CourseRecord } from '../../../records';
import { meta } from '../meta';
import { int, isObject, languageTag, num, rating, text, toRecord } from '../record';
import type { CourseFields, CourseRule } from '../types';
import { cleanUrl } from '../url';

const ORIGIN = 'https://www.udemy.com';
const COURSE_PATH = /^\/course\/([^/]+)\/?/;

function courseUrl(url: URL): string | null {
  const m = COURSE_PATH.exec(url.pathname);
  return m ? `${ORIGIN}/course/${m[1]}/` : null;
}

function extract(doc: Document): CourseFields {
  const fields: CourseFields = {};
  // "€ 84,99" in the page's own locale; the symbol is the only currency the learner view gives.
  const price = parsePrice(meta(doc, 'udemy_com:price'));
  if (price) {
    fields.price = price.amount;
    if (price.currency) fields.currency = price.currency;
  }
  const title = meta(doc, 'og:title');
  if (title) fields.title = title.replace(/\s*\|\s*Udemy$/, '');
  // Landing pages (not in our fixtures): "1,234,567 students" and the rating number.
  const enrolment = parseCount(doc.querySelector('[data-purpose="enrollment"]')?.textContent, 'en');
  if (enrolment && !enrolment.approximate) fields.students = enrolment.value;
  const stars = num(text(doc.querySelector('[data-purpose="rating-number"]')?.textContent));
  if (stars !== undefined && stars <= 5) fields.rating = stars;
  return fields;
}

/** Search-result cards: each title link holds screen-reader spans with the numbers. */
function list(doc: Document, url: string): CourseRecord[] {
  const records: CourseRecord[] = [];
  doc.querySelectorAll('[data-purpose="course-title-url"] a[href]').forEach((link) => {
    const href = cleanUrl(link.getAttribute('href'), url);
    const course = href ? courseUrl(new URL(href)) : null;
    if (!course) return;
    const span = (purpose: string) => text(link.querySelector(`[data-purpose="${purpose}"]`)?.textContent);
    const card = link.closest('[data-purpose="container"]') ?? link.parentElement?.parentElement;
    const price = parsePrice(span('seo-current-price'));
    const listPrice = parsePrice(span('seo-original-price'));
    const title = text(
      [...link.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.nodeValue)
        .join(' '),
    );
    const fields: CourseFields = {
      url: course,
      title,
      provider: 'Udemy',
      instructor: text(card?.querySelector('[data-purpose*="visible-instructors"]')?.textContent),
      price: price?.amount,
      currency: price?.currency ?? undefined,
      listPrice: listPrice?.amount,
      rating: rating(/([\d.]+) out of/.exec(span('seo-rating') ?? '')?.[1]),
      ratingCount: int(/(\d+)/.exec(span('seo-num-reviews') ?? '')?.[1]),
      lessons: int(/(\d+)/.exec(span('seo-num-lectures') ?? '')?.[1]),
    };
    records.push(toRecord(fields, 'site', course));
  });
  return records;
}

interface UdemyMoney {
  amount?: unknown;
  currency?: unknown;
}
const money = (v: unknown): { amount: number; currency?: string } | undefined => {
  if (!isObject(v)) return undefined;
  const m = v as UdemyMoney;
  const amount = num(m.amount);
  return amount === undefined ? undefined : { amount, currency: normaliseCurrency(m.currency) ?? undefined };
};

/** One `_class: "course"` object of any Udemy API. */
export function udemyCourse(item: Record<string, unknown>): CourseRecord | null {
  const href = cleanUrl(text(item.url) ?? `/course/${text(item.published_title) ?? item.id}/`, ORIGIN);
  if (!href) return null;
  const instructors = Array.isArray(item.visible_instructors) ? item.visible_instructors : [];
  const discount = isObject(item.discount) ? item.discount : undefined;
  const detail = money(item.price_detail);
  const sale = money(discount?.price);
  // Older responses have only the string ("A$180"); free courses say is_paid: false.
  const printed = text(item.price) ? parsePrice(text(item.price)) : null;
  const price =
    sale ??
    detail ??
    (printed ? { amount: printed.amount, currency: printed.currency ?? undefined } : undefined);
  const reviews = int(item.num_reviews);
  const locale = isObject(item.locale) ? item.locale.locale : undefined;
  const fields: CourseFields = {
    url: href,
    title: text(item.title),
    provider: 'Udemy',
    instructor: text(
      instructors
        .map((i) => (isObject(i) ? (text(i.display_name) ?? text(i.title)) : undefined))
        .filter(Boolean)
        .join(', '),
    ),
    price: price?.amount ?? (item.is_paid === false ? 0 : undefined),
    currency: price?.currency,
    listPrice: sale ? money(discount?.list_price)?.amount : undefined,
    students: int(item.num_subscribers),
    // "rating" is the recency-weighted value Udemy displays; 0 with no reviews means "not rated yet".
    rating: reviews === 0 ? undefined : (rating(item.rating) ?? rating(item.avg_rating)),
    ratingCount: reviews,
    lessons: int(item.num_published_lectures),
    language: languageTag(locale),
  };
  return toRecord(fields, 'site', href);
}

function json(_url: string, body: unknown): CourseRecord[] | null {
  const courses: CourseRecord[] = [];
  let pricing = false;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (v._class === 'course' && (v.title !== undefined || v.url !== undefined)) {
      const record = udemyCourse(v);
      if (record) courses.push(record);
      return;
    }
    for (const child of Object.values(v)) visit(child, depth + 1);
  };
  visit(body, 0);
  // api-2.0/pricing: {courses: {<id>: pricing_result}} — prices only, keyed by the numeric id.
  if (isObject(body) && isObject(body.courses)) {
    for (const [id, result] of Object.entries(body.courses)) {
      if (!isObject(result) || result._class !== 'pricing_result' || !/^\d+$/.test(id)) continue;
      pricing = true;
      const price = money(result.price) ?? money(result.price_detail);
      const list = money(result.list_price);
      const url = `${ORIGIN}/course/${id}/`;
      courses.push(
        toRecord(
          {
            url,
            provider: 'Udemy',
            price: price?.amount,
            currency: price?.currency,
            listPrice: list?.amount,
          },
          'site',
          url,
        ),
      );
    }
  }
  return courses.length || pricing ? courses : null;
}

export const udemy: CourseRule = {
  id: 'udemy',
  name: 'Udemy',
  matches: (url) => /(^|\.)udemy\.com$/.test(url.hostname),
  isCourseUrl: (url) => COURSE_PATH.test(url.pathname),
  courseUrl,
  extract,
  list,
  json,
};
