/**
 * An orders CSV (exported from a shop or a course platform) summed into the campaign's purchases and
 * revenue. Columns are mapped by the user; amounts in different currencies are kept apart, never summed.
 */

import type { OrdersMapping } from '@/lib/messages';
import { type Money, toMinor } from '@/lib/metrics/money';
import { localDay } from '@/lib/metrics/time';
import { parsePrice } from '@/lib/parse/price';

export interface OrdersSummary {
  /** Distinct orders counted (rows with a readable amount, within the dates when a date column is mapped). */
  purchases: number;
  /** Revenue per currency, in first-seen order. */
  revenue: Money[];
  /** Orders carrying a referral mark (a non-empty referral column). */
  referrals: number;
  skipped: { noAmount: number; noCurrency: number; outsideDates: number; duplicate: number };
  /** Rows that cannot be read, by file line, for the seller to skip or cancel over. */
  unreadable: Array<{ line: number; problem: 'noAmount' | 'noCurrency' }>;
}

/** "2025-11-11 20:03", "2025/11/11", "11/11/2025" → YYYY-MM-DD; null when unreadable. */
export function orderDay(text: string | undefined): string | null {
  if (!text) return null;
  const s = text.trim();
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s);
  if (ymd) return `${ymd[1]}-${ymd[2]!.padStart(2, '0')}-${ymd[3]!.padStart(2, '0')}`;
  // Date.parse reads "11/11/2025" as local midnight: its day is the local day, not the UTC one (the
  // day before east of Greenwich).
  const parsed = Date.parse(s);
  return Number.isFinite(parsed) ? localDay(parsed) : null;
}

/** `lines[i]` is row i's line in the file (the header is line 1); without it, rows follow the header. */
export function summariseOrders(
  rows: ReadonlyArray<Record<string, string | undefined>>,
  mapping: OrdersMapping,
  range?: { start: string; end: string },
  lines?: readonly number[],
): OrdersSummary {
  const summary: OrdersSummary = {
    purchases: 0,
    revenue: [],
    referrals: 0,
    skipped: { noAmount: 0, noCurrency: 0, outsideDates: 0, duplicate: 0 },
    unreadable: [],
  };
  const seen = new Set<string>();
  const totals = new Map<string, Money>();
  for (const [i, row] of rows.entries()) {
    const line = lines?.[i] ?? i + 2;
    if (range && mapping.date) {
      const day = orderDay(row[mapping.date]);
      if (!day || day < range.start || day > range.end) {
        summary.skipped.outsideDates++;
        continue;
      }
    }
    const orderId = mapping.orderId ? row[mapping.orderId]?.trim() : '';
    if (orderId) {
      if (seen.has(orderId)) {
        summary.skipped.duplicate++;
        continue;
      }
      seen.add(orderId);
    }
    const price = parsePrice(row[mapping.amount]);
    if (!price) {
      summary.skipped.noAmount++;
      summary.unreadable.push({ line, problem: 'noAmount' });
      continue;
    }
    const named = mapping.currency ? row[mapping.currency]?.trim().toUpperCase() : '';
    const currency =
      (named && /^[A-Z]{3}$/.test(named) ? named : null) ?? price.currency ?? mapping.defaultCurrency;
    const money = currency ? toMinor(price.amount, currency) : null;
    if (!money) {
      summary.skipped.noCurrency++;
      summary.unreadable.push({ line, problem: 'noCurrency' });
      continue;
    }
    summary.purchases++;
    const total = totals.get(money.currency);
    if (total) total.minor += money.minor;
    else totals.set(money.currency, { ...money });
    if (mapping.referral && row[mapping.referral]?.trim()) summary.referrals++;
  }
  summary.revenue = [...totals.values()];
  return summary;
}

/** One currency's revenue for the campaign: the cost's currency when several are present; never a sum. */
export function chooseRevenue(
  revenue: readonly Money[],
  costCurrency: string | undefined,
): { money: Money | null; warning?: 'ordersManyCurrencies' } {
  if (revenue.length === 0) return { money: null };
  if (revenue.length === 1 && (!costCurrency || revenue[0]!.currency === costCurrency))
    return { money: revenue[0]! };
  const same = revenue.find((m) => m.currency === costCurrency);
  return { money: same ?? null, warning: 'ordersManyCurrencies' };
}
