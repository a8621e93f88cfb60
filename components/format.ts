import type { MetricKey } from '@/lib/records';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "—" for unknown, "≈1.2万" for approximate, exact digits otherwise. */
export function formatCount(value: number | undefined | null, tag: string, approximate = false): string {
  if (value === undefined || value === null) return '—';
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
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
  const text = new Intl.DateTimeFormat(
    tag,
    approximate ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
  return approximate ? `≈${text}` : text;
}

export const isApprox = (approx: MetricKey[] | undefined, key: MetricKey): boolean => !!approx?.includes(key);

/** Only http(s) links are clickable: a page-supplied `javascript:` URL renders as text. */
export const safeHref = (url: string | undefined): string | undefined =>
  url && /^https?:\/\//i.test(url) ? url : undefined;
