/**
 * Course sightings in posts: a link to a known course platform, or a course stated with a price
 * ("训练营 ¥299", "course $49", "课程 199元"). A sighting records where a competitor sells, with what
 * price, and which post said so (seenIn); the course's own page, once saved, keeps its own data.
 */
import { parsePrice } from '../../parse/price';
import { MAX_URL } from '../../record-keys';
import type { CourseRecord, PostRecord } from '../../records';
import { toRecord } from './record';
import { courseUrlOf, isCourseUrl, ruleFor } from './rules';
import type { CourseRule } from './types';
import { cleanUrl } from './url';
import { PRICE_IN_TEXT } from './visible';

export { isCourseUrl } from './rules';

const COURSE_WORD =
  /训练营|课程|网课|直播课|专栏|精讲|实战课|体系课|小课|私教课|陪跑|社群|星球|\bcourses?\b|\bbootcamps?\b|\bmasterclass\b|\bworkshops?\b|\bcohort\b/i;
/** How far (characters) a price may sit from the course word and still describe it. */
const NEAR = 40;
const URL_IN_TEXT = /https?:\/\/\S+/g;
const MAX_TITLE = 120;

/** The sentence of `text` around `index`, without URLs, as a short title. */
function sentenceAround(text: string, index: number): string {
  const clean = text.replace(URL_IN_TEXT, (m) => ' '.repeat(m.length));
  const start =
    Math.max(
      clean.lastIndexOf('\n', index),
      ...['。', '！', '？', '!', '?'].map((p) => clean.lastIndexOf(p, index - 1)),
    ) + 1;
  const ends = ['\n', '。', '！', '？', '!', '?'].map((p) => clean.indexOf(p, index)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) : clean.length;
  const sentence = clean.slice(start, end).replace(/\s+/g, ' ').trim();
  return sentence.length > MAX_TITLE ? `${sentence.slice(0, MAX_TITLE - 1)}…` : sentence;
}

function firstPrice(text: string): { amount: number; currency: string | null; index: number } | null {
  const m = PRICE_IN_TEXT.exec(text.normalize('NFKC'));
  const price = m ? parsePrice(m[0]) : null;
  return price && m ? { amount: price.amount, currency: price.currency, index: m.index } : null;
}

export function coursesInPost(post: PostRecord): CourseRecord[] {
  const text = post.text ?? '';
  const price = firstPrice(text);
  const records: CourseRecord[] = [];
  // The same course may be linked twice (the links list and the text, or with a coupon): key by course URL.
  const linked = new Map<string, { link: string; rule: CourseRule }>();
  for (const link of [...post.links, ...(text.match(URL_IN_TEXT) ?? [])]) {
    const hit = isCourseUrl(link) ? ruleFor(link) : null;
    const url = hit ? courseUrlOf(link) : null;
    // A URL past the record contract's 2 048 characters is text that runs on, not a course page.
    if (hit && url && url.length <= MAX_URL && !linked.has(url)) linked.set(url, { link, rule: hit.rule });
  }
  for (const [url, { link, rule }] of linked) {
    const at = text.indexOf(link);
    const title = sentenceAround(text, Math.max(at, 0));
    // One linked course and one price: the price is that course's. With several links it is unclear.
    const priced = price && linked.size === 1;
    records.push(
      toRecord(
        {
          url,
          title,
          provider: rule.name,
          price: priced ? price.amount : undefined,
          currency: priced ? (price.currency ?? rule.currency) : undefined,
        },
        'post',
        url,
        { seenIn: post.id },
      ),
    );
  }
  if (records.length || !price) return records;
  // No course link: a course word near a price still states an offer ("训练营 ¥299").
  const word = COURSE_WORD.exec(text.normalize('NFKC'));
  if (!word || Math.abs(word.index - price.index) > NEAR) return records;
  const url = cleanUrl(post.url);
  if (!url) return records;
  return [
    toRecord(
      {
        url,
        title: sentenceAround(text, Math.min(word.index, price.index)),
        provider: post.authorName || post.authorHandle || post.platform,
        price: price.amount,
        currency: price.currency ?? undefined,
      },
      'post',
      url,
      { seenIn: post.id },
    ),
  ];
}
