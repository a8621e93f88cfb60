/**
 * 知识星球 (zsxq.com): a paid community ("星球") at wx.zsxq.com/group/<id> (also /dweb2/index/group/<id>)
 * and short invitation links t.zsxq.com/<code>. No captured page yet: the rule names the platform,
 * its currency and its URLs.
 */
import type { CourseRule } from '../types';

export const zsxq: CourseRule = {
  id: 'zsxq',
  name: '知识星球',
  currency: 'CNY',
  matches: (url) => /(^|\.)zsxq\.com$/.test(url.hostname),
  isCourseUrl: (url) =>
    url.hostname === 't.zsxq.com' ? url.pathname.length > 1 : /\/group\/\d+/.test(url.pathname),
};
