/** OpenGraph, Twitter and product meta tags. */
import { normaliseCurrency, parsePrice } from '../../parse/price';
import { text } from './record';
import type { CourseFields } from './types';

/** The content of the first `<meta property|name=…>` among `keys` that is not empty. */
export function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = text(doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content'));
      if (value) return value;
    }
  }
  return undefined;
}

export function metaFields(doc: Document): CourseFields {
  const fields: CourseFields = {
    title: meta(doc, 'og:title', 'twitter:title'),
    provider: meta(doc, 'og:site_name', 'application-name'),
  };
  const url = meta(doc, 'og:url');
  if (url && /^https?:\/\//i.test(url)) fields.url = url;
  // Shopify and others: product:price:amount; Facebook's older og:price:amount.
  const currency = normaliseCurrency(meta(doc, 'product:price:currency', 'og:price:currency')) ?? undefined;
  const amount = meta(doc, 'product:price:amount', 'og:price:amount');
  const price = amount ? parsePrice(amount, currency) : null;
  if (price) {
    fields.price = price.amount;
    fields.currency = currency ?? price.currency ?? undefined;
  }
  const listAmount = meta(doc, 'product:original_price:amount', 'og:original_price:amount');
  const listPrice = listAmount ? parsePrice(listAmount, currency) : null;
  if (listPrice) fields.listPrice = listPrice.amount;
  return fields;
}
