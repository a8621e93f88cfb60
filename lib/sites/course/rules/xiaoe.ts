/**
 * 小鹅通 (xiaoe-tech.com, xiaoeknow.com): white-label shops at app<id>.h5.xiaoeknow.com and
 * app<id>.pc.xiaoe-tech.com; course pages are /detail/<resource id>/<type> or /v1/course/... with
 * resource ids like "p_5f…" (column) and "v_…" (video). Sellers also post the platform's short links,
 * <shop>.xetslk.com/s/<code> and <shop>.xetlk.com/sl/<code> (real ones in
 * test/unit/sites/course/in-post.test.ts); where one leads is not looked up (no requests of our own),
 * so it counts as the course it is posted as. No captured page or list body yet: the rule names the
 * platform, its currency and its course URLs.
 */
import type { CourseRule } from '../types';

/** The short-link hosts; a course's link is one code below /s/ or /sl/. */
const SHORT_LINK_HOST = /(^|\.)(xetslk|xetlk)\.com$/;

export const xiaoe: CourseRule = {
  id: 'xiaoe',
  name: '小鹅通',
  currency: 'CNY',
  matches: (url) =>
    /(^|\.)(xiaoe-tech\.com|xiaoeknow\.com|xet\.tech)$/.test(url.hostname) ||
    SHORT_LINK_HOST.test(url.hostname),
  isCourseUrl: (url) =>
    SHORT_LINK_HOST.test(url.hostname)
      ? /^\/sl?\/[0-9a-z]+\/?$/i.test(url.pathname)
      : /\/(detail|course|p\/course)\/|\/[pvac]_[0-9a-z]{6,}/i.test(url.pathname),
};
