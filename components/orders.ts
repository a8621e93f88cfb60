/**
 * A campaign's share of an orders export. The file is read once, by lib/sales/import (the one reader
 * of order files); here its orders within the campaign's local dates become the campaign's purchases
 * and revenue. Amounts in different currencies are kept apart, never summed.
 */
import { type Money, sumByCurrency } from '@/lib/metrics/money';
import { netRevenue, type Order } from '@/lib/sales/order';
import { ordersInDates } from '@/lib/sales/stages';

export interface CampaignOrders {
  /** New purchases within the dates (renewals are revenue, not acquisitions). */
  purchases: number;
  /** Net revenue (gross − refunds − fees − affiliate commission) per currency, in first-seen order. */
  revenue: Money[];
  /** Orders carrying an affiliate or referral mark. */
  referrals: number;
  outsideDates: number;
}

/** The orders whose local day (in `timeZone`) lies in [start, end]; all of them without a range. */
export function campaignOrders(
  orders: readonly Order[],
  range: { start: string; end: string } | undefined,
  timeZone: string,
): CampaignOrders {
  const inside = range ? ordersInDates(orders, range, timeZone) : orders;
  return {
    purchases: inside.filter((o) => !o.renewal).length,
    revenue: [...sumByCurrency(inside.map(netRevenue)).values()],
    referrals: inside.filter((o) => o.affiliate).length,
    outsideDates: orders.length - inside.length,
  };
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
