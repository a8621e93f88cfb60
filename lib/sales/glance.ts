/**
 * The popup's sales figures, from a slice of orders read by time (never the full report): the
 * tagged orders of the last days, and the exact figures of the seller's posts on the open page.
 * The same ledger as the report (attributeExact), with the seller's decisions on conflicting orders.
 */
import type { Money } from '../metrics/money';
import type { PostRecord } from '../records';
import { attributeExact, type Figures, type OrderCodes, taggedBy } from './attribute';
import { bindCodes, codeInLink, postKey, type TrackedLink } from './links';
import { netMinor, type Order } from './order';
import { knownLinks } from './report';

export const GLANCE_DAYS = 7;
const DAY_MS = 86_400_000;

type GlancePost = Pick<PostRecord, 'platform' | 'id' | 'createdAt' | 'format' | 'links'>;

/** Orders carrying any known code, and their net revenue per currency. */
export function taggedFigures(
  orders: readonly Order[],
  links: readonly TrackedLink[],
): { orders: number; revenue: Money[] } {
  const exact = attributeExact({ orders, links, bindings: new Map(), posts: [] });
  return {
    orders: exact.attributed.size,
    revenue: exact.tagged
      .filter((c) => c.tagged !== 0)
      .map((c) => ({ minor: c.tagged, currency: c.currency })),
  };
}

/** The start of the last GLANCE_DAYS days. */
export const glanceSince = (now: number): number => now - GLANCE_DAYS * DAY_MS;

export const HOUR_MS = 3_600_000;

/**
 * One UTC hour's orders of one currency carrying the same codes: what the popup's week is counted
 * from (kept beside the stored orders, lib/db/order-packs.ts), so a week of 100k orders is read as a
 * few thousand totals instead.
 */
export interface CodeTotal extends OrderCodes {
  /** The hour's start, epoch ms. */
  hour: number;
  currency: string;
  orders: number;
  /** Net revenue, minor units. */
  net: number;
}

/** Orders summed by hour, currency and codes. */
export function codeTotals(orders: readonly Order[]): CodeTotal[] {
  const groups = new Map<string, CodeTotal>();
  for (const o of orders) {
    const hour = Math.floor(o.at / HOUR_MS) * HOUR_MS;
    const codes: OrderCodes = {
      ...(o.utm?.content ? { utm: { content: o.utm.content } } : {}),
      ...(o.coupon ? { coupon: o.coupon } : {}),
      ...(o.affiliate ? { affiliate: o.affiliate } : {}),
    };
    const id = JSON.stringify([hour, o.currency, o.utm?.content, o.coupon, o.affiliate]);
    const group = groups.get(id) ?? { hour, currency: o.currency, ...codes, orders: 0, net: 0 };
    group.orders++;
    group.net += netMinor(o);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * taggedFigures from totals: the orders carrying any known code, and their net revenue per currency
 * (currencies summing to zero left out, as there), by currency code.
 */
export function taggedTotals(
  totals: readonly CodeTotal[],
  links: readonly TrackedLink[],
): { orders: number; revenue: Money[] } {
  const tagged = taggedBy(links);
  let orders = 0;
  const revenue = new Map<string, number>();
  for (const t of totals) {
    if (!tagged(t)) continue;
    orders += t.orders;
    revenue.set(t.currency, (revenue.get(t.currency) ?? 0) + t.net);
  }
  return {
    orders,
    revenue: [...revenue]
      .filter(([, minor]) => minor !== 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, minor]) => ({ minor, currency })),
  };
}

/**
 * When the codes of these posts could first have been used: the earliest of the posts' times and the
 * times the seller copied their links. Null when no post carries a code (nothing to read).
 */
export function codesOutSince(
  posts: readonly GlancePost[],
  copied: ReadonlyArray<TrackedLink & { createdAt: number }>,
): number | null {
  const codes = new Set(posts.flatMap((p) => p.links.map(codeInLink).filter((c) => c !== null)));
  if (codes.size === 0) return null;
  const times = [
    ...posts.map((p) => (p.createdAt ? Date.parse(p.createdAt) : Number.NaN)),
    ...copied.filter((l) => codes.has(l.code)).map((l) => l.createdAt),
  ].filter(Number.isFinite);
  return times.length ? Math.min(...times) : null;
}

/**
 * Each page post's exact figures (key "x:123"), for the page posts a tracked code is bound to. Codes
 * are bound over the page's posts and the seller's other recent posts, so an order whose codes also
 * name a post off the page is a conflict here as on the dashboard, and counts as the seller decided
 * (`decisions`: order key → post key or NO_POST).
 */
export function pageFigures(input: {
  orders: readonly Order[];
  copied: readonly TrackedLink[];
  page: readonly GlancePost[];
  /** The seller's other own posts read for the glance (the newest per account). */
  own: readonly GlancePost[];
  decisions: ReadonlyMap<string, string>;
}): Map<string, Figures | null> {
  const posts = [...new Map([...input.own, ...input.page].map((p) => [postKey(p), p])).values()];
  const links = knownLinks(input.copied, posts);
  const bindings = bindCodes(links, posts);
  const exact = attributeExact({ orders: input.orders, links, bindings, posts, decisions: input.decisions });
  const bound = new Set([...bindings.values()].map((b) => postKey(b.post)));
  return new Map(
    input.page
      .filter((p) => bound.has(postKey(p)))
      .map((p) => [postKey(p), exact.perPost.get(postKey(p)) ?? null]),
  );
}
