/**
 * Gumroad (gumroad.com, <seller>.gumroad.com). Pages are React-on-Rails: the props sit in
 * `<script type="application/json" data-component-name="…">`. Discover lists product cards
 * {name, seller.name, price_cents, currency_code, ratings{count, average}, url}; a product page's props
 * hold one such `product`. Fixture: test/fixtures/courses/Mikebrayshaw__gumroad-scraper/gumroad_page.html.
 */

import { fromMinorUnits, normaliseCurrency } from '../../../parse/price';
import type { CourseRecord } from '../../../records';
import { int, isObject, rating, text, toRecord } from '../record';
import type { CourseFields, CourseRule } from '../types';
import { cleanUrl } from '../url';

function props(doc: Document): Array<{ component: string; data: Record<string, unknown> }> {
  const out: Array<{ component: string; data: Record<string, unknown> }> = [];
  doc.querySelectorAll('script[type="application/json"][data-component-name]').forEach((script) => {
    try {
      const data = JSON.parse(script.textContent ?? '');
      if (isObject(data)) out.push({ component: script.getAttribute('data-component-name') ?? '', data });
    } catch {
      // Another component's props; a broken one just contributes nothing.
    }
  });
  return out;
}

/** One Gumroad product card or product object. */
function productFields(p: Record<string, unknown>, base: string): CourseFields | undefined {
  const name = text(p.name);
  const url = cleanUrl(text(p.url) ?? text(p.long_url) ?? text(p.short_url), base);
  if (!name || !url) return undefined;
  const currency = normaliseCurrency(p.currency_code) ?? undefined;
  const cents = int(p.price_cents);
  const ratings = isObject(p.ratings) ? p.ratings : undefined;
  const count = int(ratings?.count);
  return {
    url,
    title: name,
    provider: 'Gumroad',
    instructor: isObject(p.seller) ? text(p.seller.name) : undefined,
    price: cents === undefined ? undefined : fromMinorUnits(cents, currency ?? null),
    currency,
    ratingCount: count,
    // Gumroad prints average 0.0 for a product nobody rated yet.
    rating: count ? rating(ratings?.average) : undefined,
  };
}

function extract(doc: Document, url: string): CourseFields {
  for (const { data } of props(doc)) {
    if (isObject(data.product)) return productFields(data.product, url) ?? {};
  }
  return {};
}

function list(doc: Document, url: string): CourseRecord[] {
  const records: CourseRecord[] = [];
  for (const { data } of props(doc)) {
    const search = isObject(data.search_results) ? data.search_results.products : undefined;
    const cards = [
      ...(Array.isArray(search) ? search : []),
      ...(Array.isArray(data.recommended_products) ? data.recommended_products : []),
    ];
    for (const card of cards) {
      const fields = isObject(card) ? productFields(card, url) : undefined;
      if (fields?.url) records.push(toRecord(fields, 'site', fields.url));
    }
  }
  return records;
}

export const gumroad: CourseRule = {
  id: 'gumroad',
  name: 'Gumroad',
  matches: (url) => /(^|\.)gumroad\.com$/.test(url.hostname),
  isCourseUrl: (url) => /^\/l\/[^/]+/.test(url.pathname),
  extract,
  list,
};
