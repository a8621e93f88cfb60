/**
 * 小鹅通 (xiaoe-tech.com, xiaoeknow.com): white-label shops at app<id>.h5.xiaoeknow.com and
 * app<id>.pc.xiaoe-tech.com, also on sellers' own domains; course pages are /detail/<resource id>/<type>,
 * /v1/course/..., and goods pages /v1/goods/goods_detail/<id> (h5) or
 * /p/t_pc/goods_pc_detail/goods_detail/<id> (PC), with resource ids like "p_5f…" (column), "v_…"
 * (video) and "course_2Cv…" (course goods). Sellers also post the platform's short links,
 * <shop>.xetslk.com/s/<code>, <shop>.xetlk.com/sl/<code>, <shop>.xet.tech/s/<code> and
 * <shop>.h5.xeknow.com/s/<code> (real ones in test/unit/sites/course/in-post.test.ts); where one leads
 * is not looked up (no requests of our own), so it counts as the course it is posted as. A lesson's
 * link names the column it belongs to in `from=p_…`, kept in its course key (cleanUrl). No captured
 * page or list body yet: the rule names the platform, its currency and its course URLs.
 */
import type { CourseRule } from '../types';

/** Hosts of short links only. */
const SHORT_LINK_HOST = /(^|\.)(xetslk|xetlk)\.com$/;
/** Shop hosts; of these, xet.tech and xeknow.com also serve short links. */
const SHOP_HOST = /(^|\.)(xiaoe-tech\.com|xiaoeknow\.com|xet\.tech|xeknow\.com)$/;
const SHORT_LINK_SHOP = /(^|\.)(xet\.tech|xeknow\.com)$/;
/** A course's short link: one code below /s/ or /sl/. */
const SHORT_PATH = /^\/sl?\/[0-9a-z]+\/?$/i;
/**
 * Pages a seller's own domain serves only through 小鹅通: the PC shop's goods page, and a resource
 * page whose id carries 小鹅通's 13 or 24 hex digits ("/detail/v_5f44cfeae4b0118787333996/3").
 */
const OWN_DOMAIN_PATH =
  /^\/p\/t_pc\/goods_pc_detail\/goods_detail\/|^\/detail\/[a-z]+_[0-9a-f]{13}(?:[0-9a-f]{11}|_[0-9a-z]{8})\/\d+\/?$/i;
/** A course, column, lesson or camp page. */
const RESOURCE_PATH = /\/(detail|course|p\/course)\/|\/(?:[pvac]|course)_[0-9a-z]{6,}/i;
/** A column's id, as lessons name theirs in `from=`. */
const COLUMN_ID = /^p_[0-9a-z_]{6,}$/i;

const matches = (url: URL): boolean =>
  SHOP_HOST.test(url.hostname) || SHORT_LINK_HOST.test(url.hostname) || OWN_DOMAIN_PATH.test(url.pathname);

export const xiaoe: CourseRule = {
  id: 'xiaoe',
  name: '小鹅通',
  currency: 'CNY',
  matches,
  isCourseUrl: (url) =>
    SHORT_LINK_HOST.test(url.hostname)
      ? SHORT_PATH.test(url.pathname)
      : (SHORT_LINK_SHOP.test(url.hostname) && SHORT_PATH.test(url.pathname)) ||
        RESOURCE_PATH.test(url.pathname),
};

/** A lesson's `from=p_…` on a 小鹅通 page names its column: part of what the link is, not who shared it. */
export const namesXiaoeColumn = (url: URL, param: string): boolean =>
  param.toLowerCase() === 'from' && COLUMN_ID.test(url.searchParams.get(param) ?? '') && matches(url);
