/**
 * 慕课网 (imooc.com): free courses at www.imooc.com/learn/<id>, paid 实战课 at coding.imooc.com/class/<id>.html,
 * 体系课 at class.imooc.com/sale/<name>. No captured page or API body yet: the rule names the platform,
 * its currency and its course URLs; the generic layers read the page.
 */
import type { CourseRule } from '../types';

export const imooc: CourseRule = {
  id: 'imooc',
  name: '慕课网',
  currency: 'CNY',
  matches: (url) => /(^|\.)imooc\.com$/.test(url.hostname),
  isCourseUrl: (url) =>
    /^\/(learn|class)\/\d+/.test(url.pathname) ||
    (url.hostname === 'class.imooc.com' && /^\/sale\/./.test(url.pathname)),
};
