/**
 * 网易云课堂 (study.163.com): courses at /course/introduction/<id>.htm or /course/courseMain.htm?courseId=<id>.
 * Its category course list API answers `result.courseDtoList[]`, each {courseId, targetUrl,
 * yktCourseCardv: {name, provider (the seller: a teacher or an institution), price in yuan (49.0; 0
 * for a free course), commonDiscountPrice (a sale price, else null), learnerCount, mark (the reviews'
 * average out of 5; bayesAverageScore is a smoothed ranking score), lessonsCount}}.
 * Fixture: test/fixtures/courses/Blues9527__BluesApps/CategoryCourseEntity.java__result.json (2019).
 */
import type { CourseRecord } from '../../../records';
import { coursesInBody, int, isObject, num, rating, text, toRecord } from '../record';
import type { CourseRule } from '../types';

const ORIGIN = 'https://study.163.com';

function listedCourse(item: Record<string, unknown>): CourseRecord | null {
  const card = item.yktCourseCardv;
  if (!isObject(card)) return null;
  const id = int(item.courseId) ?? int(card.id);
  if (id === undefined) return null;
  const url = `${ORIGIN}/course/introduction/${id}.htm`;
  const price = num(card.price);
  const sale = num(card.commonDiscountPrice);
  return toRecord(
    {
      url,
      title: text(card.name),
      provider: '网易云课堂',
      instructor: text(card.provider),
      price: sale ?? price,
      currency: price === undefined && sale === undefined ? undefined : 'CNY',
      listPrice: sale === undefined ? undefined : price,
      students: int(card.learnerCount),
      rating: rating(card.mark),
      lessons: int(card.lessonsCount),
    },
    'site',
    url,
  );
}

function json(_url: string, body: unknown): CourseRecord[] | null {
  return coursesInBody(body, (v) => 'yktCourseCardv' in v, listedCourse);
}

export const study163: CourseRule = {
  id: 'study163',
  name: '网易云课堂',
  currency: 'CNY',
  matches: (url) => url.hostname === 'study.163.com' || url.hostname === 'mooc.study.163.com',
  isCourseUrl: (url) =>
    /^\/course\/introduction\/\d+/.test(url.pathname) ||
    (/^\/course\/courseMain\.htm/.test(url.pathname) && url.searchParams.has('courseId')),
  json,
};
