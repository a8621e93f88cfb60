/**
 * "Which posts sold" at a glance (the Overview): the posts with exact orders, ranked without ever
 * comparing amounts of different currencies, and the posts the inferred tier credits, kept apart.
 */
import type { PostSales } from './report';

export interface TopPosts {
  /** The currency the ranking reads: the one most selling posts were paid in; null with no exact order. */
  currency: string | null;
  /** Posts with exact orders, best first, at most `limit`. */
  exact: PostSales[];
  /** How many posts have exact orders in all. */
  selling: number;
  /** Posts without exact orders that the inferred tier says added orders, most probable first. */
  inferred: PostSales[];
}

const minorIn = (p: PostSales, currency: string | null) =>
  p.exact.revenue.find((m) => m.currency === currency)?.minor ?? 0;

/**
 * Ranked by net revenue in the main currency, then by exact orders, then by key: an amount in yen
 * is never weighed against one in dollars. The main currency is chosen by posts, not by amounts.
 */
export function topPosts(posts: readonly PostSales[], limit: number): TopPosts {
  const selling = posts.filter((p) => p.exact.orders > 0);
  const postsPer = new Map<string, number>();
  for (const p of selling)
    for (const m of p.exact.revenue) postsPer.set(m.currency, (postsPer.get(m.currency) ?? 0) + 1);
  const currency = [...postsPer].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const key = (p: PostSales) => `${p.platform}:${p.id}`;
  const exact = [...selling]
    .sort(
      (a, b) =>
        minorIn(b, currency) - minorIn(a, currency) ||
        b.exact.orders - a.exact.orders ||
        key(a).localeCompare(key(b)),
    )
    .slice(0, limit);
  const inferred = posts
    .filter((p) => p.exact.orders === 0 && p.inferred?.verdict === 'added-orders')
    .sort((a, b) => b.inferred!.pAny - a.inferred!.pAny || key(a).localeCompare(key(b)))
    .slice(0, limit);
  return { currency, exact, selling: selling.length, inferred };
}
