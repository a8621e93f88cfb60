/**
 * 慕课网 (imooc.com): free courses at www.imooc.com/learn/<id>, paid 实战课 at coding.imooc.com/class/<id>.html,
 * 职业路径 at class.imooc.com/sc/<id>, 体系课 at class.imooc.com/sale/<name>.
 *
 * Its home page and free-course list print one course card: a link to the course around
 * `.course-card-name` (the title), `.course-card-info` (kind, level, and the learner count after
 * `i.icon-set_sns`), `.course-card-price` ("￥299.00", or "免费") and on some cards a
 * `.course-star-box` of five `i.icon-star2` stars, the lit ones `.on`, a half one `.imv2-star_h`.
 * coding.imooc.com's own list prints `.shizhan-course-wrap` cards instead: the title in `.shizan-name`,
 * the teacher in `.lecturer-info span`, learners after `i.imv2-set-sns` in `.shizhan-info`, the score
 * out of 10 ("评价：9.71分", brought to the stars' 0–5), "7人评价", and the same `.course-card-price`.
 * A /learn/ course is free: the free-course list prints no price on its cards, and the record says 0.
 * Links carry tracking queries (mc_marking, mc_channel); the record keeps the course's own address.
 * Fixtures: test/fixtures/courses/newbeedaly__python_spider_basis/imooc.html (home page, Jan 2018),
 * test/fixtures/courses/MelonYu__Online-Education-Analysis/imooc_page_1.txt (free-course list, Jun 2018);
 * the coding.imooc.com list only as test/fixtures/synthetic/courses/listing-imooc-coding.html.
 */
import { parsePrice } from '../../../parse/price';
import type { CourseRecord } from '../../../records';
import { int, text, toRecord } from '../record';
import type { CourseRule } from '../types';

const isImooc = (url: URL) => /(^|\.)imooc\.com$/.test(url.hostname);

const isCourseUrl = (url: URL) =>
  /^\/(learn|class)\/\d+/.test(url.pathname) ||
  (url.hostname === 'class.imooc.com' && /^\/(sale\/.|sc\/\d+)/.test(url.pathname));

/** The card's course at its own address: the tracking query is dropped whole, not parameter by parameter. */
function courseLink(card: Element, base: string): URL | null {
  try {
    const link = new URL(card.getAttribute('href') ?? '', base);
    return /^https?:$/.test(link.protocol) && isImooc(link) && isCourseUrl(link) ? link : null;
  } catch {
    return null;
  }
}

/** Lit stars out of five (a half star counts 0.5), else the 实战 score out of 10 brought to 0–5. */
function rating(card: Element): number | undefined {
  const box = card.querySelector('.course-star-box');
  if (box)
    return box.querySelectorAll('.icon-star2.on').length + box.querySelectorAll('.imv2-star_h').length / 2;
  const score = /(\d+(?:\.\d+)?)\s*分/.exec(card.querySelector('.shizhan-info .r')?.textContent ?? '')?.[1];
  const outOf10 = score === undefined ? Number.NaN : Number(score);
  return outOf10 >= 0 && outOf10 <= 10 ? Math.round(outOf10 * 500) / 1000 : undefined;
}

const count = (raw: string | null | undefined) => int(text(raw)?.replace(/,/g, ''));

function courseCard(name: Element, base: string): CourseRecord | null {
  const card = name.closest('a');
  const link = card && courseLink(card, base);
  const title = text(name.textContent);
  if (!card || !link || !title) return null;
  const url = `https://${link.hostname}${link.pathname}`;
  const shown = parsePrice(card.querySelector('.course-card-price')?.textContent, 'CNY');
  const price = shown?.amount ?? (/^\/learn\//.test(link.pathname) ? 0 : undefined);
  const learners = card.querySelector('.course-card-info .icon-set_sns, .shizhan-info .imv2-set-sns');
  // Each figure is its own <p> ("9.71", "7人评价"): the box's whole text would run them together.
  const raters = [...card.querySelectorAll('.evaluation-desc-box p')]
    .map((p) => /^(\d+)\s*人评价$/.exec(text(p.textContent) ?? '')?.[1])
    .find((n) => n !== undefined);
  return toRecord(
    {
      url,
      title,
      provider: '慕课网',
      instructor: text(card.querySelector('.lecturer-info span')?.textContent),
      price,
      currency: price === undefined ? undefined : 'CNY',
      students: count(learners?.parentElement?.textContent),
      rating: rating(card),
      ratingCount: int(raters),
    },
    'site',
    url,
  );
}

function list(doc: Document, url: string): CourseRecord[] {
  return [...doc.querySelectorAll('.course-card-name, .shizan-name')].flatMap(
    (name) => courseCard(name, url) ?? [],
  );
}

export const imooc: CourseRule = {
  id: 'imooc',
  name: '慕课网',
  currency: 'CNY',
  matches: isImooc,
  isCourseUrl,
  list,
};
