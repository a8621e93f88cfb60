/**
 * 网易云课堂 (study.163.com): courses at /course/introduction/<id>.htm or /course/courseMain.htm?courseId=<id>.
 * No captured page or API body yet: the rule names the platform, its currency and its course URLs.
 */
import type { CourseRule } from '../types';

export const study163: CourseRule = {
  id: 'study163',
  name: '网易云课堂',
  currency: 'CNY',
  matches: (url) => url.hostname === 'study.163.com' || url.hostname === 'mooc.study.163.com',
  isCourseUrl: (url) =>
    /^\/course\/introduction\/\d+/.test(url.pathname) ||
    (/^\/course\/courseMain\.htm/.test(url.pathname) && url.searchParams.has('courseId')),
};
