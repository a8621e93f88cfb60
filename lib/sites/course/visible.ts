/**
 * Last-resort heuristics over the page text, for pages with no structured data: a price element or a
 * "Price" label, enrolment phrases ("5556人已学", "1.2万人学过", "519,749 already enrolled!"), lesson
 * counts ("45讲"). Reads text and attributes only (no layout), so it is safe on a live page.
 */
import { parseCount } from '../../parse/count';
import { looksLikePrice, type Price, parsePrice } from '../../parse/price';
import { text } from './record';
import type { CourseFields } from './types';

const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'TEXTAREA', 'OPTION']);
const MAX_TEXT = 400_000;
const MAX_SHORT = 80;

const PRICE_LABEL =
  /^(price|prices|course price|价格|售价|现价|课程价格|价钱|定价|preis|prix|precio|prezzo)\s*[:：]?$/i;
const INSTRUCTOR_LABEL =
  /^(instructors?|taught by|teacher|讲师|主讲|主讲人|主讲老师|授课老师|授课讲师|老师|作者)\s*[:：]?$/i;

interface PageText {
  all: string;
  priceLabels: Element[];
  instructorLabels: Element[];
}

/** One pass over the text nodes outside scripts and styles. */
function readText(doc: Document): PageText {
  const out: PageText = { all: '', priceLabels: [], instructorLabels: [] };
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  const parts: string[] = [];
  let length = 0;
  // 4 = NodeFilter.SHOW_TEXT (the global is absent in some test environments).
  const walker = doc.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node && length < MAX_TEXT; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || SKIP_PARENTS.has(parent.tagName.toUpperCase())) continue;
    const value = node.nodeValue?.trim();
    if (!value) continue;
    parts.push(value);
    length += value.length + 1;
    if (value.length <= 24) {
      if (PRICE_LABEL.test(value)) out.priceLabels.push(parent);
      else if (INSTRUCTOR_LABEL.test(value)) out.instructorLabels.push(parent);
    }
  }
  out.all = parts.join(' ');
  return out;
}

/** The text right after a label: its next sibling, or the next sibling of the label's cell. */
function afterLabel(label: Element): string | undefined {
  for (let el: Element | null = label, hops = 0; el && hops < 3; el = el.parentElement, hops++) {
    const next = el.nextElementSibling;
    const value = text(next?.textContent);
    if (value && value.length <= MAX_SHORT) return value;
    if (value) return undefined;
  }
  return undefined;
}

const PRICE_SELECTOR = [
  '[itemprop="price"]',
  '[data-purpose*="price"]',
  '[class*="price"]',
  '[class*="Price"]',
  '[id*="price"]',
].join(',');

/** A price element: the sale price, and a struck-through list price inside it ("<strike>$89</strike>$82"). */
function priceFromElements(doc: Document, currency?: string): { price: Price; list?: Price } | undefined {
  const candidates = doc.querySelectorAll(PRICE_SELECTOR);
  for (let i = 0; i < candidates.length && i < 300; i++) {
    const el = candidates[i]!;
    const all = text(el.textContent);
    if (!all || all.length > MAX_SHORT || !looksLikePrice(all)) continue;
    const struck = el.querySelector(
      's, del, strike, [class*="original"], [class*="origin"], [class*="line-through"]',
    );
    const listText = text(struck?.textContent);
    const saleText = listText ? text(all.replace(listText, '')) : all;
    const price = parsePrice(saleText, currency);
    if (!price) continue;
    const list = listText ? parsePrice(listText, currency) : null;
    return { price, list: list ?? undefined };
  }
  return undefined;
}

function priceNearTitle(doc: Document, currency?: string): Price | undefined {
  let el: Element | null | undefined = doc.querySelector('h1');
  for (let hops = 0; el && hops < 4; el = el.parentElement, hops++) {
    const chunk = text(el.textContent)?.slice(0, 2000);
    const m = chunk ? PRICE_IN_TEXT.exec(chunk) : null;
    if (m) return parsePrice(m[0], currency) ?? undefined;
  }
  return undefined;
}

/** A price with its currency marker attached: "¥199", "US$19.99", "19,99 €", "199元", "$49 USD". */
export const PRICE_IN_TEXT =
  /(?:US\$|CN¥|HK\$|NT\$|CA\$|AU\$|A\$|S\$|R\$|E£|[$¥￥€£₹₩])\s?\d[\d,.]*(?:\s?(?:USD|CNY|EUR|GBP))?|\d[\d,.]*\s?(?:元|€|£|USD|CNY|EUR|GBP|RMB|B币)/;

// The number must be followed by the enrolment phrase; "over 500 students" (an instructor bio) is not.
const STUDENTS =
  /(?<!over |more than |than |超过|累计)(?<![\d.,])(\d[\d,.]*\s?[万千kKmM]?\+?)\s?(?:人(?:已学|学过|已学习|在学|学习|已购|已购买|购买|报名|已报名|已参加|参加|订阅|已订阅)|(?:students?|learners?)\s+(?:enrolled|already)|already (?:enrolled|signed up|sold)|enrolled\b|students\b)/i;
const LESSONS =
  /(?:共\s?)?(?<!第\s?)(?<![\d.,])(\d{1,4})\s?(?:讲|节课|课时)|共\s?(\d{1,4})\s?(?:节|期|集)|\b(\d{1,4}) (?:lectures|lessons)\b/i;
const RATING = /(?:rating:?\s?)?(\d(?:[.,]\d{1,2})?) out of 5\b/i;

export function visibleFields(doc: Document, currency?: string): CourseFields {
  const fields: CourseFields = {};
  const h1 = text(doc.querySelector('h1')?.textContent);
  fields.title = h1 && h1.length <= 300 ? h1 : text(doc.title);
  const page = readText(doc);

  const fromElement = priceFromElements(doc, currency);
  const price =
    fromElement?.price ??
    page.priceLabels
      .map(afterLabel)
      .map((t) => (t ? parsePrice(t, currency) : null))
      .find(Boolean) ??
    priceNearTitle(doc, currency);
  if (price) {
    fields.price = price.amount;
    if (price.currency) fields.currency = price.currency;
    if (fromElement?.list && fromElement.list.amount > price.amount)
      fields.listPrice = fromElement.list.amount;
  }

  const instructor = page.instructorLabels.map(afterLabel).find(Boolean);
  if (instructor) fields.instructor = instructor;

  const students = STUDENTS.exec(page.all);
  const count = students ? parseCount(students[1], 'zh') : null;
  if (count) fields.students = count.value;

  const lessons = LESSONS.exec(page.all);
  const lessonCount = Number(lessons?.[1] ?? lessons?.[2] ?? lessons?.[3]);
  if (lessonCount > 0) fields.lessons = lessonCount;

  const rated = RATING.exec(page.all);
  if (rated?.[1]) fields.rating = Number(rated[1].replace(',', '.'));
  return fields;
}

/** Students from a phrase such as "5556人已学", "1.2万人学过" or "12,345 students" (for rules and posts). */
export function studentsIn(value: string): { value: number; approximate: boolean } | undefined {
  const m = STUDENTS.exec(value);
  const count = m ? parseCount(m[1], 'zh') : null;
  return count ? { value: count.value, approximate: count.approximate } : undefined;
}
