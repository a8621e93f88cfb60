/**
 * 慕课网 (imooc.com): free courses at www.imooc.com/learn/<id>, paid 实战课 at coding.imooc.com/class/<id>.html,
 * 体系课 at class.imooc.com/sale/<name>. The free-course list (www.imooc.com/course/list) prints one
 * `.course-card-container` per course: `a.course-card[href="/learn/<id>"]`, the title in
 * `.course-card-name`, and in `.course-card-info` the level and the learner count after
 * `i.icon-set_sns`. The cards print no price because a /learn/ course is free: the record says 0.
 * Fixture: test/fixtures/courses/MelonYu__Online-Education-Analysis/imooc_page_1.txt (2018).
 */
import type { CourseRecord } from '../../../records';
import { int, text, toRecord } from '../record';
import type { CourseRule } from '../types';
import { cleanUrl } from '../url';

const FREE_COURSE = /^\/learn\/\d+\/?$/;

function freeCourseCard(card: Element, base: string): CourseRecord | null {
  const link = card.matches('a') ? card : card.querySelector('a.course-card');
  const url = cleanUrl(link?.getAttribute('href'), base);
  const title = text(card.querySelector('.course-card-name')?.textContent);
  if (!url || !title || !FREE_COURSE.test(new URL(url).pathname)) return null;
  const learners = card.querySelector('.course-card-info .icon-set_sns')?.parentElement?.textContent;
  return toRecord(
    { url, title, provider: '慕课网', price: 0, currency: 'CNY', students: int(text(learners)) },
    'site',
    url,
  );
}

function list(doc: Document, url: string): CourseRecord[] {
  return [...doc.querySelectorAll('.course-card-container')].flatMap(
    (card) => freeCourseCard(card, url) ?? [],
  );
}

export const imooc: CourseRule = {
  id: 'imooc',
  name: '慕课网',
  currency: 'CNY',
  matches: (url) => /(^|\.)imooc\.com$/.test(url.hostname),
  isCourseUrl: (url) =>
    /^\/(learn|class)\/\d+/.test(url.pathname) ||
    (url.hostname === 'class.imooc.com' && /^\/sale\/./.test(url.pathname)),
  list,
};
