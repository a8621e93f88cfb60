/**
 * 小鹅通 (xiaoe-tech.com, xiaoeknow.com): white-label shops at app<id>.h5.xiaoeknow.com; course pages
 * are /detail/<resource id>/<type> or /v1/course/... with resource ids like "p_5f…" (column) and "v_…"
 * (video). No captured page yet: the rule names the platform, its currency and its course URLs.
 */
import type { CourseRule } from '../types';

export const xiaoe: CourseRule = {
  id: 'xiaoe',
  name: '小鹅通',
  currency: 'CNY',
  matches: (url) => /(^|\.)(xiaoe-tech\.com|xiaoeknow\.com|xet\.tech)$/.test(url.hostname),
  isCourseUrl: (url) => /\/(detail|course|p\/course)\/|\/[pvac]_[0-9a-z]{6,}/i.test(url.pathname),
};
