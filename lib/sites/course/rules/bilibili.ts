/**
 * B站课堂 (bilibili 课程, www.bilibili.com/cheese/). The season API (api.bilibili.com/pugv/view/web/season)
 * gives title, up_info.uname, stat.play (plays, not buyers), release_info2 "共53期" and payment.price in
 * B币 (bilibili coins, 1:1 with the yuan but not a currency: the record keeps currency null). The
 * coupon price ("券后 262.68 B币") needs a coupon, so it is not the price. The episode list API
 * (pugv/view/web/ep/list) describes episodes only. Course lists (pugv/pay/web/my/paid: data.data[]) give
 * id, title, url, up_id and price in hundredths of a B币 (9900 for a 99 B币 course; the season API's
 * whole B币 would make a "3天…特训营" cost 9 900). An up主's course list (the space page's 课堂 tab,
 * pugv/app/web/season/page?mid=: data.items[]) gives season_id, title, ep_count and play, but no price
 * and no name (the mid in the request is the teacher). Fixtures: test/fixtures/courses/SocialSisterYi__bilibili-API-collect/.
 */
import { fromMinorUnits } from '../../../parse/price';
import type { CourseRecord } from '../../../records';
import { int, isObject, num, text, toRecord } from '../record';
import type { CourseRule } from '../types';

const ORIGIN = 'https://www.bilibili.com';
const SEASON_PATH = /^\/cheese\/play\/ss(\d+)/;

function json(url: string, body: unknown): CourseRecord[] | null {
  const data = isObject(body) && isObject(body.data) ? body.data : undefined;
  if (!data) return null;
  const seasonId = int(data.season_id);
  if (seasonId !== undefined && text(data.title)) {
    const courseUrl = `${ORIGIN}/cheese/play/ss${seasonId}`;
    const payment = isObject(data.payment) ? data.payment : undefined;
    const lessons =
      int(/共\s*(\d+)\s*[期集节讲]/.exec(text(data.release_info2) ?? text(data.release_info) ?? '')?.[1]) ??
      (isObject(data.episode_page) ? int(data.episode_page.total) : undefined);
    const record = toRecord(
      {
        url: courseUrl,
        title: text(data.title),
        provider: 'B站课堂',
        instructor: isObject(data.up_info) ? text(data.up_info.uname) : undefined,
        price: num(payment?.price),
        lessons,
      },
      'site',
      courseUrl,
    );
    return [record];
  }
  if (Array.isArray(data.data)) {
    const listed = data.data.filter(
      (c): c is Record<string, unknown> =>
        isObject(c) && text(c.title) !== undefined && int(c.id) !== undefined,
    );
    if (listed.length) return listed.map(listedSeason);
  }
  if (Array.isArray(data.items)) {
    const seasons = data.items.filter(
      (c): c is Record<string, unknown> =>
        isObject(c) && text(c.title) !== undefined && int(c.season_id) !== undefined,
    );
    if (seasons.length) return seasons.map(upSeason);
  }
  // The episode list is recognised (so it is not reported as unknown) but holds no course fields.
  if (
    /\/pugv\/view\/web\/ep\/list/.test(url) ||
    (Array.isArray(data.items) && data.items.some((i) => isObject(i) && i.from === 'pugv'))
  ) {
    return [];
  }
  return null;
}

/** One course of a pugv course list; the URL is rebuilt from the id (the list's own `url` may be http). */
function listedSeason(c: Record<string, unknown>): CourseRecord {
  const url = `${ORIGIN}/cheese/play/ss${int(c.id)}`;
  const hundredths = int(c.price);
  return toRecord(
    {
      url,
      title: text(c.title),
      provider: 'B站课堂',
      price: hundredths === undefined ? undefined : fromMinorUnits(hundredths, null),
      lessons: int(c.ep_count),
    },
    'site',
    url,
  );
}

/** One course of an up主's course list: no price there, and `play` counts plays, not buyers. */
function upSeason(c: Record<string, unknown>): CourseRecord {
  const url = `${ORIGIN}/cheese/play/ss${int(c.season_id)}`;
  return toRecord({ url, title: text(c.title), provider: 'B站课堂', lessons: int(c.ep_count) }, 'site', url);
}

export const bilibili: CourseRule = {
  id: 'bilibili',
  name: 'B站课堂',
  currency: 'CNY',
  matches: (url) => /(^|\.)bilibili\.com$/.test(url.hostname),
  isCourseUrl: (url) => /^\/cheese\/play\/(ss|ep)\d+/.test(url.pathname),
  courseUrl: (url) => {
    const m = SEASON_PATH.exec(url.pathname);
    return m ? `${ORIGIN}/cheese/play/ss${m[1]}` : null;
  },
  json,
};
