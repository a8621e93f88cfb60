import type { MetricKey } from '@/lib/records';

/** Intl formatters are costly to build (~0.5 ms each): one per locale and options, built once. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = build();
    formats.set(key, format);
  }
  return format;
}

export const numberFormat = (tag: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  // Called for every table cell: the common no-options key is built without JSON.
  cached(
    options ? `n|${tag}|${JSON.stringify(options)}` : `n|${tag}`,
    () => new Intl.NumberFormat(tag, options),
  );

export const dateFormat = (tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(`d|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));

/** "—" for unknown, "≈1.2万" for approximate, exact digits otherwise. */
export function formatCount(value: number | undefined | null, tag: string, approximate = false): string {
  if (value === undefined || value === null) return '—';
  const format = numberFormat(tag);
  return approximate ? `≈${format.format(value)}` : format.format(value);
}

export function formatDateTime(
  value: string | number | null | undefined,
  tag: string,
  approximate = false,
): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const text = dateFormat(
    tag,
    approximate ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
  return approximate ? `≈${text}` : text;
}

export const isApprox = (approx: MetricKey[] | undefined, key: MetricKey): boolean => !!approx?.includes(key);

/** Only http(s) links are clickable: a page-supplied `javascript:` URL renders as text. */
export const safeHref = (url: string | undefined): string | undefined =>
  url && /^https?:\/\//i.test(url) ? url : undefined;

/** A course price in its currency; a price without a known currency as a plain number. */
export const priceText = (price: number | null, currency: string | null, tag: string): string =>
  price === null
    ? '—'
    : currency
      ? numberFormat(tag, { style: 'currency', currency }).format(price)
      : numberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(price);
