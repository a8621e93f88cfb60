/**
 * The popup's sales figures, from a slice of orders read by time (never the full report): the
 * tagged orders of the last days, and the exact figures of the seller's posts on the open page.
 * The same ledger as the report (attributeExact); a conflict with a post not on the page is
 * settled in the dashboard, which sees every post.
 */
import type { Money } from '../metrics/money';
import type { PostRecord } from '../records';
import { attributeExact, type Figures } from './attribute';
import { bindCodes, codeInLink, postKey, type TrackedLink } from './links';
import type { Order } from './order';
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

/** Each post's exact figures (key "x:123"), for the posts that carry a tracked code. */
export function pageFigures(
  orders: readonly Order[],
  copied: readonly TrackedLink[],
  posts: readonly GlancePost[],
): Map<string, Figures | null> {
  const links = knownLinks(copied, posts);
  const bindings = bindCodes(links, posts);
  const exact = attributeExact({ orders, links, bindings, posts });
  const bound = new Set([...bindings.values()].map((b) => postKey(b.post)));
  return new Map(
    posts
      .filter((p) => bound.has(postKey(p)))
      .map((p) => [postKey(p), exact.perPost.get(postKey(p)) ?? null]),
  );
}
