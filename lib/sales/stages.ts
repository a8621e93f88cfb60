/**
 * A campaign's later funnel stages from stored orders (research/attribution.md): 成熟 from the new
 * purchases within its dates, 忠诚 from repeat buyers and referrals when the export carries them.
 * The orders within the dates are the campaign's, as when an export is imported on its card.
 */
import type { OrderStageCounts } from '../metrics/funnel';
import { dayKey } from '../metrics/time';
import { funnelFromOrders } from './attribute';
import type { TrackedLink } from './links';
import type { Order } from './order';
import { knownLinks } from './report';

/** The orders whose local day (in `timeZone`) lies in [start, end]. */
export const ordersInDates = (
  orders: readonly Order[],
  range: { start: string; end: string },
  timeZone: string,
): Order[] =>
  orders.filter((o) => {
    const day = dayKey(o.at, timeZone);
    return day >= range.start && day <= range.end;
  });

/**
 * Null when the stored orders do not reach the campaign's dates (none imported, or all before or
 * after them): the funnel then keeps the counts entered by hand. Inside the span of the orders, no
 * order in the dates is a true zero.
 */
export function orderStages(
  orders: readonly Order[],
  links: readonly TrackedLink[],
  range: { start: string; end: string },
  timeZone: string,
): OrderStageCounts | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  // Whether the export names buyers and affiliates is a fact of the file, not of the dates.
  let buyers = false;
  let affiliates = false;
  for (const o of orders) {
    if (o.at < first) first = o.at;
    if (o.at > last) last = o.at;
    buyers ||= !!o.buyer;
    affiliates ||= !!o.affiliate;
  }
  if (orders.length === 0 || dayKey(last, timeZone) < range.start || dayKey(first, timeZone) > range.end)
    return null;
  const inside = ordersInDates(orders, range, timeZone);
  const { bought, repeatBuyers, referrals } = funnelFromOrders(inside, links);
  return {
    orders: inside.length,
    bought,
    repeatBuyers: repeatBuyers ?? (buyers ? 0 : null),
    referrals: referrals ?? (affiliates ? 0 : null),
  };
}

/**
 * The campaigns with their funnels' later stages from the stored orders, as the Campaigns view and
 * `npm run report` both build them: the seller's own codes (links copied, and those the own posts
 * carry) are no referrals.
 */
export function withOrderStages<C extends { start: string; end: string }>(
  campaigns: readonly C[],
  input: {
    orders: readonly Order[];
    copied: readonly TrackedLink[];
    ownPosts: Parameters<typeof knownLinks>[1];
    timeZone: string;
  },
): Array<C & { fromOrders: OrderStageCounts | null }> {
  const links = knownLinks(input.copied, input.ownPosts);
  return campaigns.map((c) => ({ ...c, fromOrders: orderStages(input.orders, links, c, input.timeZone) }));
}
